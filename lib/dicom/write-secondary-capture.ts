import { writeDicomObject } from "./write-dicom-object";
import { rangeWindow, type VoiWindow } from "./voi";

// Wraps an 8-bit grey raster (an uploaded PNG/JPEG) as a DICOM Part 10 Secondary Capture, explicit VR little endian,
// with dcmjs like the SR writer, so that storage, viewer and inference handle every image as DICOM.
export const SECONDARY_CAPTURE_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.7";

export type SecondaryCaptureInput = {
  rows: number;
  columns: number;
  pixels: Uint8Array; // rows*columns grey samples
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  studyDate: string; // YYYYMMDD, or "" when unknown (Study Date is type 2: present, may be empty)
  description: string;
  /** Written as Window Center / Width (LINEAR); without one, readers fall back to their own windowing. */
  window?: Pick<VoiWindow, "center" | "width">;
};

/** The LINEAR window (PS3.3 C.11.2.1.2.1) that maps every 8-bit value to itself: centre 128, width 256. An 8-bit
 * PNG/JPEG wrapped with it is shown, predicted on and exported with exactly its own pixels (no contrast stretch). */
export const IDENTITY_WINDOW_8BIT = rangeWindow(0, 255);

export function writeSecondaryCapture(input: SecondaryCaptureInput): Uint8Array {
  if (input.pixels.length !== input.rows * input.columns) throw new Error("pixel count does not match rows × columns");
  const px = input.pixels;
  return writeDicomObject({
    SOPClassUID: SECONDARY_CAPTURE_SOP_CLASS,
    SOPInstanceUID: input.sopInstanceUid,
    StudyDate: input.studyDate,
    Modality: "OT",
    ConversionType: "WSD",
    StudyDescription: input.description.slice(0, 64),
    PatientName: "",
    PatientID: "",
    StudyInstanceUID: input.studyInstanceUid,
    SeriesInstanceUID: input.seriesInstanceUid,
    InstanceNumber: "1",
    SamplesPerPixel: 1,
    PhotometricInterpretation: "MONOCHROME2",
    Rows: input.rows,
    Columns: input.columns,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    ...(input.window ? { WindowCenter: String(input.window.center), WindowWidth: String(input.window.width) } : {}),
    _vrMap: { PixelData: "OB" }, // 8-bit samples: dcmjs cannot infer OB/OW
    PixelData: [px.buffer.slice(px.byteOffset, px.byteOffset + px.byteLength)],
  });
}

// UUID-derived UIDs (PS3.5 B.2): no organisation root needed.
export function generateUid(): string {
  const hex = crypto.randomUUID().replace(/-/g, "");
  return `2.25.${BigInt("0x" + hex).toString(10)}`;
}
