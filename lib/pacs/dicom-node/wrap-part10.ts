import { data as dcmjsData } from "dcmjs";

// The app's implementation class UID (same as its SR and secondary-capture writers).
const IMPLEMENTATION_UID = "2.25.329800735698586629295641978511506172918";
const PREAMBLE_AND_PREFIX = 132;

export type Part10Meta = { sopClassUid: string; sopInstanceUid: string; transferSyntaxUid: string; sourceAeTitle?: string };

// A C-STORE carries a bare data set in the negotiated transfer syntax: the file meta group (written by dcmjs) is put in
// front of the bytes as received, so what is stored is exactly what the modality sent (no re-encoding, no transcoding).
export function wrapPart10(meta: Part10Meta, dataset: Uint8Array): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjsData;
  const header = new DicomDict(
    DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: meta.sopClassUid,
      MediaStorageSOPInstanceUID: meta.sopInstanceUid,
      TransferSyntaxUID: meta.transferSyntaxUid,
      ImplementationClassUID: IMPLEMENTATION_UID,
      ImplementationVersionName: "CXR_REVIEW",
      ...(meta.sourceAeTitle ? { SourceApplicationEntityTitle: meta.sourceAeTitle } : {}),
    }),
  );
  header.dict = {};
  const head = new Uint8Array(header.write());
  if (head.length <= PREAMBLE_AND_PREFIX) throw new Error("file meta group was not written");
  const out = new Uint8Array(head.length + dataset.length);
  out.set(head, 0);
  out.set(dataset, head.length);
  return out;
}
