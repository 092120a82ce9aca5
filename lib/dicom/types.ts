import type { DataSet } from "dicom-parser";

/** A parsed DICOM object: the dicom-parser data set plus how its bytes are encoded. */
export interface DicomDataset {
  transferSyntaxUid: string;
  /** false only for explicit VR big endian (pixel bytes must be swapped). */
  littleEndian: boolean;
  /** false for ACR-NEMA style files with no preamble, "DICM" or file meta group. */
  hasFileMeta: boolean;
  raw: DataSet;
}

export type GreyPixels = Uint8Array | Uint16Array | Int16Array;

/** One decoded frame: grey (samplesPerPixel 1) or interleaved RGB (samplesPerPixel 3, Uint8Array). */
export interface DecodedImage {
  rows: number;
  columns: number;
  pixels: GreyPixels;
  samplesPerPixel: 1 | 3;
  bitsStored: number;
  pixelRepresentation: 0 | 1;
  minValue: number;
  maxValue: number;
}

export interface VoiLut {
  /** [number of entries (0 read as 65536), first stored value mapped, bits per entry] */
  descriptor: [number, number, number];
  data: number[];
  explanation?: string;
}
