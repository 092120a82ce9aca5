// The parts of dcmjs (it ships no types) that lib/sr and lib/gsps use: a naturalized dataset in, DICOM Part 10 bytes
// out, and reading a Part 10 file back (tests, and the C-STORE adapter).
declare module "dcmjs" {
  type NaturalDataset = Record<string, unknown>;
  class DicomDict {
    constructor(meta: Record<string, unknown>);
    dict: Record<string, unknown>;
    meta: Record<string, { vr: string; Value: unknown[] }>;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }
  export const data: {
    DicomDict: typeof DicomDict;
    DicomMessage: { readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): DicomDict };
    DicomMetaDictionary: {
      denaturalizeDataset(dataset: NaturalDataset): Record<string, unknown>;
      naturalizeDataset(dataset: Record<string, unknown>): NaturalDataset;
    };
  };
}
