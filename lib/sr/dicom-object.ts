// What the SR and the GSPS share: the patient and study modules copied from the source study (so a PACS files them
// with it), and writing a naturalized dataset as a DICOM Part 10 file with dcmjs (lib/dicom/write-dicom-object.ts).
export { writeDicomObject } from "@/lib/dicom/write-dicom-object";

export type SourceStudy = {
  studyInstanceUid: string;
  studyDate?: string;
  studyTime?: string;
  studyId?: string;
  referringPhysicianName?: string;
  accessionNumber?: string;
  patientId?: string;
  patientName?: string;
  patientBirthDate?: string;
  patientSex?: string;
};

export const da = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, "");
export const tm = (d: Date) => d.toISOString().slice(11, 19).replace(/:/g, "");

export function patientStudyModules(study: SourceStudy) {
  return {
    PatientName: study.patientName ?? "",
    PatientID: study.patientId ?? "",
    PatientBirthDate: study.patientBirthDate ?? "",
    PatientSex: study.patientSex ?? "",
    StudyInstanceUID: study.studyInstanceUid,
    StudyDate: study.studyDate ?? "",
    StudyTime: study.studyTime ?? "",
    ReferringPhysicianName: study.referringPhysicianName ?? "",
    StudyID: study.studyId ?? "",
    AccessionNumber: study.accessionNumber ?? "",
  };
}
