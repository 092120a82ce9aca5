// Uploads through the public API, as a PACS bridge or a script would: multipart `files`, a studies:write token.
export type UploadResult = { status: number; retryAfter: string | null; body: unknown };

export async function uploadFiles(url: string, token: string, files: { name: string; bytes: Uint8Array }[]): Promise<UploadResult> {
  const form = new FormData();
  for (const f of files) form.append("files", new Blob([f.bytes as BlobPart]), f.name);
  const res = await fetch(`${url}/api/v1/studies`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json().catch(() => null) };
}

/** Counts per status code, as a compact string for the figures table: "200×12, 503×3". */
export function statusCounts(statuses: number[]): { counts: Record<number, number>; text: string } {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return {
    counts,
    text: Object.entries(counts)
      .map(([s, n]) => `${s}×${n}`)
      .join(", "),
  };
}
