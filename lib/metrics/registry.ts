import { collectDefaultMetrics, Registry } from "prom-client";

// One Prometheus registry per process, kept on globalThis so hot reloads and duplicated module graphs (Next's
// server bundles, vitest) share it instead of registering every metric twice.

const KEY = Symbol.for("cxr-review.metrics.registry");
type Holder = typeof globalThis & { [KEY]?: Registry };

/** The process-wide registry, with Node's default metrics (CPU, memory, event-loop lag, GC) collected once. */
export function metricsRegistry(): Registry {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    g[KEY] = registry;
  }
  return g[KEY];
}

/** Returns the registered metric called `name`, creating it with `make` the first time. */
export function singleMetric<T>(name: string, make: (registry: Registry) => T): T {
  const registry = metricsRegistry();
  return (registry.getSingleMetric(name) as T | undefined) ?? make(registry);
}
