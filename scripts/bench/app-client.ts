import type { BenchImage } from "./bench-images";

// POST /api/v1/predict as a client would, with the Server-Timing stages of each answer collected.
export type AppClient = { post(img: BenchImage): Promise<number>; stages: Record<string, number[]> };

export function appClient(url: string, token: string): AppClient {
  const stages: Record<string, number[]> = {};
  return {
    stages,
    async post(img) {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(img.bytes)]), img.name);
      const s = performance.now();
      const r = await fetch(`${url}/api/v1/predict`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`predict answered ${r.status}`);
      const ms = performance.now() - s;
      for (const part of (r.headers.get("server-timing") ?? "").split(",")) {
        const m = /^\s*(\w+);dur=([\d.]+)/.exec(part);
        if (m) (stages[m[1]!] ??= []).push(Number(m[2]));
      }
      (stages.client ??= []).push(ms);
      return ms;
    },
  };
}

/** `clients` concurrent clients post `total` images back to back; images per second. */
export async function appThroughput(client: AppClient, images: BenchImage[], clients: number): Promise<{ ips: number; n: number }> {
  const total = Math.max(clients * 3, images.length);
  let next = 0;
  const s = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await client.post(images[next++ % images.length]!);
    }),
  );
  return { ips: total / ((performance.now() - s) / 1000), n: total };
}
