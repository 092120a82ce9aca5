// N clients post images back to back for S seconds; counts every status. The server must answer nothing but 200,
// or 503 with Retry-After when its inference queue is full (backpressure), and stay up.
export async function loadTest(
  url: string,
  token: string,
  images: { name: string; bytes: Uint8Array }[],
  clients: number,
  seconds: number,
) {
  const statuses = new Map<number, number>();
  let missingRetryAfter = 0;
  const until = Date.now() + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const img = images[i++ % images.length]!;
        const form = new FormData();
        form.append("file", new Blob([new Uint8Array(img.bytes)]), img.name);
        const r = await fetch(`${url}/api/v1/predict`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } }).catch(
          () => null,
        );
        const status = r?.status ?? 0; // 0: connection failed
        if (r) await r.arrayBuffer();
        if (status === 503 && !r?.headers.get("retry-after")) missingRetryAfter++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const bad = [...statuses].filter(([s]) => s !== 200 && s !== 503).reduce((n, [, c]) => n + c, 0);
  return { statuses: Object.fromEntries(statuses), bad, missingRetryAfter, ok: bad === 0 && missingRetryAfter === 0 };
}
