// onnxruntime-web's WASM binary and its Emscripten glue where the bundler emits them for these `new URL(…,
// import.meta.url)` references (the same approach as components/viewer/codec-assets.ts). The glue is given as a URL
// (not taken from the bundle) because its threads start as workers from that same file. The WebGPU build (JSEP)
// has its own pair.
export function ortWasmPaths(): { wasm: string; mjs: string } {
  return {
    wasm: new URL("../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm", import.meta.url).href,
    mjs: new URL("../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs", import.meta.url).href,
  };
}

export function ortWebGpuPaths(): { wasm: string; mjs: string } {
  return {
    wasm: new URL("../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.jsep.wasm", import.meta.url).href,
    mjs: new URL("../../node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.jsep.mjs", import.meta.url).href,
  };
}
