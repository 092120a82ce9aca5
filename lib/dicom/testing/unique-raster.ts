import { randomUUID } from "node:crypto";
import { crc32 } from "node:zlib";

// Test support: the same picture as new file bytes. Uploads are deduplicated by the file's content hash, so a test that
// needs a fresh study from a fixed PNG/JPEG inserts a random nonce into metadata the decoder ignores; pixels are unchanged.
// JPEG: a COM (0xFFFE) segment right after SOI. PNG: a tEXt chunk (correct CRC) right before IEND.
export function uniqueRaster(bytes: Uint8Array, nonce: string = randomUUID()): Uint8Array {
  const text = new TextEncoder().encode(`cxr-test-nonce ${nonce}`);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return withJpegComment(bytes, text);
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return withPngText(bytes, text);
  throw new Error("uniqueRaster: not a PNG or JPEG");
}

function withJpegComment(bytes: Uint8Array, text: Uint8Array): Uint8Array {
  const length = text.length + 2; // the length field counts itself
  const segment = new Uint8Array([0xff, 0xfe, length >> 8, length & 0xff, ...text]);
  return concat(bytes.subarray(0, 2), segment, bytes.subarray(2));
}

function withPngText(bytes: Uint8Array, text: Uint8Array): Uint8Array {
  const iend = findIend(bytes);
  const body = new Uint8Array([...new TextEncoder().encode("tEXt"), ...new TextEncoder().encode("Comment"), 0, ...text]);
  const chunk = new Uint8Array(4 + body.length + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, body.length - 4); // data length excludes the type
  chunk.set(body, 4);
  view.setUint32(4 + body.length, crc32(body)); // CRC over type + data
  return concat(bytes.subarray(0, iend), chunk, bytes.subarray(iend));
}

// Offset of the IEND chunk (its length field), walking the chunks after the 8-byte signature.
function findIend(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; at += 12 + view.getUint32(at)) {
    if (String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === "IEND") return at;
  }
  throw new Error("uniqueRaster: PNG without IEND");
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
