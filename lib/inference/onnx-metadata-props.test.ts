import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readOnnxMetadataProps } from "./onnx-metadata-props";

const enc = new TextEncoder();
function lenField(field: number, payload: Uint8Array): number[] {
  return [(field << 3) | 2, payload.length, ...payload];
}
function entry(key: string, value: string): Uint8Array {
  return Uint8Array.from([...lenField(1, enc.encode(key)), ...lenField(2, enc.encode(value))]);
}

describe("readOnnxMetadataProps", () => {
  it("reads metadata_props and skips other fields of every wire type", () => {
    const bytes = Uint8Array.from([
      0x08,
      0x08, // ir_version = 8 (varint)
      ...lenField(2, enc.encode("pytorch")), // producer_name
      ...lenField(7, Uint8Array.from([1, 2, 3])), // graph (opaque here)
      ...lenField(14, entry("task", "detect")),
      (15 << 3) | 5,
      0,
      0,
      0,
      0, // an unknown fixed32
      0x81,
      0x01,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0, // field 16 fixed64: a two-byte tag
      ...lenField(14, entry("names", "{0: 'Mass'}")),
    ]);
    expect(readOnnxMetadataProps(bytes)).toEqual({ task: "detect", names: "{0: 'Mass'}" });
  });

  it("throws AppError on truncated input", () => {
    const bytes = Uint8Array.from([...lenField(14, entry("task", "detect"))]).subarray(0, 5);
    expect(() => readOnnxMetadataProps(bytes)).toThrow(AppError);
  });

  it("reads the committed tiny model", () => {
    const file = path.join(__dirname, "testing", "tiny-yolo.onnx");
    const props = readOnnxMetadataProps(new Uint8Array(readFileSync(file)));
    expect(props).toMatchObject({ task: "detect", imgsz: "[32, 32]", names: "{0: 'Mass', 1: 'Nodule'}" });
  });
});
