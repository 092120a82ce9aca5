import { createEngine, type Engine, type EngineOptions } from "./engine";

// One engine per model version per process. Kept on globalThis so Next's hot reloads and duplicated server bundles
// do not start a second set of worker threads for the same model.

const KEY = Symbol.for("cxr-review.inference.engines");
type Holder = typeof globalThis & { [KEY]?: Map<string, Promise<Engine>> };

function engines(): Map<string, Promise<Engine>> {
  const g = globalThis as Holder;
  return (g[KEY] ??= new Map());
}

/** The engine for `key`, created from `options` on first use; a failed creation is not cached. */
export function getEngine(key: string, options: Omit<EngineOptions, "key">): Promise<Engine> {
  const cache = engines();
  const cached = cache.get(key);
  if (cached) return cached;
  const created = createEngine({ ...options, key });
  cache.set(key, created);
  created.catch(() => {
    if (cache.get(key) === created) cache.delete(key);
  });
  return created;
}

/** Closes and forgets the engine for `key` (e.g. when a model version is retired); a no-op if there is none. */
export async function closeEngine(key: string): Promise<void> {
  const cache = engines();
  const entry = cache.get(key);
  cache.delete(key);
  const engine = await entry?.catch(() => undefined);
  await engine?.close();
}

/** Closes every cached engine (tests, graceful shutdown). */
export async function closeAllEngines(): Promise<void> {
  await Promise.all([...engines().keys()].map((k) => closeEngine(k)));
}
