import { parseDicom, type DataSet } from "dicom-parser";
import { describe, expect, it } from "vitest";
import { COMPREHENSIVE_SR_SOP_CLASS, rectanglePolyline, writeMeasurementReport } from "@/lib/sr/write-measurement-report";
import { findingCode, localCodeValue } from "@/lib/sr/sr-codes";
import { sampleReportInput } from "@/lib/sr/testing/sample-report";

const CONTENT = "x0040a730";
const items = (ds: DataSet, tag: string) => (ds.elements[tag]?.items ?? []).map((i) => i.dataSet!);
const conceptOf = (ds: DataSet) => items(ds, "x0040a043")[0]?.string("x00080100");
const child = (ds: DataSet, code: string) => items(ds, CONTENT).find((c) => conceptOf(c) === code)!;
const floats = (ds: DataSet, tag: string) => Array.from({ length: ds.elements[tag]!.length / 4 }, (_, i) => ds.float(tag, i)!);

function parse(bytes: Uint8Array) {
  return parseDicom(bytes);
}

describe("the TID 1500 SR writer", () => {
  const input = sampleReportInput();
  const ds = parse(writeMeasurementReport(input));

  it("writes a Comprehensive SR of the source study, verified by the reader, on template 1500", () => {
    expect(ds.string("x00020002")).toBe(COMPREHENSIVE_SR_SOP_CLASS);
    expect(ds.string("x00080016")).toBe(COMPREHENSIVE_SR_SOP_CLASS);
    expect(ds.string("x00080060")).toBe("SR");
    expect(ds.string("x0020000d")).toBe(input.study.studyInstanceUid);
    expect(ds.string("x00100020")).toBe("PAT-7"); // the PACS files the SR with its study: identifiers are the source's
    expect(ds.string("x00080050")).toBe("ACC42");
    expect(ds.string("x00080018")).toBe("2.25.12");
    expect(ds.string("x0040a491")).toBe("COMPLETE");
    expect(ds.string("x0040a493")).toBe("VERIFIED");
    const template = items(ds, "x0040a504")[0]!;
    expect([template.string("x00080105"), template.string("x0040db00")]).toEqual(["DCMR", "1500"]);
    expect(conceptOf(ds)).toBe("126000");
    expect(ds.string("x0040a040")).toBe("CONTAINER");
    const observer = child(ds, "121008");
    expect(
      Buffer.from(observer.byteArray.buffer, observer.elements.x0040a123!.dataOffset, observer.elements.x0040a123!.length)
        .toString("utf8")
        .trim(),
    ).toBe("Müller^Anna");
  });

  it("has one measurement group per box: finding code, closed rectangle on the referenced image, provenance", () => {
    const groups = items(child(ds, "126010"), CONTENT);
    expect(groups).toHaveLength(3);
    groups.forEach((g, i) => {
      const box = input.boxes[i]!;
      expect(conceptOf(g)).toBe("125007");
      const finding = items(child(g, "121071"), "x0040a168")[0]!;
      expect(finding.string("x00080100")).toBe(findingCode(box.className).value);
      const region = child(g, "111030");
      expect(region.string("x00700023")).toBe("POLYLINE");
      const points = floats(region, "x00700022");
      expect(points).toEqual(rectanglePolyline(box.box));
      expect(points.slice(0, 2)).toEqual(points.slice(8, 10)); // closed: 5 points, the last is the first
      const ref = items(items(region, CONTENT)[0]!, "x00081199")[0]!;
      expect(ref.string("x00081155")).toBe(box.image.sopInstanceUid);
      expect(ref.string("x00081150")).toBe(box.image.sopClassUid);
      expect(child(g, "LABELSOURCE").string("x0040a160")).toBe(box.source);
      expect(child(g, "111003")?.string("x0040a160")).toBe(box.model?.version);
    });
    const library = items(child(child(ds, "111028"), "126200"), CONTENT);
    expect(library.map((i) => items(i, "x00081199")[0]!.string("x00081155"))).toEqual(input.images.map((i) => i.sopInstanceUid));
  });

  it("codes known findings in SNOMED CT and the rest in the local scheme, within the 16-character SH limit", () => {
    expect(findingCode("Cardiomegaly")).toEqual({ value: "8186001", scheme: "SCT", meaning: "Cardiomegaly" });
    expect(findingCode("Nodule/Mass")).toEqual({ value: "NODULE_MASS", scheme: "99CXR", meaning: "Nodule/Mass" });
    const long = localCodeValue("Pleural thickening");
    expect(long).toHaveLength(16);
    expect(long).not.toBe(localCodeValue("Pleural thickenings"));
  });

  it("writes a report with no boxes for a study signed off as no finding", () => {
    const empty = parse(writeMeasurementReport({ ...input, boxes: [], images: [] }));
    expect(items(child(empty, "126010"), CONTENT)).toHaveLength(0);
  });
});
