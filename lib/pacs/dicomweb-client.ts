// The app as a DICOMweb client: QIDO-RS search and WADO-RS study retrieve through dicomweb-client (DCMJS/OHIF),
// run in Node with xhr2 as its XMLHttpRequest. Every request has a timeout; failures become AppErrors that say
// whether to retry (unavailable) or not (credentials refused, bad request).
import { api } from "dicomweb-client";
import XMLHttpRequestForNode from "xhr2";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import type { DicomJsonDataset } from "@/lib/pacs/qido";

export type DicomWebTarget = { dicomwebUrl: string; authType: string; username: string | null; secret: string | null };

export type DicomWebClient = {
  searchStudies(params: Record<string, string>): Promise<DicomJsonDataset[]>;
  /** Every instance of a study as stored (transfer-syntax=*: Orthanc 1.10 cannot transcode JPEG 2000). */
  retrieveStudy(studyInstanceUid: string): Promise<Uint8Array[]>;
};

type RequestOptions = { instance: XMLHttpRequest; responseType?: XMLHttpRequestResponseType };
type Library = {
  searchForStudies(o: { queryParams: Record<string, string>; request: RequestOptions }): Promise<unknown>;
  // retrieveStudy() rejects every explicit media type in 0.11.3 (_getCommonMediaType compares "application/" with
  // "application/dicom"), and without one the PACS would transcode; so the multipart GET it uses is called directly.
  _httpGetMultipartApplicationDicom(url: string, mediaTypes: object[], params: false, request: RequestOptions): Promise<ArrayBuffer[]>;
};

export function authHeaders(t: Omit<DicomWebTarget, "dicomwebUrl">): Record<string, string> {
  if (t.authType === "basic") return { Authorization: `Basic ${Buffer.from(`${t.username ?? ""}:${t.secret ?? ""}`).toString("base64")}` };
  if (t.authType === "bearer") return { Authorization: `Bearer ${t.secret ?? ""}` };
  return {};
}

/** The HTTP status of a failed request as the PACS gave it, in words a person can act on. */
export function pacsHttpError(what: string, status: number): AppError {
  if (status === 0) return new AppError("unavailable", `${what}: the PACS did not answer (unreachable or timed out).`);
  if (status === 401)
    return new AppError("unprocessable", `${what}: 401 from the PACS — the connection's credentials were refused.`, { pacsStatus: status });
  if (status === 403)
    return new AppError("unprocessable", `${what}: 403 from the PACS — access denied for these credentials.`, { pacsStatus: status });
  if (status === 404)
    return new AppError("not_found", `${what}: 404 from the PACS — no such resource (check the DICOMweb base URL).`, {
      pacsStatus: status,
    });
  if (status === 408 || status === 429 || status >= 500)
    return new AppError("unavailable", `${what}: ${status} from the PACS (busy or failing); will retry.`, { pacsStatus: status });
  return new AppError("unprocessable", `${what}: ${status} from the PACS.`, { pacsStatus: status });
}

// One request: idle timeout on the socket (xhr2's timeout) plus a total deadline that aborts it.
async function request<T>(what: string, totalMs: number, run: (instance: XMLHttpRequest) => Promise<T>): Promise<T> {
  const instance = new XMLHttpRequestForNode();
  instance.timeout = env.PACS_HTTP_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      instance.abort();
      reject(new AppError("unavailable", `${what}: no complete answer from the PACS within ${Math.round(totalMs / 1000)} s.`));
    }, totalMs);
  });
  try {
    return await Promise.race([run(instance), deadline]);
  } catch (e) {
    if (isAppError(e)) throw e; // our own deadline
    const status = (e as { status?: unknown }).status;
    if (typeof status === "number") throw pacsHttpError(what, status);
    throw new AppError("unavailable", `${what}: ${(e as Error).message ?? "request failed"}.`);
  } finally {
    clearTimeout(timer);
  }
}

export function createDicomWebClient(t: DicomWebTarget): DicomWebClient {
  // verbose off: the library would print failed URLs, which carry patient IDs of searches, to the console.
  const lib = new api.DICOMwebClient({
    url: t.dicomwebUrl,
    headers: authHeaders(t),
    verbose: false,
    singlepart: false,
  }) as unknown as Library;
  return {
    async searchStudies(queryParams) {
      const body = await request("QIDO-RS search", env.PACS_HTTP_TIMEOUT_MS, (instance) =>
        lib.searchForStudies({ queryParams, request: { instance } }),
      );
      if (!Array.isArray(body)) throw new AppError("unprocessable", "QIDO-RS search: the PACS did not answer with a DICOM JSON array.");
      return body as DicomJsonDataset[];
    },
    async retrieveStudy(studyInstanceUid) {
      const url = `${t.dicomwebUrl}/studies/${encodeURIComponent(studyInstanceUid)}`;
      const mediaTypes = [{ mediaType: "application/dicom", transferSyntaxUID: "*" }];
      // A whole study may take a while: the socket must stay busy (idle timeout), the total gets 10× the budget.
      const parts = await request("WADO-RS retrieve", env.PACS_HTTP_TIMEOUT_MS * 10, (instance) =>
        lib._httpGetMultipartApplicationDicom(url, mediaTypes, false, { instance, responseType: "arraybuffer" }),
      );
      return parts.map((p) => new Uint8Array(p));
    },
  };
}
