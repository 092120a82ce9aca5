// The parts of dcmjs (it ships no types) that lib/sr uses: a naturalized dataset in, DICOM Part 10 bytes out.
declare module "dcmjs" {
  type NaturalDataset = Record<string, unknown>;
  class DicomDict {
    constructor(meta: Record<string, unknown>);
    dict: Record<string, unknown>;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }
  export const data: {
    DicomDict: typeof DicomDict;
    DicomMetaDictionary: { denaturalizeDataset(dataset: NaturalDataset): Record<string, unknown> };
  };
}
