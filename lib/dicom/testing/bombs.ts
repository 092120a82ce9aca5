import { Deflate } from "fflate";
import { encode as encodeJpeg } from "jpeg-js";
import { overwrite, parseForSplice } from "./dicom-splice";
import { concat } from "./dicom-writer";
import { makeSyntheticDicom } from "./make-synthetic-dicom";

// Decompression bombs for the resource-limit tests: small files whose headers declare huge images.

/** An 8-bit grey PNG declaring width×height. With `fullData` its IDAT really inflates to width×height zero pixels
 * (20000×20000 is ~400 kB on disk, 400 MB decoded); without, the IDAT is a stub (enough for header checks). */
export function bombPng(width: number, height: number, o: { fullData?: boolean } = {}): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit, grey, deflate, adaptive filter, no interlace
  const idat = o.fullData ? deflatedZeroRows(width, height) : Uint8Array.of(0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1);
  return concat(
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array(0)),
  );
}

/** A real 16×16 JPEG whose frame header (SOF0) is patched to declare width×height. */
export function bombJpeg(width: number, height: number): Uint8Array {
  const small = new Uint8Array(encodeJpeg({ width: 16, height: 16, data: new Uint8Array(16 * 16 * 4).fill(128) }, 90).data);
  for (let p = 2; p + 9 < small.length; p += 2 + ((small[p + 2]! << 8) | small[p + 3]!)) {
    if (small[p + 1] === 0xc0) {
      small.set([height >> 8, height & 255, width >> 8, width & 255], p + 5);
      return small;
    }
  }
  throw new Error("jpeg-js wrote no SOF0");
}

/** A valid synthetic DICOM whose Rows and Columns are overwritten with huge values (its pixel data stay small). */
export function bombDicom(rows: number, columns: number): Uint8Array {
  let f = parseForSplice(makeSyntheticDicom("explicit-le-16").bytes)!;
  f = parseForSplice(overwrite(f, f.ds.elements.x00280010!.dataOffset, Uint8Array.of(rows & 255, rows >> 8)))!;
  return overwrite(f, f.ds.elements.x00280011!.dataOffset, Uint8Array.of(columns & 255, columns >> 8));
}

function deflatedZeroRows(width: number, height: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (data) => parts.push(data));
  const rowsPerPush = 64;
  const block = new Uint8Array((width + 1) * rowsPerPush); // filter byte 0 + zero pixels, 64 rows at a time
  for (let y = 0; y < height; y += rowsPerPush) {
    const n = Math.min(rowsPerPush, height - y);
    deflate.push(n === rowsPerPush ? block : block.subarray(0, (width + 1) * n), y + n >= height);
  }
  // zlib wrapper around the raw deflate stream (PNG's IDAT is zlib data); an Adler-32 of all-zero data is 1 + n mod 65521.
  const adler = ((((height * (width + 1)) % 65521) << 16) | 1) >>> 0;
  const body = concat(...parts);
  return concat(Uint8Array.of(0x78, 0xda), body, Uint8Array.of(adler >>> 24, (adler >>> 16) & 255, (adler >>> 8) & 255, adler & 255));
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(
    Array.from(type, (c) => c.charCodeAt(0)),
    4,
  );
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat(head.subarray(4), data)));
  return concat(head, data, crc);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
