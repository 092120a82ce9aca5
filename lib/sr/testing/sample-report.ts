import type { SrInput } from "@/lib/sr/write-measurement-report";

// A two-image study with three final boxes (two from the AI, one added by the reader), for the SR writer's tests.
export function sampleReportInput(): SrInput {
  const image = (n: number) => ({
    sopClassUid: "1.2.840.10008.5.1.4.1.1.1.1",
    sopInstanceUid: `1.2.826.0.1.3680043.8.498.${n}`,
    seriesInstanceUid: "1.2.826.0.1.3680043.8.498.100",
  });
  const [a, b] = [image(1), image(2)];
  return {
    study: {
      studyInstanceUid: "1.2.826.0.1.3680043.8.498.1000",
      studyDate: "20240131",
      studyTime: "101500",
      studyId: "CXR42",
      referringPhysicianName: "Ref^Erin",
      accessionNumber: "ACC42",
      patientId: "PAT-7",
      patientName: "Doe^Jane",
      patientBirthDate: "19700101",
      patientSex: "F",
    },
    sr: { seriesInstanceUid: "2.25.11", sopInstanceUid: "2.25.12", contentDateTime: new Date("2024-02-01T10:20:30Z") },
    reader: { name: "Anna Müller" },
    organization: "General Hospital",
    signedOffAt: new Date("2024-02-01T10:20:30Z"),
    images: [a, b],
    boxes: [
      {
        trackingUid: "2.25.21",
        className: "Cardiomegaly",
        box: [100, 200, 400, 380],
        image: a,
        source: "ai_accepted",
        model: { name: "cxr-yolo", version: "1.2.0" },
      },
      {
        trackingUid: "2.25.22",
        className: "Nodule/Mass",
        box: [10.5, 20.25, 60, 70],
        image: a,
        source: "ai_edited",
        model: { name: "cxr-yolo", version: "1.2.0" },
      },
      { trackingUid: "2.25.23", className: "Pleural thickening", box: [5, 6, 50, 60], image: b, source: "reader_added" },
    ],
  };
}
