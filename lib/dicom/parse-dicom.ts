import dicomParser, { type DataSet, type ParseDicomOptions } from "dicom-parser";
import { inflateSync } from "fflate";
import { AppError, isAppError } from "@/lib/errors";
import { isSupportedTransferSyntax, TS } from "./transfer-syntax";
import type { DicomDataset } from "./types";

export interface ParseDicomOptionsExt {
  /** Skip the pixel-data and transfer-syntax checks (e.g. to read tags of any DICOM object). */
  metadataOnly?: boolean;
}

// Default import: dicom-parser is CommonJS, and Node's ESM loader (tsx CLIs) exposes only its default export.
const parseWithDicomParser = dicomParser.parseDicom;
const PIXEL_DATA = "x7fe00010";

/**
 * Parses DICOM Part 10 files and ACR-NEMA style files (no preamble, no "DICM", no meta group).
 * Errors: unsupported_media_type (not DICOM), unprocessable (truncated, malformed, no pixel data),
 * unsupported (transfer syntax this module cannot decode).
 */
export function parseDicom(bytes: Uint8Array, options: ParseDicomOptionsExt = {}): DicomDataset {
  const hasFileMeta = hasDicmPrefix(bytes);
  let forcedSyntax: string | undefined;
  if (!hasFileMeta) {
    forcedSyntax = guessRawDatasetSyntax(bytes);
    if (!forcedSyntax)
      throw new AppError(
        "unsupported_media_type",
        "Not a DICOM, PNG or JPEG file: no DICM prefix, no image signature and no readable data set",
      );
  }
  const parserOptions: ParseDicomOptions = { inflater: inflateDeflatedDataset };
  if (forcedSyntax) parserOptions.TransferSyntaxUID = forcedSyntax;
  const raw = runParser(bytes, parserOptions);
  if (!hasFileMeta && !looksLikeImageDataset(raw)) {
    throw new AppError("unsupported_media_type", "Not a DICOM file: no DICM prefix and no image attributes");
  }
  const transferSyntaxUid = raw.string("x00020010") ?? forcedSyntax ?? TS.implicitLittle;
  const dataset: DicomDataset = {
    transferSyntaxUid,
    littleEndian: transferSyntaxUid !== TS.explicitBig,
    hasFileMeta,
    raw,
  };
  if (!options.metadataOnly) assertDecodable(dataset);
  return dataset;
}

/** Throws unless this module can decode the data set's pixels (transfer syntax known, pixel data present and whole). */
export function assertDecodable({ raw, transferSyntaxUid }: DicomDataset): void {
  if (!isSupportedTransferSyntax(transferSyntaxUid)) {
    throw new AppError("unsupported", `Unsupported transfer syntax ${transferSyntaxUid}`, { transferSyntaxUid });
  }
  const pixel = raw.elements[PIXEL_DATA];
  if (!pixel) throw new AppError("unprocessable", "DICOM object has no pixel data (7FE0,0010)");
  if (!pixel.encapsulatedPixelData && pixel.dataOffset + pixel.length > raw.byteArray.length) {
    throw new AppError("unprocessable", "DICOM file is truncated: pixel data runs past the end of the file");
  }
}

function runParser(bytes: Uint8Array, options: ParseDicomOptions): DataSet {
  try {
    return parseWithDicomParser(bytes, options);
  } catch (e) {
    if (isAppError(e)) throw e;
    // dicom-parser throws strings, Errors, or { exception, dataSet } objects.
    const inner: unknown = typeof e === "object" && e !== null && "exception" in e ? e.exception : e;
    if (isAppError(inner)) throw inner;
    const message = inner instanceof Error ? inner.message : String(inner);
    if (/DICM prefix not found/i.test(message)) throw new AppError("unsupported_media_type", "Not a DICOM file");
    if (/overrun|overread|premature|end of|eof|beyond|invalid (typed )?array length|out of range|outside the bounds/i.test(message)) {
      throw new AppError("unprocessable", "DICOM file is truncated", { cause: message });
    }
    throw new AppError("unprocessable", `Malformed DICOM file: ${message}`, { cause: message });
  }
}

function hasDicmPrefix(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/** ACR-NEMA / raw data set: first element is a plausible little-endian tag (group 0000–0010). */
function guessRawDatasetSyntax(bytes: Uint8Array): string | undefined {
  if (bytes.length < 16) return undefined;
  const group = bytes[0]! | (bytes[1]! << 8);
  if (group % 2 !== 0 || group > 0x0010) return undefined;
  const v1 = bytes[4]!;
  const v2 = bytes[5]!;
  const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;
  if (isUpper(v1) && isUpper(v2)) return TS.explicitLittle;
  const length = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
  return length < bytes.length ? TS.implicitLittle : undefined;
}

function looksLikeImageDataset(raw: DataSet): boolean {
  return Object.keys(raw.elements).length >= 3 && (raw.elements.x00280010 !== undefined || raw.elements[PIXEL_DATA] !== undefined);
}

/** dicom-parser's deflate hook: returns meta header bytes followed by the raw-inflated data set. */
function inflateDeflatedDataset(bytes: Uint8Array, position: number): Uint8Array {
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(bytes.subarray(position));
  } catch (e) {
    throw new AppError("unprocessable", "Deflated DICOM data set could not be inflated (truncated or corrupt)", { cause: String(e) });
  }
  const full = new Uint8Array(position + inflated.length);
  full.set(bytes.subarray(0, position), 0);
  full.set(inflated, position);
  return full;
}
