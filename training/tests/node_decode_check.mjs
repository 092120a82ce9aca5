// Node check that an Ultralytics YOLO ONNX works from onnxruntime-node: reads the metadata `names` / `imgsz`
// (parsed from the ONNX protobuf: onnxruntime-node exposes no custom metadata), runs a zero image and checks the
// output is 1 x (4+nc) x N with N = sum over strides 8/16/32 of (imgsz/stride)^2.
// Usage (from the repo root): node training/tests/node_decode_check.mjs path/to/model.onnx
import { readFileSync } from "node:fs";
import ort from "onnxruntime-node";

// Minimal protobuf walk: ModelProto field 14 = repeated StringStringEntryProto { key = 1, value = 2 }.
function readVarint(buf, pos) {
  let value = 0, mul = 1, byte;
  do { byte = buf[pos++]; value += (byte & 0x7f) * mul; mul *= 128; } while (byte & 0x80);
  return [value, pos];
}
function fields(buf, start, end, onField) {
  let pos = start;
  while (pos < end) {
    let key; [key, pos] = readVarint(buf, pos);
    const field = Math.floor(key / 8), wire = key & 7;
    if (wire === 0) { [, pos] = readVarint(buf, pos); }
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) { let len; [len, pos] = readVarint(buf, pos); onField(field, pos, pos + len); pos += len; }
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}
export function onnxMetadata(buf) {
  const meta = {};
  fields(buf, 0, buf.length, (field, s, e) => {
    if (field !== 14) return;
    let k = "", v = "";
    fields(buf, s, e, (f, a, b) => { const t = buf.subarray(a, b).toString("utf8"); if (f === 1) k = t; else if (f === 2) v = t; });
    meta[k] = v;
  });
  return meta;
}
// Ultralytics writes names as a Python dict repr: {0: 'Nodule/Mass', 1: "it's"}
export function parseNames(text) {
  const names = {};
  for (const m of text.matchAll(/(\d+)\s*:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) names[Number(m[1])] = m[2] ?? m[3];
  return names;
}

const path = process.argv[2];
if (!path) { console.error("usage: node node_decode_check.mjs model.onnx"); process.exit(2); }
const meta = onnxMetadata(readFileSync(path));
if (!meta.names || !meta.imgsz) { console.error(`missing metadata names/imgsz: ${JSON.stringify(meta)}`); process.exit(1); }
const names = parseNames(meta.names);
const nc = Object.keys(names).length;
const [h, w] = JSON.parse(meta.imgsz);
const session = await ort.InferenceSession.create(path, { executionProviders: ["cpu"] });
const input = new ort.Tensor("float32", new Float32Array(3 * h * w), [1, 3, h, w]);
const out = (await session.run({ [session.inputNames[0]]: input }))[session.outputNames[0]];
const expectN = [8, 16, 32].reduce((s, k) => s + (h / k) * (w / k), 0);
const ok = out.dims.length === 3 && out.dims[0] === 1 && out.dims[1] === 4 + nc && out.dims[2] === expectN;
console.log(JSON.stringify({ ok, names, imgsz: [h, w], dims: out.dims, expected: [1, 4 + nc, expectN] }));
process.exit(ok ? 0 : 1);
