// Minimal types for the Emscripten codec builds and jpeg-lossless-decoder-js (neither ships usable .d.ts).
interface CornerstoneFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}

interface CornerstoneWasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array | Uint8ClampedArray;
  decode(): void;
  getFrameInfo(): CornerstoneFrameInfo;
  delete(): void;
}

interface CornerstoneJ2KDecoder extends CornerstoneWasmDecoder {
  decodeSubResolution(decompositionLevel: number, layer: number): void;
  calculateSizeAtDecompositionLevel(decompositionLevel: number): { width: number; height: number };
  getNumDecompositions(): number;
}

interface CornerstoneJpegLsDecoder extends CornerstoneWasmDecoder {
  getInterleaveMode(): number;
  getNearLossless(): number;
}

declare module "@cornerstonejs/codec-openjpeg/decodewasmjs" {
  const factory: (options?: object) => Promise<{ J2KDecoder: new () => CornerstoneJ2KDecoder }>;
  export default factory;
}

declare module "@cornerstonejs/codec-charls/decodewasmjs" {
  const factory: (options?: object) => Promise<{ JpegLSDecoder: new () => CornerstoneJpegLsDecoder }>;
  export default factory;
}

declare module "@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs" {
  const factory: (options?: object) => Promise<{ JPEGDecoder: new () => CornerstoneWasmDecoder }>;
  export default factory;
}

declare module "jpeg-lossless-decoder-js" {
  export class Decoder {
    constructor(buffer?: ArrayBuffer, numBytes?: number);
    decode(buffer: ArrayBuffer, offset: number, length: number, numBytes?: number): Uint8Array | Uint16Array;
    precision?: number;
    numComp: number;
    xDim: number;
    yDim: number;
  }
}
