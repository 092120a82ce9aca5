import { CODES, findingCode, LOCAL_SCHEME, type Code } from "@/lib/sr/sr-codes";
import { toPersonName } from "@/lib/sr/person-name";
import { da, patientStudyModules, tm, writeDicomObject, type SourceStudy } from "@/lib/sr/dicom-object";

// A signed-off review as a DICOM SR (TID 1500 Measurement Report): one planar ROI group per box, so PACS can show it.
export const COMPREHENSIVE_SR_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.88.33";

export type SrImage = { sopClassUid: string; sopInstanceUid: string; seriesInstanceUid: string };
export type SrBox = {
  trackingUid: string; // stable per label, so a PACS can follow the finding across reports
  className: string;
  box: [number, number, number, number]; // pixel x1, y1, x2, y2 on `image`
  image: SrImage;
  frame?: number; // 1-based frame of a multi-frame image (Referenced Frame Number); absent for a single-frame image
  source: string; // ai_accepted | ai_edited | reader_added
  model?: { name: string; version: string }; // the AI version the box came from, when it came from one
};
export type SrInput = {
  // The study and patient modules are copied from the source DICOM: the SR belongs to that study in the PACS.
  study: SourceStudy;
  sr: { seriesInstanceUid: string; sopInstanceUid: string; seriesNumber?: number; instanceNumber?: number; contentDateTime: Date };
  reader: { name: string };
  signedOffAt: Date;
  boxes: SrBox[];
  images: SrImage[]; // every image the boxes reference (the image library)
  manufacturer?: string;
  organization?: string; // VerifyingOrganization (Type 1): the site signing the report
};

export const DEFAULT_ORGANIZATION = "CXR Review";

// Every private scheme used in coded items must be declared (PS3.3 C.12.1.1.8), or validators flag the codes.
export const CODING_SCHEMES = [
  { CodingSchemeDesignator: LOCAL_SCHEME, CodingSchemeName: "CXR Review local codes", CodingSchemeResponsibleOrganization: "CXR Review" },
];

const codeItem = (c: Code) => ({ CodeValue: c.value, CodingSchemeDesignator: c.scheme, CodeMeaning: c.meaning });
const concept = (c: Code) => ({ ConceptNameCodeSequence: [codeItem(c)] });
const container = (rel: string | null, name: Code, children: object[]) => ({
  ...(rel ? { RelationshipType: rel } : {}),
  ValueType: "CONTAINER",
  ...concept(name),
  ContinuityOfContent: "SEPARATE",
  ContentSequence: children,
});
const code = (rel: string, name: Code, value: Code) => ({
  RelationshipType: rel,
  ValueType: "CODE",
  ...concept(name),
  ConceptCodeSequence: [codeItem(value)],
});
const text = (rel: string, name: Code, value: string) => ({
  RelationshipType: rel,
  ValueType: "TEXT",
  ...concept(name),
  TextValue: value.slice(0, 1024),
});
// A box on a multi-frame image names its frame: Referenced Frame Number is required when the reference is to some
// frames only (PS3.3 C.17.3.2.1).
const imageRef = (rel: string, img: SrImage, frame?: number) => ({
  RelationshipType: rel,
  ValueType: "IMAGE",
  ReferencedSOPSequence: [
    {
      ReferencedSOPClassUID: img.sopClassUid,
      ReferencedSOPInstanceUID: img.sopInstanceUid,
      ...(frame ? { ReferencedFrameNumber: String(frame) } : {}),
    },
  ],
});

// DICOM image coordinates put 0\0 at the top-left corner of the top-left pixel, as our pixel boxes do.
export function rectanglePolyline([x1, y1, x2, y2]: readonly number[]): number[] {
  return [x1!, y1!, x2!, y1!, x2!, y2!, x1!, y2!, x1!, y1!];
}

