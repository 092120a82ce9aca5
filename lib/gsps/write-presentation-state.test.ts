import { data as dcmjsData } from "dcmjs";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { dciodvfy, dciodvfyAvailable, DCIODVFY_MISSING } from "@/lib/dicom/testing/dciodvfy";
import { GSPS_LAYER, GSPS_SOP_CLASS, writePresentationState } from "@/lib/gsps/write-presentation-state";
import { sampleGspsInput } from "@/lib/gsps/testing/sample-gsps";

if (!dciodvfyAvailable() && env.CI) throw new Error(DCIODVFY_MISSING);
if (!dciodvfyAvailable()) console.warn(`[lib/gsps] ${DCIODVFY_MISSING}: the IOD check is skipped`);

type Ds = Record<string, unknown> & { GraphicAnnotationSequence: Array<Record<string, unknown>> };
const read = (bytes: Uint8Array) => {
  const msg = dcmjsData.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return dcmjsData.DicomMetaDictionary.naturalizeDataset(msg.dict) as Ds;
};

describe("writePresentationState (GSPS)", () => {
  const input = sampleGspsInput();
  const ds = read(writePresentationState(input));

  it("belongs to the source study in a new PR series and references every source image", () => {
    expect(ds.SOPClassUID).toBe(GSPS_SOP_CLASS);
    expect(ds.Modality).toBe("PR");
    expect(ds.StudyInstanceUID).toBe(input.study.studyInstanceUid);
    expect(ds.StudyTime).toBe("101500");
    expect(ds.StudyID).toBe("CXR42");
    expect(ds.SeriesInstanceUID).toBe("2.25.31");
    expect(ds.ContentCreatorName).toEqual([{ Alphabetic: "Müller^Anna" }]);
    const series = ds.ReferencedSeriesSequence as Array<{ SeriesInstanceUID: string; ReferencedImageSequence: unknown[] }>;
    expect(series).toMatchObject([
      {
        SeriesInstanceUID: "1.2.826.0.1.3680043.8.498.100",
        ReferencedImageSequence: input.images.map((i) => ({
          ReferencedSOPClassUID: i.sopClassUid,
          ReferencedSOPInstanceUID: i.sopInstanceUid,
        })),
      },
    ]);
  });

  it("draws each box as a closed PIXEL polyline with its class as text, per referenced image", () => {
    const [first, second] = ds.GraphicAnnotationSequence;
    expect(ds.GraphicAnnotationSequence).toHaveLength(2);
    expect(first!.GraphicLayer).toBe(GSPS_LAYER);
    const objects = first!.GraphicObjectSequence as Array<Record<string, unknown>>;
    expect(objects.map((o) => [o.GraphicType, o.GraphicAnnotationUnits, o.NumberOfGraphicPoints])).toEqual([
      ["POLYLINE", "PIXEL", 5],
      ["POLYLINE", "PIXEL", 5],
    ]);
    expect(objects[0]!.GraphicData).toEqual([100, 200, 400, 200, 400, 380, 100, 380, 100, 200]);
    const texts = (first!.TextObjectSequence as Array<Record<string, unknown>>).map((t) => t.UnformattedTextValue);
    expect(texts).toEqual(["Cardiomegaly (AI)", "Nodule/Mass (AI)"]);
    expect((second!.TextObjectSequence as Array<Record<string, unknown>>)[0]!.UnformattedTextValue).toBe("Pleural thickening");
    expect((second!.ReferencedImageSequence as Array<Record<string, unknown>>)[0]!.ReferencedSOPInstanceUID).toBe(
      input.images[1]!.sopInstanceUid,
    );
  });

  it("carries the source's displayed area and VOI window; MONOCHROME1 is shown inverted", () => {
    const area = (ds.DisplayedAreaSelectionSequence as Array<Record<string, unknown>>)[0]!;
    expect(area.DisplayedAreaBottomRightHandCorner).toEqual([512, 512]);
    const voi = (ds.SoftcopyVOILUTSequence as Array<Record<string, unknown>>)[0]!;
    expect([voi.WindowCenter, voi.WindowWidth]).toEqual([1800, 3000]);
    expect(ds.PresentationLUTShape).toBe("IDENTITY");
    const inverted = read(writePresentationState({ ...input, images: input.images.map((i) => ({ ...i, photometric: "MONOCHROME1" })) }));
    expect(inverted.PresentationLUTShape).toBe("INVERSE");
  });

  it.skipIf(!dciodvfyAvailable())("passes dciodvfy without errors", () => {
    const report = dciodvfy(writePresentationState(input));
    expect(report.iod).toBe("GrayscaleSoftcopyPresentationState");
    expect(report.errors).toEqual([]);
  });
});
