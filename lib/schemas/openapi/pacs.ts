import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiRequestBodyObject, ZodOpenApiResponseObject } from "zod-openapi";
import { jsonContent, operation } from "@/lib/api/openapi-operation";
import { idPathSchema } from "@/lib/schemas/common";
import {
  createPacsConnectionBodySchema,
  listPacsPullsQuerySchema,
  PacsConnectionSchema,
  PacsConnectionSummarySchema,
  PacsPullSchema,
  PacsStudySchema,
  PacsTestResultSchema,
  RequestedPullSchema,
  pullStudiesBodySchema,
  searchPacsQuerySchema,
  updatePacsConnectionBodySchema,
} from "@/lib/schemas/pacs";
import { StowResponseSchema } from "@/lib/schemas/stow";

// The PACS query/retrieve API and the app's own DICOMweb STOW-RS receiver.
const admin = { roles: ["admin"] } as const;
const readers = { roles: ["radiologist", "admin"] } as const;
const connection = jsonContent(z.object({ connection: PacsConnectionSchema }));

const dicomJson = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { "application/dicom+json": { schema: StowResponseSchema } },
});
const stowBody = {
  required: true,
  description: "One DICOM Part 10 file per part. Each part is stored as it streams in; MAX_UPLOAD_MB per part, 5 × that per request.",
  content: { 'multipart/related; type="application/dicom"': { schema: { type: "string", format: "binary" } } },
} as ZodOpenApiRequestBodyObject;
const stow = (summary: string, path?: z.ZodObject): ZodOpenApiOperationObject => ({
  ...operation({
    summary,
    description: "Answers in DICOM JSON (PS3.18 §10.5): 200 all stored, 202 some failed, 409 none stored, 503 storage unavailable.",
    auth: { ...readers, tokenScope: "studies:write" },
    path,
    body: stowBody,
    ok: {
      200: dicomJson("All instances stored (or already held)"),
      202: dicomJson("Some instances stored, some failed (Failed SOP Sequence with Failure Reason)"),
    },
    errors: ["bad_request", "payload_too_large", "unsupported_media_type"],
    other: {
      406: jsonContent(
        z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        "Accept asks for something other than application/dicom+json",
      ),
      409: dicomJson("No instance stored"),
      503: dicomJson("No instance stored: storage unavailable, send again later"),
    },
  }),
  security: [{ bearer: [] as string[] }, { basic: [] as string[] }, { session: [] as string[] }],
});

export const pacsPaths: ZodOpenApiPathsObject = {
  "/api/v1/pacs/connections": {
    get: operation({
      summary: "PACS connections; secrets are never returned, only secretSet",
      auth: admin,
      ok: { 200: jsonContent(z.object({ connections: z.array(PacsConnectionSchema) })) },
    }),
    post: operation({
      summary: "Add a PACS connection",
      auth: admin,
      json: createPacsConnectionBodySchema,
      ok: { 201: connection },
      errors: ["conflict", "unprocessable"],
    }),
  },
  "/api/v1/pacs/connections/{id}": {
    get: operation({ summary: "One PACS connection", auth: admin, path: idPathSchema, ok: { 200: connection }, errors: ["not_found"] }),
    patch: operation({
      summary: "Change a PACS connection; omit secret to keep it, null clears it",
      auth: admin,
      path: idPathSchema,
      json: updatePacsConnectionBodySchema,
      ok: { 200: connection },
      errors: ["not_found", "conflict", "unprocessable"],
    }),
    delete: operation({
      summary: "Delete a PACS connection and its pull records",
      auth: admin,
      path: idPathSchema,
      ok: { 204: { description: "Deleted" } },
      errors: ["not_found"],
    }),
  },
  "/api/v1/pacs/connections/{id}/test": {
    post: operation({
      summary: "QIDO-RS /studies?limit=1 and C-ECHO with the stored settings; failures are in the result",
      auth: admin,
      path: idPathSchema,
      ok: { 200: jsonContent(z.object({ result: PacsTestResultSchema })) },
      errors: ["not_found"],
    }),
  },
  "/api/v1/pacs/searchable": {
    get: operation({
      summary: "PACS a reader can search: enabled DICOMweb connections, names only",
      auth: { ...readers, tokenScope: "read" },
      ok: { 200: jsonContent(z.object({ connections: z.array(PacsConnectionSummarySchema) })) },
    }),
  },
  "/api/v1/pacs/connections/{id}/studies": {
    get: operation({
      summary:
        "QIDO-RS search of a PACS (dateFrom ≤ dateTo); studies already in the app carry studyId. Patient identifiers: a token works only for an admin",
      auth: { ...readers, tokenScope: "read" },
      path: idPathSchema,
      query: searchPacsQuerySchema,
      ok: { 200: jsonContent(z.object({ studies: z.array(PacsStudySchema) })) },
      errors: ["not_found", "conflict", "unprocessable", "unavailable"],
    }),
  },
  "/api/v1/pacs/connections/{id}/pulls": {
    post: operation({
      summary: "Pull studies by WADO-RS into the app: one durable pacs.pull job each",
      auth: { ...readers, tokenScope: "studies:write" },
      path: idPathSchema,
      json: pullStudiesBodySchema,
      ok: { 202: jsonContent(z.object({ pulls: z.array(RequestedPullSchema) }), "Queued") },
      errors: ["not_found", "conflict", "unprocessable"],
    }),
  },
  "/api/v1/pacs/pulls": {
    get: operation({
      summary: "Recent pulls with their job's state and progress",
      auth: { ...readers, tokenScope: "read" },
      query: listPacsPullsQuerySchema,
      ok: { 200: jsonContent(z.object({ pulls: z.array(PacsPullSchema) })) },
    }),
  },
  "/dicomweb/studies": { post: stow("STOW-RS: store DICOM instances (each through the same ingest as uploads; a predict job per study)") },
  "/dicomweb/studies/{studyInstanceUid}": {
    post: stow(
      "STOW-RS into one study: instances of another study fail with 0xA900",
      z.object({
        studyInstanceUid: z
          .string()
          .regex(/^[0-9]+(\.[0-9]+)*$/)
          .max(64),
      }),
    ),
  },
};
