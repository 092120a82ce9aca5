// Client-side load for the cluster scenarios: fresh PNG studies uploaded through the public API, a few at a time.
import { uniqueRaster } from "@/lib/dicom/testing/unique-raster";
import { makeChestPng } from "@/test/fixtures/synthetic-study";
import { uploadFiles } from "@/test/faults/support/upload";

const png = makeChestPng(128);

/** Uploads `n` one-image studies to `url`, `parallel` at a time; returns each upload's status. */
export async function uploadStudies(url: string, token: string, n: number, parallel = 4): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < n) {
      next += 1;
      const r = await uploadFiles(url, token, [{ name: "cxr.png", bytes: uniqueRaster(png) }]).catch(() => ({ status: 0 }));
      statuses.push(r.status);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return statuses;
}

/** One predict request (multipart `file`) with a token: the status and the serving version. */
export async function predictOnce(url: string, token: string): Promise<{ status: number; version?: string }> {
  const form = new FormData();
  form.append("file", new Blob([png as BlobPart]), "cxr.png");
  const res = await fetch(`${url}/api/v1/predict`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json().catch(() => null)) as { model?: { version: string } } | null;
  return { status: res.status, version: body?.model?.version };
}
