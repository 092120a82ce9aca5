import { data as dcmjsData } from "dcmjs";

// What the SR and the GSPS share: the patient and study modules copied from the source study (so a PACS files them
// with it), and writing a naturalized dataset as a DICOM Part 10 file with dcmjs.
const EXPLICIT_LE = "1.2.840.10008.1.2.1";
const IMPLEMENTATION_UID = "2.25.329800735698586629295641978511506172918";

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

export function writeDicomObject(dataset: Record<string, unknown> & { SOPClassUID: string; SOPInstanceUID: string }): Uint8Array {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_LE,
    ImplementationClassUID: IMPLEMENTATION_UID,
  };
  const { DicomDict, DicomMetaDictionary } = dcmjsData;
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}
