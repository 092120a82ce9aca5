// onnxruntime-web's WASM binary where the bundler emits it for this `new URL(…, import.meta.url)` reference (the
// same approach as components/viewer/codec-assets.ts); the glue code is inside the "onnxruntime-web/wasm" bundle.
export function ortWasmPaths(): { wasm: string } {
  return { wasm: new URL("../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm", import.meta.url).href };
}
