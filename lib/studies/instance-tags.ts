import type { DicomMetadata } from "@/lib/dicom/read-metadata";

export type InstanceTags = Record<string, string | number | null>;

// Key tags for the viewer panel and drift features. Patient identifiers stay on Study, never here.
export function instanceTags(m: DicomMetadata): InstanceTags {
  return {
    Modality: m.modality ?? null,
    ViewPosition: m.viewPosition ?? null,
    BodyPartExamined: m.bodyPart ?? null,
    Manufacturer: m.manufacturer ?? null,
    ManufacturerModelName: m.manufacturerModelName ?? null,
    PhotometricInterpretation: m.photometricInterpretation,
    Rows: m.rows,
    Columns: m.columns,
    BitsAllocated: m.bitsAllocated,
    BitsStored: m.bitsStored,
    PixelRepresentation: m.pixelRepresentation,
    RescaleSlope: m.rescaleSlope,
    RescaleIntercept: m.rescaleIntercept,
    WindowCenter: m.windowCenter[0] ?? null,
    WindowWidth: m.windowWidth[0] ?? null,
    PixelSpacing: m.pixelSpacing ? m.pixelSpacing.join("\\") : null,
    ImagerPixelSpacing: m.imagerPixelSpacing ? m.imagerPixelSpacing.join("\\") : null,
    TransferSyntaxUID: m.transferSyntaxUid,
    StudyDescription: m.studyDescription ?? null,
  };
}

export function parseDicomDate(da: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(da ?? "");
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return Number.isNaN(d.getTime()) ? null : d;
}
