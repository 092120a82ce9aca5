import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { binaryContent, jsonContent, operation } from "@/lib/api/openapi-operation";
import { ErrorResponseSchema } from "@/lib/schemas/error";
import { pathId, studyIdPathSchema } from "@/lib/schemas/common";
import { PacsPushListSchema, requestPacsPushBodySchema } from "@/lib/schemas/pacs-push";
import {
  IngestResponseSchema,
  listStudiesQuerySchema,
  RerunPredictionSchema,
  StudyDetailSchema,
  WorklistNeighboursSchema,
  WorklistPageSchema,
} from "@/lib/schemas/study";
import { PriorComparisonSchema, PriorsSchema } from "@/lib/schemas/prior";
import { ReaderDecisionsSchema } from "@/lib/schemas/review";

// The worklist, uploads, one study, its images, its SR and where its results went.
export const binaryFile = z.string().meta({ format: "binary" });
const uploadSchema = z.object({ files: z.array(binaryFile).min(1).max(500) });
// When every file is refused the status is the first refusal's, and the body still lists every file's result.
const allRefused = (description: string) => jsonContent(z.union([IngestResponseSchema, ErrorResponseSchema]), description);
const readers = { roles: ["radiologist", "admin"] } as const;

export const studyPaths: ZodOpenApiPathsObject = {
  "/api/v1/studies/{studyId}/reader-decisions": {
    get: operation({
      summary:
        "The signed-off reads' boxes with each decision, the reference layer of an annotation task (annotator with a task on the study; admin)",
      auth: {},
      path: studyIdPathSchema,
      ok: { 200: jsonContent(ReaderDecisionsSchema) },
      errors: ["not_found", "forbidden"],
    }),
  },
  "/api/v1/studies/{studyId}/events": {
    get: operation({
      summary: "Server-sent events: `ai` with the study's AI state (status, visible predictions) at once and whenever it changes",
      auth: {},
      path: studyIdPathSchema,
      ok: {
        200: {
          description: "text/event-stream: `ai` events whose data is the AI state as JSON",
          content: { "text/event-stream": { schema: z.object({ event: z.string().optional(), data: z.string() }) } },
        },
      },
      errors: ["not_found"],
    }),
  },
  "/api/v1/studies/{studyId}/priors": {
    get: operation({
      summary: "The same patient's studies, the current one marked (callers who may see patient identity; else the current study alone)",
      auth: {},
      path: studyIdPathSchema,
      ok: { 200: jsonContent(PriorsSchema) },
      errors: ["not_found"],
    }),
  },
  "/api/v1/studies/{studyId}/priors/{priorId}": {
    get: operation({
      summary:
        "Current and prior first images with their lung-field boxes and the prior's final boxes, for the side-by-side comparison (audited)",
      auth: {},
      path: z.object({ studyId: pathId, priorId: pathId }),
      ok: { 200: jsonContent(PriorComparisonSchema) },
      errors: ["not_found", "unprocessable"],
    }),
  },
  "/api/v1/studies": {
    get: operation({
      summary: "Worklist page with status counts",
      auth: { tokenScope: "read" },
      query: listStudiesQuerySchema,
      ok: { 200: jsonContent(WorklistPageSchema) },
    }),
    post: operation({
      summary: "Upload DICOM/PNG/JPEG files; per-file result (stored, duplicate, rejected with a code and reason)",
      description:
        "Each file is validated as a DICOM node would (tag stream, UIDs per PS3.5 §9.1, VRs, Image Pixel module, LUTs) and its declared size checked against MAX_IMAGE_PIXELS before decoding. " +
        "The same SOP Instance UID with the same bytes is a duplicate; with different bytes the file is rejected with code `conflict`, naming the stored instance and the new file. " +
        "The status sums the per-file results: 201 all stored or duplicates, 200 all duplicates, 207 some rejected and some not, and when all are rejected the first rejection's status (with the per-file results as the body).",
      auth: { ...readers, tokenScope: "studies:write" },
      multipart: uploadSchema,
      ok: {
        201: jsonContent(IngestResponseSchema, "Every file stored or a duplicate, at least one stored"),
        200: jsonContent(IngestResponseSchema, "Every file a duplicate"),
        207: jsonContent(
          IngestResponseSchema,
          "Some files rejected, others stored or duplicates: see results[].status and results[].error",
        ),
      },
      errors: ["unavailable"],
      other: {
        400: allRefused("No files or unreadable multipart (Error), or every file refused as empty (results)"),
        409: allRefused("Every file rejected; the first because its SOP Instance UID is stored with different content"),
        413: allRefused("Body larger than the limit (counted while streaming), or every file declaring more than MAX_IMAGE_PIXELS"),
        415: allRefused("Not multipart/form-data, or every file neither DICOM, PNG nor JPEG"),
        422: allRefused("Every file rejected; the first as invalid DICOM (attribute, tag and rule in the message) or undecodable"),
      },
    }),
  },
  "/api/v1/studies/{studyId}": {
    get: operation({
      summary: "A study with its instances (audited as viewed)",
      auth: { tokenScope: "read" },
      path: studyIdPathSchema,
      ok: { 200: jsonContent(StudyDetailSchema) },
      errors: ["not_found"],
    }),
  },
  "/api/v1/studies/{studyId}/neighbours": {
    get: operation({
      summary: "Previous and next study in the order of the given worklist query",
      auth: {},
      path: studyIdPathSchema,
      query: listStudiesQuerySchema,
      ok: { 200: jsonContent(WorklistNeighboursSchema) },
    }),
  },
  "/api/v1/instances/{instanceId}/file": {
    get: operation({
      summary: "The stored DICOM Part 10 bytes of one instance (for the viewer; annotators get the patient module blanked)",
      auth: {},
      path: z.object({ instanceId: pathId }),
      ok: { 200: binaryContent("application/dicom", "DICOM Part 10") },
      errors: ["not_found"],
    }),
  },
  "/api/v1/studies/{studyId}/sr": {
    get: operation({
      summary: "The signed-off findings as a DICOM Structured Report (TID 1500, boxes as SCOORD) for the PACS",
      auth: readers,
      path: studyIdPathSchema,
      ok: { 200: binaryContent("application/dicom", "DICOM Part 10 (Comprehensive SR)") },
      errors: ["not_found", "conflict", "unprocessable"],
    }),
  },
  "/api/v1/studies/{studyId}/predict": {
    post: operation({
      summary: "Queue the AI again for a study whose prediction failed, or is still new (audited)",
      auth: { roles: ["admin"] },
      path: studyIdPathSchema,
      ok: { 202: jsonContent(RerunPredictionSchema, "Queued") },
      errors: ["not_found", "conflict", "unavailable"],
    }),
  },
  "/api/v1/studies/{studyId}/pacs-pushes": {
    get: operation({
      summary: "Where the signed-off results (SR + GSPS) went: per PACS destination queued / sending / retrying / sent / failed",
      auth: { ...readers, tokenScope: "read" },
      path: studyIdPathSchema,
      ok: { 200: jsonContent(PacsPushListSchema) },
      errors: ["not_found"],
    }),
    post: operation({
      summary: "Send the SR and GSPS to every PACS that receives results, or to `connectionId`; a durable job per destination",
      auth: readers,
      path: studyIdPathSchema,
      json: requestPacsPushBodySchema,
      jsonOptional: true,
      ok: { 202: jsonContent(PacsPushListSchema, "Queued") },
      errors: ["not_found", "conflict", "unprocessable", "unavailable"],
    }),
  },
};
