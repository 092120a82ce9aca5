import { da, patientStudyModules, tm, writeDicomObject, type SourceStudy } from "@/lib/sr/dicom-object";
import { SECONDARY_CAPTURE_SOP_CLASS } from "@/lib/dicom/write-secondary-capture";

// A Secondary Capture "key image": the source rendered as the reader saw it, boxes burned in, for PACS viewers that
// show neither a presentation state nor an SR. Same study, its own series; it says it is derived and annotated.
export type KeyImageInput = {
  study: SourceStudy;
  uids: { seriesInstanceUid: string; sopInstanceUid: string };
  source: { sopClassUid: string; sopInstanceUid: string };
  raster: { width: number; height: number; data: Uint8Array };
  labels: string[]; // the burned-in boxes' classes, in the image comments
  created: Date;
};

export function writeKeyImage(input: KeyImageInput): Uint8Array {
  const { raster } = input;
  return writeDicomObject({
    SpecificCharacterSet: "ISO_IR 192",
    SOPClassUID: SECONDARY_CAPTURE_SOP_CLASS,
    SOPInstanceUID: input.uids.sopInstanceUid,
    ...patientStudyModules(input.study),
    Modality: "OT",
    SeriesInstanceUID: input.uids.seriesInstanceUid,
    SeriesNumber: "9003",
    SeriesDescription: "AI findings key image (signed off)",
    BodyPartExamined: "CHEST", // an unpaired body part: Laterality stays absent
    Manufacturer: "CXR Review",
    ConversionType: "WSD",
    InstanceNumber: "1",
    PatientOrientation: "",
    ImageType: ["DERIVED", "SECONDARY"],
    ContentDate: da(input.created),
    ContentTime: tm(input.created),
    BurnedInAnnotation: "YES",
    DerivationDescription: "Source image in its display window with the signed-off boxes drawn in",
    SourceImageSequence: [{ ReferencedSOPClassUID: input.source.sopClassUid, ReferencedSOPInstanceUID: input.source.sopInstanceUid }],
    ImageComments: `Boxes: ${input.labels.join(", ")}`.slice(0, 10240),
    SamplesPerPixel: 1,
    PhotometricInterpretation: "MONOCHROME2",
    Rows: raster.height,
    Columns: raster.width,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    LossyImageCompression: "00",
    _vrMap: { PixelData: "OB" }, // 8-bit samples: dcmjs cannot infer OB/OW
    PixelData: [raster.data.buffer.slice(raster.data.byteOffset, raster.data.byteOffset + raster.data.byteLength)],
  });
}
