import { api } from "dicomweb-client";
import XHR from "xhr2";
import { AppError } from "@/lib/errors";
import { authHeaders, type PushOutcome, type PushTarget, type ResultObject } from "@/lib/pacs/push/push-target";

// STOW-RS through dicomweb-client (the DICOMweb client OHIF uses). It speaks XMLHttpRequest, so each request gets an
// xhr2 instance (a Node implementation) of its own; nothing global is patched.
type StowError = { status?: number; response?: unknown };
const FAILED_SOP_SEQUENCE = "00081198";
const FAILURE_REASON = "00081197";
const REFERENCED_SOP_UID = "00081155";

const arrayBufferOf = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

type DicomJson = Record<string, { Value?: Array<Record<string, { Value?: unknown[] }>> }>;
function failures(body: unknown): string[] {
  let json: DicomJson;
  try {
    json = (typeof body === "string" ? JSON.parse(body) : body) as DicomJson;
  } catch {
    return [];
  }
  return (json?.[FAILED_SOP_SEQUENCE]?.Value ?? []).map((item) => {
    const reason = Number(item[FAILURE_REASON]?.Value?.[0] ?? 0);
    return `${item[REFERENCED_SOP_UID]?.Value?.[0] ?? "an instance"}: failure reason 0x${reason.toString(16).padStart(4, "0")}`;
  });
}

// Transient (the job retries): no answer, a timeout, 408, 429, 5xx. Permanent: wrong credentials, other 4xx.
export function classifyStowFailure(status: number, body: unknown, url: string): AppError {
  if (status === 0) return new AppError("unavailable", `PACS unreachable at ${url}: no answer (connection refused, reset or timed out).`);
  if (status >= 500 || status === 408 || status === 429)
    return new AppError("unavailable", `The PACS answered HTTP ${status}; it will be tried again.`);
  if (status === 401 || status === 403)
    return new AppError(
      "unauthorized",
      `The PACS refused our credentials (HTTP ${status}): check the connection's authentication (user name and password, or token).`,
    );
  const detail = failures(body);
  return new AppError("unprocessable", `The PACS rejected the objects (HTTP ${status})${detail.length ? `: ${detail.join("; ")}` : ""}.`);
}

export async function stowInstances(target: PushTarget, objects: ResultObject[], timeoutMs: number): Promise<PushOutcome> {
  if (!target.dicomwebUrl) throw new AppError("unprocessable", `PACS connection '${target.name}' has no DICOMweb URL for STOW-RS.`);
  const client = new api.DICOMwebClient({
    url: target.dicomwebUrl.replace(/\/+$/, ""),
    headers: authHeaders(target),
    verbose: false,
    singlepart: false,
  });
  const xhr = new XHR();
  xhr.timeout = timeoutMs;
  let body: unknown;
  try {
    body = await client.storeInstances({
      datasets: objects.map((o) => arrayBufferOf(o.bytes)),
      request: { instance: xhr as unknown as XMLHttpRequest },
    });
  } catch (e) {
    const err = e as StowError;
    throw classifyStowFailure(err.status ?? 0, err.response, target.dicomwebUrl);
  }
  // 200: all stored; 202: stored with warnings or some failed — a failed object is not acknowledged.
  const failed = failures(body);
  if (failed.length) throw new AppError("unprocessable", `The PACS did not store every object (HTTP ${xhr.status}): ${failed.join("; ")}.`);
  return { remoteStatus: `STOW-RS HTTP ${xhr.status}: ${objects.length} stored` };
}
