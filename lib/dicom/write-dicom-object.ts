import { data as dcmjsData } from "dcmjs";

// Writes a naturalized dataset as a DICOM Part 10 file (explicit VR little endian) with dcmjs: the one DICOM writer of
// the app (uploaded rasters as Secondary Capture, the SR, the GSPS and the key image).
const EXPLICIT_LE = "1.2.840.10008.1.2.1";
const IMPLEMENTATION_UID = "2.25.329800735698586629295641978511506172918";

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
