import { setCodecFactoryOptions } from "@/lib/dicom/codecs/wasm-codecs";

// The Emscripten codecs look for their .wasm next to the script chunk, where the bundler never puts it: point them
// at the files the bundler emits for these `new URL(…, import.meta.url)` references instead.
const WASM_ASSETS: Record<string, () => URL> = {
  "openjpegwasm_decode.wasm": () =>
    new URL("../../node_modules/@cornerstonejs/codec-openjpeg/dist/openjpegwasm_decode.wasm", import.meta.url),
  "charlswasm_decode.wasm": () => new URL("../../node_modules/@cornerstonejs/codec-charls/dist/charlswasm_decode.wasm", import.meta.url),
  "libjpegturbowasm_decode.wasm": () =>
    new URL("../../node_modules/@cornerstonejs/codec-libjpeg-turbo-8bit/dist/libjpegturbowasm_decode.wasm", import.meta.url),
};

let configured = false;

export function configureCodecAssets(): void {
  if (configured) return;
  configured = true;
  setCodecFactoryOptions({ locateFile: (file, prefix) => WASM_ASSETS[file]?.().href ?? prefix + file });
}
