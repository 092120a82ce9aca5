import { AppError } from "@/lib/errors";

// onnxruntime-node 1.30 exposes no custom-metadata API (only input/output shapes), so read ModelProto's
// `metadata_props` (field 14: StringStringEntryProto { key = 1; value = 2 }) with a minimal protobuf walk.

const METADATA_PROPS = 14;
const decoder = new TextDecoder();

interface Cursor {
  buf: Uint8Array;
  pos: number;
}

function fail(why: string): never {
  throw new AppError("unprocessable", `Not a readable ONNX model: ${why}`);
}

function varint(c: Cursor): number {
  let result = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    const b = c.buf[c.pos++];
    if (b === undefined) fail("truncated varint");
    result += (b & 0x7f) * mul; // plain arithmetic: lengths and tags stay far below 2^53
    if ((b & 0x80) === 0) return result;
    mul *= 128;
  }
  fail("varint too long");
}

function skip(c: Cursor, wireType: number): void {
  if (wireType === 0) varint(c);
  else if (wireType === 1) c.pos += 8;
  else if (wireType === 2) {
    const len = varint(c); // read first: `c.pos += varint(c)` would use the pre-varint position
    c.pos += len;
  } else if (wireType === 5) c.pos += 4;
  else fail(`unsupported wire type ${wireType}`);
  if (c.pos > c.buf.length) fail("field runs past the end");
}

function readEntry(buf: Uint8Array): [string, string] {
  const c: Cursor = { buf, pos: 0 };
  let key = "";
  let value = "";
  while (c.pos < buf.length) {
    const tag = varint(c);
    const field = Math.floor(tag / 8);
    if ((tag & 7) === 2 && (field === 1 || field === 2)) {
      const len = varint(c);
      const text = decoder.decode(buf.subarray(c.pos, c.pos + len));
      c.pos += len;
      if (field === 1) key = text;
      else value = text;
    } else skip(c, tag & 7);
  }
  return [key, value];
}

/** Returns the model's custom metadata (key → value); walks only the top level of ModelProto. */
export function readOnnxMetadataProps(bytes: Uint8Array): Record<string, string> {
  const c: Cursor = { buf: bytes, pos: 0 };
  const props: Record<string, string> = {};
  while (c.pos < bytes.length) {
    const tag = varint(c);
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (field === 0) fail("field number 0");
    if (field === METADATA_PROPS && wireType === 2) {
      const len = varint(c);
      if (c.pos + len > bytes.length) fail("metadata entry runs past the end");
      const [k, v] = readEntry(bytes.subarray(c.pos, c.pos + len));
      props[k] = v;
      c.pos += len;
    } else skip(c, wireType);
  }
  return props;
}
