// Lazy, cached loaders for the WASM codecs: each is imported through its package export on first use only,
// so neither Node-only APIs nor the codec bundles enter the caller's module graph up front.
type Factory<T> = (options?: object) => Promise<T>;

const cache = new Map<string, Promise<unknown>>();
// Silence OpenJPEG's [INFO] lines on stdout; errors still reach stderr.
const QUIET = { print: () => undefined };
let factoryOptions: object = QUIET;

/**
 * Emscripten module options for every codec loaded afterwards, e.g. `{ locateFile: (f) => "/wasm/" + f }` when a
 * browser bundle serves the .wasm files from another path. Node needs none.
 */
export function setCodecFactoryOptions(options: { locateFile?: (file: string, prefix: string) => string }): void {
  factoryOptions = { ...QUIET, ...options };
}

function load<T>(key: string, importer: () => Promise<{ default: Factory<T> } | Factory<T>>): Promise<T> {
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = importer().then((mod) => {
      // CJS/ESM interop differs between Node, Vitest and bundlers: the factory may sit on .default.
      const factory = typeof mod === "function" ? mod : mod.default;
      return factory(factoryOptions);
    });
    pending.catch(() => cache.delete(key)); // let a later call retry after a failed load
    cache.set(key, pending);
  }
  return pending;
}

export const loadOpenJpeg = () => load("openjpeg", () => import("@cornerstonejs/codec-openjpeg/decodewasmjs"));
export const loadCharls = () => load("charls", () => import("@cornerstonejs/codec-charls/decodewasmjs"));
export const loadLibJpegTurbo = () => load("libjpeg-turbo-8bit", () => import("@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs"));
