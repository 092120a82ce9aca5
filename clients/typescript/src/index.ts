// @cxr-review/client — the CXR Review API for other Node services (a hospital router, an ML team's scripts): fetch-based,
// token (Bearer) auth, the operations an API token may call (other routes need a signed-in session), every response typed from the app's zod schemas (lib/schemas) and validated against them unless
// `validate: false`. Node 20+ (global fetch, FormData, Blob).
import { z } from "zod";
import { ContractError, createApiRequest, type ApiRequest, type Query } from "../../../lib/api-client/request";
import { ApiRequestError } from "../../../lib/http/fetch-json";
import { BatchPredictResponseSchema, PredictResponseSchema } from "../../../lib/schemas/predict";
import { IngestResponseSchema, StudyDetailSchema, WorklistPageSchema, type ListStudiesQuery } from "../../../lib/schemas/study";
import { UserSchema } from "../../../lib/schemas/user";

export { ApiRequestError, ContractError };
export type { PredictResponse } from "../../../lib/schemas/predict";
export type { IngestResult, StudyDetail, WorklistPage } from "../../../lib/schemas/study";

/** A file to send: a Blob/File, or its name and bytes (the type is guessed from the name). */
export type FileInput = Blob | { name: string; data: Uint8Array | ArrayBuffer; type?: string };
export type ClientOptions = { baseUrl: string; token?: string; fetch?: typeof fetch; validate?: boolean };

const RegisteredModelSchema = z.looseObject({
  model: z.looseObject({ id: z.string(), name: z.string(), version: z.string(), stage: z.string() }),
  evaluationId: z.string(),
});
const MeSchema = z.object({ user: UserSchema.pick({ id: true, email: true, name: true, role: true }), via: z.string() });
const TYPES: Record<string, string> = {
  dcm: "application/dicom",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  onnx: "application/octet-stream",
};

function toBlob(f: FileInput): [Blob, string] {
  if (f instanceof Blob) return [f, "name" in f && typeof f.name === "string" ? f.name : "upload"];
  const type = f.type ?? TYPES[f.name.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
  return [new Blob([f.data as BlobPart], { type }), f.name];
}

function form(fields: Record<string, FileInput | FileInput[]>): FormData {
  const fd = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const f of Array.isArray(value) ? value : [value]) fd.append(name, ...toBlob(f));
  return fd;
}

export function createCxrReviewClient(o: ClientOptions) {
  const request: ApiRequest = createApiRequest({
    baseUrl: o.baseUrl,
    headers: o.token ? { authorization: `Bearer ${o.token}` } : {},
    fetch: o.fetch,
    validate: o.validate ?? true,
  });
  return {
    request,
    /** POST /api/v1/predict — boxes for one image (DICOM, PNG, JPEG); proposals for a reader, not a diagnosis. */
    predict: (image: FileInput, opts: { staging?: boolean } = {}) =>
      request(PredictResponseSchema, "/api/v1/predict", {
        method: "POST",
        body: form({ file: image }),
        query: { stage: opts.staging ? "staging" : undefined },
      }),
    /** POST /api/v1/predict/batch — one result or error per image, in order. */
    predictBatch: (images: FileInput[]) =>
      request(BatchPredictResponseSchema, "/api/v1/predict/batch", { method: "POST", body: form({ files: images }) }),
    /** POST /api/v1/studies — store images as studies; per file: stored, duplicate or rejected with a reason. */
    uploadStudies: (files: FileInput[]) => request(IngestResponseSchema, "/api/v1/studies", { method: "POST", body: form({ files }) }),
    /** GET /api/v1/studies — the worklist page. */
    listStudies: (query: Partial<ListStudiesQuery> = {}) => request(WorklistPageSchema, "/api/v1/studies", { query: query as Query }),
    /** GET /api/v1/studies/:id — a study with its instances (a read token; audited as viewed). */
    study: (studyId: string) => request(StudyDetailSchema, `/api/v1/studies/${encodeURIComponent(studyId)}`),
    /** POST /api/v1/models — register an ONNX with its model card (admin or a models:write token). */
    registerModel: (onnx: FileInput, card: Record<string, unknown>) => {
      const body = form({
        file: onnx,
        card: { name: "model-card.json", data: new TextEncoder().encode(JSON.stringify(card)), type: "application/json" },
      });
      return request(RegisteredModelSchema, "/api/v1/models", { method: "POST", body });
    },
    /** GET /api/v1/me — who the token belongs to. */
    me: () => request(MeSchema, "/api/v1/me"),
  };
}

export type CxrReviewClient = ReturnType<typeof createCxrReviewClient>;
