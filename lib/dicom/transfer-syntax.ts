// Transfer syntaxes this module decodes, and how (PS3.5 Annex A).
export type PixelCodec = "native" | "rle" | "jpeg-baseline" | "jpeg-extended" | "jpeg-lossless" | "jpeg-ls" | "jpeg-2000";

export const TS = {
  implicitLittle: "1.2.840.10008.1.2",
  explicitLittle: "1.2.840.10008.1.2.1",
  deflatedLittle: "1.2.840.10008.1.2.1.99",
  explicitBig: "1.2.840.10008.1.2.2",
  rle: "1.2.840.10008.1.2.5",
  jpegBaseline: "1.2.840.10008.1.2.4.50",
  jpegExtended: "1.2.840.10008.1.2.4.51",
  jpegLossless: "1.2.840.10008.1.2.4.57",
  jpegLosslessSv1: "1.2.840.10008.1.2.4.70",
  jpegLsLossless: "1.2.840.10008.1.2.4.80",
  jpegLsNearLossless: "1.2.840.10008.1.2.4.81",
  j2kLossless: "1.2.840.10008.1.2.4.90",
  j2k: "1.2.840.10008.1.2.4.91",
} as const;

const CODEC_BY_UID: Record<string, PixelCodec> = {
  [TS.implicitLittle]: "native",
  [TS.explicitLittle]: "native",
  [TS.deflatedLittle]: "native",
  [TS.explicitBig]: "native",
  [TS.rle]: "rle",
  [TS.jpegBaseline]: "jpeg-baseline",
  [TS.jpegExtended]: "jpeg-extended",
  [TS.jpegLossless]: "jpeg-lossless",
  [TS.jpegLosslessSv1]: "jpeg-lossless",
  [TS.jpegLsLossless]: "jpeg-ls",
  [TS.jpegLsNearLossless]: "jpeg-ls",
  [TS.j2kLossless]: "jpeg-2000",
  [TS.j2k]: "jpeg-2000",
};

export function codecForTransferSyntax(uid: string): PixelCodec | undefined {
  return CODEC_BY_UID[uid];
}

export function isSupportedTransferSyntax(uid: string): boolean {
  return uid in CODEC_BY_UID;
}

/** Lossy syntaxes (decoded pixels differ from the acquisition). */
export function isLossyTransferSyntax(uid: string): boolean {
  return uid === TS.jpegBaseline || uid === TS.jpegExtended || uid === TS.jpegLsNearLossless || uid === TS.j2k;
}