function measurementGroup(b: SrBox, index: number) {
  const children: object[] = [
    text("HAS OBS CONTEXT", CODES.trackingIdentifier, `${b.className} ${index + 1}`),
    { RelationshipType: "HAS OBS CONTEXT", ValueType: "UIDREF", ...concept(CODES.trackingUid), UID: b.trackingUid },
    code("CONTAINS", CODES.finding, findingCode(b.className)),
    {
      RelationshipType: "CONTAINS",
      ValueType: "SCOORD",
      ...concept(CODES.imageRegion),
      GraphicType: "POLYLINE",
      GraphicData: rectanglePolyline(b.box),
      ContentSequence: [imageRef("SELECTED FROM", b.image, b.frame)],
    },
    text("CONTAINS", CODES.labelSource, b.source),
  ];
  if (b.model)
    children.push(text("CONTAINS", CODES.algorithmName, b.model.name), text("CONTAINS", CODES.algorithmVersion, b.model.version));
  return container("CONTAINS", CODES.measurementGroup, children);
}

// Which series and instances the report is about (CurrentRequestedProcedureEvidenceSequence).
function evidence(input: SrInput) {
  const bySeries = new Map<string, SrImage[]>();
  for (const img of input.images) bySeries.set(img.seriesInstanceUid, [...(bySeries.get(img.seriesInstanceUid) ?? []), img]);
  return [
    {
      StudyInstanceUID: input.study.studyInstanceUid,
      ReferencedSeriesSequence: [...bySeries].map(([uid, imgs]) => ({
        SeriesInstanceUID: uid,
        ReferencedSOPSequence: imgs.map((i) => ({ ReferencedSOPClassUID: i.sopClassUid, ReferencedSOPInstanceUID: i.sopInstanceUid })),
      })),
    },
  ];
}

export function writeMeasurementReport(input: SrInput): Uint8Array {
  const { study, sr } = input;
  const root = container(null, CODES.measurementReport, [
    code("HAS CONCEPT MOD", CODES.languageOfContent, CODES.english),
    code("HAS OBS CONTEXT", CODES.observerType, CODES.person),
    {
      RelationshipType: "HAS OBS CONTEXT",
      ValueType: "PNAME",
      ...concept(CODES.personObserverName),
      PersonName: toPersonName(input.reader.name),
    },
    code("HAS CONCEPT MOD", CODES.procedureReported, CODES.chestXray),
    container(
      "CONTAINS",
      CODES.imageLibrary,
      input.images.length
        ? [
            container(
              "CONTAINS",
              CODES.imageLibraryGroup,
              input.images.map((i) => imageRef("CONTAINS", i)),
            ),
          ]
        : [],
    ),
    container("CONTAINS", CODES.imagingMeasurements, input.boxes.map(measurementGroup)),
  ]);
  const dataset = {
    SpecificCharacterSet: "ISO_IR 192",
    SOPClassUID: COMPREHENSIVE_SR_SOP_CLASS,
    SOPInstanceUID: sr.sopInstanceUid,
    ...patientStudyModules(study),
    Modality: "SR",
    SeriesInstanceUID: sr.seriesInstanceUid,
    SeriesNumber: String(sr.seriesNumber ?? 9001),
    ReferencedPerformedProcedureStepSequence: [],
    Manufacturer: input.manufacturer ?? "CXR Review",
    InstanceNumber: String(sr.instanceNumber ?? 1),
    CodingSchemeIdentificationSequence: CODING_SCHEMES,
    ContentDate: da(sr.contentDateTime),
    ContentTime: tm(sr.contentDateTime),
    CompletionFlag: "COMPLETE",
    VerificationFlag: "VERIFIED",
    VerifyingObserverSequence: [
      {
        VerifyingObserverName: toPersonName(input.reader.name),
        VerifyingOrganization: input.organization || DEFAULT_ORGANIZATION,
        VerificationDateTime: `${da(input.signedOffAt)}${tm(input.signedOffAt)}`,
        VerifyingObserverIdentificationCodeSequence: [],
      },
    ],
    PerformedProcedureCodeSequence: [],
    ...(input.images.length ? { CurrentRequestedProcedureEvidenceSequence: evidence(input) } : {}),
    ContentTemplateSequence: [{ MappingResource: "DCMR", TemplateIdentifier: "1500" }],
    ...root,
  };
  return writeDicomObject(dataset);
}
