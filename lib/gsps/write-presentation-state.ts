import { rectanglePolyline } from "@/lib/sr/write-measurement-report";
import { toPersonName } from "@/lib/sr/person-name";
import { da, patientStudyModules, tm, writeDicomObject, type SourceStudy } from "@/lib/sr/dicom-object";

// The final boxes as a Grayscale Softcopy Presentation State: most PACS viewers draw a GSPS over the image they
// reference (few render a TID 1500 SR), so this is what a reader sees in the PACS.
export const GSPS_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.11.1";
export const GSPS_LAYER = "AI_FINDINGS";

export type GspsImage = {
  sopClassUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  rows: number;
  columns: number;
  photometric: string; // MONOCHROME1 images are shown inverted (Presentation LUT Shape INVERSE)
  window: { center: number; width: number }; // the source's VOI, so the PACS shows the image as the reader saw it
  rescale?: { slope: number; intercept: number }; // the source's Modality LUT, when it has one
};
export type GspsBox = { className: string; box: [number, number, number, number]; sopInstanceUid: string; source: string };
export type GspsInput = {
  study: SourceStudy;
  gsps: { seriesInstanceUid: string; sopInstanceUid: string; seriesNumber?: number; instanceNumber?: number; contentDateTime: Date };
  creator: { name: string };
  images: GspsImage[];
  boxes: GspsBox[];
  manufacturer?: string;
};

const imageRef = (i: GspsImage) => ({ ReferencedSOPClassUID: i.sopClassUid, ReferencedSOPInstanceUID: i.sopInstanceUid });

// What a reader sees next to a box in the PACS: its class, marked when it came from the AI.
export const boxLabel = (b: { className: string; source: string }) => (b.source === "reader_added" ? b.className : `${b.className} (AI)`);

// The class label sits just above the box (inside the image), in the same pixel space as the rectangle.
function textObject(b: GspsBox, img: GspsImage) {
  const [x1, y1, x2] = b.box;
  const height = Math.max(12, Math.round(img.rows * 0.03));
  const top = Math.max(0, y1 - height);
  const label = boxLabel(b);
  return {
    BoundingBoxAnnotationUnits: "PIXEL",
    UnformattedTextValue: label.slice(0, 1024),
    BoundingBoxTopLeftHandCorner: [x1, top],
    BoundingBoxBottomRightHandCorner: [Math.min(img.columns, Math.max(x2, x1 + height * label.length * 0.6)), top + height],
    BoundingBoxTextHorizontalJustification: "LEFT",
  };
}

const rectangle = (b: GspsBox) => ({
  GraphicAnnotationUnits: "PIXEL",
  GraphicDimensions: 2,
  NumberOfGraphicPoints: 5,
  GraphicData: rectanglePolyline(b.box),
  GraphicType: "POLYLINE",
  GraphicFilled: "N",
});

function annotations(input: GspsInput) {
  return input.images
    .map((img) => ({ img, boxes: input.boxes.filter((b) => b.sopInstanceUid === img.sopInstanceUid) }))
    .filter((g) => g.boxes.length > 0)
    .map(({ img, boxes }) => ({
      ReferencedImageSequence: [imageRef(img)],
      GraphicLayer: GSPS_LAYER,
      TextObjectSequence: boxes.map((b) => textObject(b, img)),
      GraphicObjectSequence: boxes.map(rectangle),
    }));
}

function referencedSeries(images: GspsImage[]) {
  const bySeries = new Map<string, GspsImage[]>();
  for (const i of images) bySeries.set(i.seriesInstanceUid, [...(bySeries.get(i.seriesInstanceUid) ?? []), i]);
  return [...bySeries].map(([uid, imgs]) => ({ SeriesInstanceUID: uid, ReferencedImageSequence: imgs.map(imageRef) }));
}

export function writePresentationState(input: GspsInput): Uint8Array {
  const { study, gsps, images } = input;
  if (images.length === 0) throw new Error("a presentation state needs at least one referenced image");
  const created = gsps.contentDateTime;
  const rescale = images[0]!.rescale;
  const dataset = {
    SpecificCharacterSet: "ISO_IR 192",
    SOPClassUID: GSPS_SOP_CLASS,
    SOPInstanceUID: gsps.sopInstanceUid,
    ...patientStudyModules(study),
    Modality: "PR",
    SeriesInstanceUID: gsps.seriesInstanceUid,
    SeriesNumber: String(gsps.seriesNumber ?? 9002),
    SeriesDescription: "AI findings (signed off)",
    BodyPartExamined: "CHEST", // an unpaired body part: (0020,0060) Laterality stays absent
    Manufacturer: input.manufacturer ?? "CXR Review",
    InstanceNumber: String(gsps.instanceNumber ?? 1),
    ContentLabel: "CXR_FINDINGS",
    ContentDescription: "Final findings of the signed-off read",
    PresentationCreationDate: da(created),
    PresentationCreationTime: tm(created),
    ContentCreatorName: toPersonName(input.creator.name),
    ReferencedSeriesSequence: referencedSeries(images),
    DisplayedAreaSelectionSequence: images.map((i) => ({
      ReferencedImageSequence: [imageRef(i)],
      DisplayedAreaTopLeftHandCorner: [1, 1],
      DisplayedAreaBottomRightHandCorner: [i.columns, i.rows],
      PresentationSizeMode: "SCALE TO FIT",
      PresentationPixelAspectRatio: [1, 1],
    })),
    GraphicAnnotationSequence: annotations(input),
    ImageRotation: 0,
    ImageHorizontalFlip: "N",
    GraphicLayerSequence: [{ GraphicLayer: GSPS_LAYER, GraphicLayerOrder: 1, GraphicLayerDescription: "Final boxes and their classes" }],
    ...(rescale ? { RescaleIntercept: String(rescale.intercept), RescaleSlope: String(rescale.slope), RescaleType: "US" } : {}),
    SoftcopyVOILUTSequence: images.map((i) => ({
      ReferencedImageSequence: [imageRef(i)],
      WindowCenter: String(i.window.center),
      WindowWidth: String(i.window.width),
    })),
    PresentationLUTShape: images[0]!.photometric === "MONOCHROME1" ? "INVERSE" : "IDENTITY",
  };
  return writeDicomObject(dataset);
}
