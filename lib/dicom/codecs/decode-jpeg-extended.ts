import { AppError } from "@/lib/errors";
import type { CodecFrame } from "./decode-wasm";
import { readDctHeader, ZIGZAG, type DctHeader, type HuffmanTable } from "./jpeg-dct-header";

/**
 * Sequential DCT JPEG, Huffman coded, 8 or 12-bit (DICOM 1.2.840.10008.1.2.4.51, processes 2 & 4).
 * None of the installed codecs decodes 12-bit DCT (libjpeg-turbo-8bit is 8-bit only), hence this small decoder.
 * Float IDCT: may differ from libjpeg's integer IDCT by ±1 in rare samples (the syntax is lossy anyway).
 * Limits: no chroma subsampling, no colour transform (DICOM grey images have one component).
 */
export function decodeJpegExtended(data: Uint8Array): CodecFrame {
  const header = readDctHeader(data);
  const { width, height, components, precision } = header;
  if (components.some((c) => c.h !== 1 || c.v !== 1)) throw new AppError("unsupported", "Subsampled 12-bit JPEG is not supported");
  if (precision !== 8 && precision !== 12) throw new AppError("unsupported", `JPEG DCT precision ${precision}`);
  const nc = components.length;
  const mcusX = Math.ceil(width / 8);
  const mcusY = Math.ceil(height / 8);
  const samples = precision > 8 ? new Uint16Array(width * height * nc) : new Uint8Array(width * height * nc);
  const reader = new BitReader(data, header.scanStart);
  const preds = new Int32Array(nc);
  const coef = new Int32Array(64);
  const block = new Float64Array(64);
  const maxValue = (1 << precision) - 1;
  const shift = 1 << (precision - 1);
  for (let mcu = 0; mcu < mcusX * mcusY; mcu++) {
    if (header.restartInterval > 0 && mcu > 0 && mcu % header.restartInterval === 0) {
      reader.restart();
      preds.fill(0);
    }
    const bx = (mcu % mcusX) * 8;
    const by = Math.floor(mcu / mcusX) * 8;
    for (let c = 0; c < nc; c++) {
      const comp = components[c]!;
      decodeBlock(reader, header, comp.dc, comp.ac, preds, c, coef);
      const q = header.quant[comp.quant];
      if (!q) throw new AppError("unprocessable", "Corrupt JPEG stream: missing quantisation table");
      for (let i = 0; i < 64; i++) coef[i] = coef[i]! * q[i]!;
      idct8x8(coef, block);
      for (let y = 0; y < 8 && by + y < height; y++) {
        for (let x = 0; x < 8 && bx + x < width; x++) {
          const v = Math.round(block[y * 8 + x]!) + shift;
          samples[((by + y) * width + bx + x) * nc + c] = v < 0 ? 0 : v > maxValue ? maxValue : v;
        }
      }
    }
  }
  return { samples, width, height, componentCount: nc, bitsPerSample: precision };
}

function decodeBlock(r: BitReader, h: DctHeader, dcId: number, acId: number, preds: Int32Array, c: number, coef: Int32Array): void {
  const dc = h.dc[dcId];
  const ac = h.ac[acId];
  if (!dc || !ac) throw new AppError("unprocessable", "Corrupt JPEG stream: missing Huffman table");
  coef.fill(0);
  const t = r.decode(dc);
  preds[c] = preds[c]! + (t === 0 ? 0 : extend(r.bits(t), t));
  coef[0] = preds[c]!;
  for (let k = 1; k < 64;) {
    const rs = r.decode(ac);
    const s = rs & 15;
    const run = rs >> 4;
    if (s === 0) {
      if (run !== 15) break; // EOB
      k += 16;
      continue;
    }
    k += run;
    if (k > 63) throw new AppError("unprocessable", "Corrupt JPEG stream: AC index past 63");
    coef[ZIGZAG[k]!] = extend(r.bits(s), s);
    k++;
  }
}

const extend = (v: number, t: number) => (v < 1 << (t - 1) ? v - (1 << t) + 1 : v);

// COS[x * 8 + u] = C(u)/2 · cos((2x+1)uπ/16): the separable 8-point inverse DCT (T.81 A.3.3).
const COS = new Float64Array(64);
for (let x = 0; x < 8; x++)
  for (let u = 0; u < 8; u++) COS[x * 8 + u] = (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
const tmp = new Float64Array(64);

function idct8x8(input: Int32Array, out: Float64Array): void {
  for (let v = 0; v < 8; v++) {
    for (let x = 0; x < 8; x++) {
      let s = 0;
      for (let u = 0; u < 8; u++) s += COS[x * 8 + u]! * input[v * 8 + u]!;
      tmp[v * 8 + x] = s;
    }
  }
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      let s = 0;
      for (let v = 0; v < 8; v++) s += COS[y * 8 + v]! * tmp[v * 8 + x]!;
      out[y * 8 + x] = s;
    }
  }
}

/** Entropy-coded segment reader: removes 0xFF00 stuffing, feeds zeros at a marker. */
class BitReader {
  private buf = 0;
  private count = 0;
  constructor(
    private readonly data: Uint8Array,
    private pos: number,
  ) {}

  private fill(): void {
    while (this.count <= 16) {
      let b = 0;
      if (this.pos < this.data.length) {
        b = this.data[this.pos]!;
        if (b !== 0xff) this.pos++;
        else if (this.data[this.pos + 1] === 0) this.pos += 2;
        else b = 0; // marker: stay on it
      }
      this.buf = ((this.buf << 8) | b) >>> 0;
      this.count += 8;
    }
  }

  bits(n: number): number {
    if (this.count < n) this.fill();
    this.count -= n;
    return (this.buf >>> this.count) & ((1 << n) - 1);
  }

  decode(t: HuffmanTable): number {
    let code = this.bits(1);
    let l = 1;
    while (code > t.maxCode[l]!) {
      code = (code << 1) | this.bits(1);
      if (++l > 16) throw new AppError("unprocessable", "Corrupt JPEG stream: bad Huffman code");
    }
    const value = t.values[t.valPtr[l]! + code - t.minCode[l]!];
    if (value === undefined) throw new AppError("unprocessable", "Corrupt JPEG stream: Huffman value out of range");
    return value;
  }

  /** Skip to just after the next RSTn marker and drop buffered bits. */
  restart(): void {
    this.buf = 0;
    this.count = 0;
    const d = this.data;
    while (this.pos + 1 < d.length && !(d[this.pos] === 0xff && d[this.pos + 1]! >= 0xd0 && d[this.pos + 1]! <= 0xd7)) this.pos++;
    this.pos += 2;
  }
}
