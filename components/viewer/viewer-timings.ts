// Load/draw timings per image URL, exposed as window.__viewerTimings and performance marks for the bench and e2e.
export interface ViewerTimings {
  url: string;
  transferSyntax?: string;
  /** performance.now() when the last byte arrived; every *AfterBytesMs is measured from here. */
  bytesAt?: number;
  fetchMs?: number;
  parseMs?: number;
  previewLevel?: number;
  /** Time spent waiting for the JPEG 2000 codec to finish compiling after the bytes arrived. */
  previewCodecWaitMs?: number;
  previewDecodeMs?: number;
  previewVoiMs?: number;
  decodeMs?: number;
  voiMs?: number;
  firstDrawAfterBytesMs?: number;
  fullDrawAfterBytesMs?: number;
}

declare global {
  interface Window {
    __viewerTimings?: ViewerTimings;
  }
}

const byUrl = new Map<string, ViewerTimings>();

/** A new load of `url` begins: forget the previous load's numbers. */
export function startTiming(url: string): void {
  byUrl.set(url, { url });
}

export function recordTiming(url: string, patch: Partial<ViewerTimings>): ViewerTimings {
  const t = { ...(byUrl.get(url) ?? { url }), ...patch };
  byUrl.set(url, t);
  if (typeof window !== "undefined") window.__viewerTimings = t;
  return t;
}

/** Called on each draw of an image; records the first draw and the first full-resolution draw. */
export function recordDraw(url: string, fullResolution: boolean): ViewerTimings | undefined {
  const t = byUrl.get(url);
  if (!t?.bytesAt) return t;
  const since = Math.round((performance.now() - t.bytesAt) * 10) / 10;
  const patch: Partial<ViewerTimings> = {};
  if (t.firstDrawAfterBytesMs === undefined) patch.firstDrawAfterBytesMs = since;
  if (fullResolution && t.fullDrawAfterBytesMs === undefined) {
    patch.fullDrawAfterBytesMs = since;
    performance.measure("cxr:bytes→full draw", { start: t.bytesAt });
  }
  if (patch.firstDrawAfterBytesMs !== undefined) performance.measure("cxr:bytes→first draw", { start: t.bytesAt });
  return Object.keys(patch).length ? recordTiming(url, patch) : t;
}
