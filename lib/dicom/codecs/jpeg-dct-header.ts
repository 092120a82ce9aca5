import { AppError } from "@/lib/errors";

// Header parsing for sequential DCT JPEG with Huffman coding (ITU T.81, SOF0/SOF1), 8 or 12-bit precision.
export interface HuffmanTable {
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  values: Uint8Array;
}

export interface DctComponent {
  id: number;
  h: number;
  v: number;
  quant: number;
  dc: number;
  ac: number;
}

export interface DctHeader {
  precision: number;
  width: number;
  height: number;
  components: DctComponent[];
  /** Quantisation tables in natural (row-major) order. */
  quant: Int32Array[];
  dc: HuffmanTable[];
  ac: HuffmanTable[];
  restartInterval: number;
  /** Offset of the first entropy-coded byte of the (single) scan. */
  scanStart: number;
}

export const ZIGZAG = Int32Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57,
  50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]);

const unsupported = (what: string) => new AppError("unsupported", `JPEG ${what} is not supported by the DCT decoder`);
const corrupt = (what: string) => new AppError("unprocessable", `Corrupt JPEG stream: ${what}`);

export function readDctHeader(data: Uint8Array): DctHeader {
  if (data[0] !== 0xff || data[1] !== 0xd8) throw corrupt("no SOI marker");
  const h: Partial<DctHeader> & { quant: Int32Array[]; dc: HuffmanTable[]; ac: HuffmanTable[] } = {
    quant: [],
    dc: [],
    ac: [],
    restartInterval: 0,
    components: [],
  };
  let pos = 2;
  const u16 = (p: number) => (data[p]! << 8) | data[p + 1]!;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) throw corrupt(`expected a marker at ${pos}`);
    const marker = data[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    } // fill byte
    const length = u16(pos + 2);
    const seg = pos + 4;
    const end = pos + 2 + length;
    if (end > data.length) throw corrupt("segment runs past the end");
    if (marker === 0xc0 || marker === 0xc1) {
      h.precision = data[seg]!;
      h.height = u16(seg + 1);
      h.width = u16(seg + 3);
      for (let i = 0, p = seg + 6; i < data[seg + 5]!; i++, p += 3) {
        h.components!.push({ id: data[p]!, h: data[p + 1]! >> 4, v: data[p + 1]! & 15, quant: data[p + 2]!, dc: 0, ac: 0 });
      }
    } else if (marker >= 0xc2 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      throw unsupported(`SOF${marker - 0xc0} (progressive, lossless or arithmetic)`);
    } else if (marker === 0xc4) {
      for (let p = seg; p < end;) {
        const tc = data[p]! >> 4,
          th = data[p]! & 15;
        const counts = data.subarray(p + 1, p + 17);
        const total = counts.reduce((a, b) => a + b, 0);
        const table = buildHuffman(counts, data.subarray(p + 17, p + 17 + total));
        (tc === 0 ? h.dc : h.ac)[th] = table;
        p += 17 + total;
      }
    } else if (marker === 0xdb) {
      for (let p = seg; p < end;) {
        const wide = data[p]! >> 4 === 1,
          tq = data[p]! & 15;
        const table = new Int32Array(64);
        for (let k = 0; k < 64; k++) table[ZIGZAG[k]!] = wide ? u16(p + 1 + 2 * k) : data[p + 1 + k]!;
        h.quant[tq] = table;
        p += 1 + (wide ? 128 : 64);
      }
    } else if (marker === 0xdd) {
      h.restartInterval = u16(seg);
    } else if (marker === 0xda) {
      const ns = data[seg]!;
      if (!h.components!.length) throw corrupt("SOS before SOF");
      if (ns !== h.components!.length) throw unsupported("non-interleaved multi-scan");
      for (let i = 0, p = seg + 1; i < ns; i++, p += 2) {
        const comp = h.components!.find((c) => c.id === data[p]);
        if (!comp) throw corrupt("scan names an unknown component");
        comp.dc = data[p + 1]! >> 4;
        comp.ac = data[p + 1]! & 15;
      }
      return { ...(h as DctHeader), scanStart: end };
    }
    pos = end;
  }
  throw corrupt("no SOS marker");
}

/** T.81 Annex C / F.2.2.3: canonical code tables. */
function buildHuffman(counts: Uint8Array, values: Uint8Array): HuffmanTable {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let l = 1; l <= 16; l++) {
    const n = counts[l - 1]!;
    valPtr[l] = k;
    minCode[l] = code;
    code += n;
    k += n;
    if (n > 0) maxCode[l] = code - 1;
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff;
  return { maxCode, valPtr, minCode, values: values.slice() };
}
