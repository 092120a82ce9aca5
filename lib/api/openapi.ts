import { z } from "zod";
import { AssignmentSchema, completeAssignmentBodySchema, createAssignmentsBodySchema, listAssignmentsQuerySchema, runAutoAssignBodySchema } from "@/lib/schemas/assignment";
import { agreementQuerySchema, AgreementReportSchema, createConsensusBodySchema } from "@/lib/schemas/double-reading";
import { computeDriftBodySchema, listDriftQuerySchema } from "@/lib/schemas/drift";
import { listAuditQuerySchema } from "@/lib/schemas/audit";
import { createExportBodySchema, listExportsQuerySchema } from "@/lib/schemas/export";
import { createTrainingRunBodySchema, listTrainingRunsQuerySchema } from "@/lib/schemas/training";
import { canaryRuleSchema, changeStageBodySchema, optimizeBodySchema, performanceQuerySchema, rollbackBodySchema } from "@/lib/schemas/model";
import { BatchPredictResponseSchema, PredictResponseSchema } from "@/lib/schemas/predict";
import { saveReviewBodySchema, signOffReviewBodySchema, StudyReviewSchema } from "@/lib/schemas/review";
import { listStudiesQuerySchema, WorklistItemSchema } from "@/lib/schemas/study";
import { tritonRepoOptionsSchema } from "@/lib/schemas/triton-repo";
import { PacsPushListSchema, requestPacsPushBodySchema } from "@/lib/schemas/pacs-push";
import { createTokenBodySchema, CreatedApiTokenSchema } from "@/lib/schemas/token";
import { createUserBodySchema, updateUserBodySchema, UserSchema } from "@/lib/schemas/user";
import { pacsPaths } from "@/lib/api/openapi-pacs";
import { basicTokenScheme, dicomWebPaths } from "@/lib/api/openapi-dicomweb";

// The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with.
const json = (s: z.ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" });
const input = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const errorSchema = { type: "object", properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" }, details: {} }, required: ["code", "message"] } } };
const err = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const ok = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const multipart = (field: string, many: boolean) => ({
  required: true,
  content: {
    "multipart/form-data": {
      schema: { type: "object", required: [field], properties: { [field]: many ? { type: "array", items: { type: "string", format: "binary" } } : { type: "string", format: "binary" } } },
    },
  },
});
const stageParam = { name: "stage", in: "query", required: false, schema: { type: "string", enum: ["staging"] }, description: "Use the staging version (integration testing)" };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const jsonBody = (s: z.ZodType) => ({ required: true, content: { "application/json": { schema: input(s) } } });
const studyIdParam = { name: "studyId", in: "path", required: true, schema: { type: "string" } };
const common = { "401": err("No or invalid credentials"), "403": err("Wrong role or token scope"), "422": err("Validation failed (zod issues in details)") };

function queryParams(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, s]) => ({ name, in: "query", required: false, schema: input(s as z.ZodType) }));
}

export function openApiDocument(serverUrl = "/") {
  return {
    openapi: "3.1.0",
    info: {
      title: "CXR Review API",
      version: "1",
      description: "AI findings are proposals for a reader to confirm; they are not diagnoses. No patient identifiers are returned by the predict API.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Personal API token (cxr_…), created at /settings/tokens" }, session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" }, basic: basicTokenScheme },
      schemas: { Error: errorSchema },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      "/api/v1/predict": {
        post: {
          summary: "Detect findings on one image (DICOM, PNG or JPEG). Also at /predict.",
          description:
            "A multi-frame DX or CR DICOM is predicted frame by frame: `predictions` lists every frame's boxes, each with its 1-based `frame` (DICOM Referenced Frame Number), and `image.frames` says how many frames were predicted. Single-frame images answer as before, with `frame: 1` and `image.frames: 1`. Other multi-frame objects (cine, ultrasound) get 422 with the reason; more than MAX_FRAMES_PER_IMAGE frames get 413.",
          parameters: [stageParam],
          requestBody: multipart("file", false),
          responses: { "200": ok(json(PredictResponseSchema)), "400": err("No file or empty file"), "413": err("Too large"), "415": err("Not DICOM, PNG or JPEG"), "429": err("Rate limited (Retry-After)"), "503": err("Inference queue full (Retry-After)"), ...common },
        },
      },
      "/api/v1/predict/batch": {
        post: { summary: "Detect findings on several images; one result per file, in order. Also at /predict/batch.", parameters: [stageParam], requestBody: multipart("files", true), responses: { "200": ok(json(BatchPredictResponseSchema)), "413": err("Too many files (max 32)"), ...common } },
      },
      "/api/v1/studies": {
        get: { summary: "Worklist page with status counts", parameters: queryParams(listStudiesQuerySchema), responses: { "200": ok({ type: "object", properties: { items: { type: "array", items: json(WorklistItemSchema) }, total: { type: "integer" } } }), ...common } },
        post: {
          summary: "Upload DICOM/PNG/JPEG files; per-file result (stored, duplicate, rejected with a code and reason)",
          description:
            "Each file is validated as a DICOM node would (tag stream, UIDs per PS3.5 §9.1, VRs, Image Pixel module, LUTs) and its declared size checked against MAX_IMAGE_PIXELS before decoding. " +
            "The same SOP Instance UID with the same bytes is a duplicate; with different bytes the file is rejected with code `conflict`, naming the stored instance (study, series, sha256) and the new file. " +
            "The status sums the per-file results: 201 all stored or duplicates, 200 all duplicates, 207 some rejected and some not, and when all are rejected the first rejection's status.",
          requestBody: multipart("files", true),
          responses: {
            "201": ok({ type: "object" }, "Every file stored or a duplicate, at least one stored"),
            "200": ok({ type: "object" }, "Every file a duplicate"),
            "207": ok({ type: "object" }, "Some files rejected, others stored or duplicates: see results[].status and results[].error"),
            "400": err("Empty file or no files"),
            "409": err("Every file rejected; the first because its SOP Instance UID is stored with different content"),
            "413": err("Body larger than the limit (counted while streaming) or an image declaring more than MAX_IMAGE_PIXELS"),
            "415": err("Not multipart/form-data, or a file that is neither DICOM, PNG nor JPEG"),
            ...common,
            "422": err("Every file rejected; the first as invalid DICOM (attribute, tag and rule in the message) or undecodable"),
          },
        },
      },
      "/api/v1/users": {
        get: { summary: "List users (admin)", responses: { "200": ok({ type: "object", properties: { users: { type: "array", items: json(UserSchema) } } }), ...common } },
        post: { summary: "Create a user (admin)", requestBody: { required: true, content: { "application/json": { schema: input(createUserBodySchema) } } }, responses: { "201": ok({ type: "object", properties: { user: json(UserSchema) } }), "409": err("E-mail exists"), ...common } },
      },
      "/api/v1/users/{id}": {
        get: { summary: "One user (admin)", parameters: [idParam], responses: { "200": ok({ type: "object", properties: { user: json(UserSchema) } }), "404": err("Unknown user"), ...common } },
        patch: { summary: "Change role, name, password or disable (admin)", parameters: [idParam], requestBody: { required: true, content: { "application/json": { schema: input(updateUserBodySchema) } } }, responses: { "200": ok({ type: "object", properties: { user: json(UserSchema) } }), "404": err("Unknown user"), ...common } },
      },
      "/api/v1/me": { get: { summary: "Who the caller is (session, or a token with the read scope)", responses: { "200": ok({ type: "object" }), ...common } } },
      "/api/v1/tokens": {
        get: { summary: "The caller's own API tokens (prefix, scopes, last use; never the secret)", responses: { "200": ok({ type: "object" }), ...common } },
        post: { summary: "Create a personal API token (the secret is returned once)", requestBody: { required: true, content: { "application/json": { schema: input(createTokenBodySchema) } } }, responses: { "201": ok({ type: "object", properties: { token: json(CreatedApiTokenSchema) } }, "Created; token.token is the secret, shown once"), ...common } },
      },
      "/api/v1/tokens/{id}": { delete: { summary: "Revoke a token (its owner, or an admin)", parameters: [idParam], responses: { "200": ok({ type: "object" }), "404": err("Unknown token"), ...common } } },
      "/api/v1/studies/{studyId}": { get: { summary: "A study with its instances (audited as viewed)", parameters: [studyIdParam], responses: { "200": ok({ type: "object" }), "404": err("Unknown study"), ...common } } },
      "/api/v1/studies/{studyId}/neighbours": {
        get: { summary: "Previous and next study in the order of the given worklist query", parameters: [studyIdParam, ...queryParams(listStudiesQuerySchema)], responses: { "200": ok({ type: "object" }), "404": err("Unknown study"), ...common } },
      },
      "/api/v1/instances/{instanceId}/file": {
        get: {
          summary: "The stored DICOM Part 10 bytes of one instance (for the viewer)",
          parameters: [{ name: "instanceId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "DICOM Part 10", content: { "application/dicom": { schema: { type: "string", format: "binary" } } } }, "404": err("Unknown instance"), ...common },
        },
      },
      "/api/v1/reviews/{reviewId}/history": {
        get: { summary: "Every label revision of a review in order, with authors (own reviews; admin: all)", parameters: [{ name: "reviewId", in: "path", required: true, schema: { type: "string" } }], responses: { "200": ok({ type: "object" }), "404": err("Unknown review"), ...common } },
      },
      "/api/v1/audit": { get: { summary: "The audit trail, newest first (admin)", parameters: queryParams(listAuditQuerySchema), responses: { "200": ok({ type: "object" }), ...common } } },
      "/api/v1/studies/{studyId}/review": {
        get: { summary: "The caller's review of a study, with the visible AI findings", parameters: [studyIdParam], responses: { "200": ok(json(StudyReviewSchema)), "404": err("Unknown study"), ...common } },
        post: { summary: "Start the review (idempotent)", parameters: [studyIdParam], responses: { "201": ok({ type: "object" }), ...common } },
        patch: {
          summary: "Save verdicts (accept, reject, edit, add, delete, restore) with the review version; 409 when stale",
          parameters: [studyIdParam],
          requestBody: { required: true, content: { "application/json": { schema: input(saveReviewBodySchema) } } },
          responses: { "200": ok({ type: "object" }), "409": err("Changed in another session, or signed off"), ...common },
        },
      },
      "/api/v1/studies/{studyId}/review/sign-off": {
        post: { summary: "Sign off (locks the review)", parameters: [studyIdParam], requestBody: { required: true, content: { "application/json": { schema: input(signOffReviewBodySchema) } } }, responses: { "200": ok({ type: "object" }), "409": err("Stale version"), ...common } },
      },
      "/api/v1/studies/{studyId}/sr": {
        get: {
          summary: "The signed-off findings as a DICOM Structured Report (TID 1500, boxes as SCOORD) for the PACS (radiologist, admin)",
          parameters: [studyIdParam],
          responses: { "200": { description: "DICOM Part 10 (Comprehensive SR)", content: { "application/dicom": { schema: { type: "string", format: "binary" } } } }, "404": err("Unknown study"), "409": err("Not signed off yet"), ...common },
        },
      },
      "/api/v1/studies/{studyId}/predict": {
        post: { summary: "Queue the AI again for a study whose prediction failed, or is still new (admin; audited)", parameters: [studyIdParam], responses: { "202": ok({ type: "object" }), "404": err("Unknown study"), "409": err("Already predicted"), ...common } },
      },
      "/api/v1/studies/{studyId}/pacs-pushes": {
        get: { summary: "Where the signed-off results (SR + GSPS) went: per PACS destination queued / sending / retrying / sent / failed (radiologist, admin)", parameters: [studyIdParam], responses: { "200": ok(json(PacsPushListSchema)), ...common } },
        post: {
          summary: "Send the SR and GSPS to every PACS that receives results, or to `connectionId` (radiologist, admin); a durable job per destination",
          parameters: [studyIdParam],
          requestBody: { required: false, content: { "application/json": { schema: input(requestPacsPushBodySchema) } } },
          responses: { "202": ok(json(PacsPushListSchema), "Queued"), "404": err("Unknown study or connection"), "409": err("Not signed off, or no destination"), ...common },
        },
      },
      "/api/v1/admin/drift": {
        get: { summary: "Drift snapshot history (admin)", parameters: queryParams(listDriftQuerySchema), responses: { "200": ok({ type: "object" }), ...common } },
        post: { summary: "Compute drift now (admin)", requestBody: { required: true, content: { "application/json": { schema: input(computeDriftBodySchema) } } }, responses: { "200": ok({ type: "object" }), ...common } },
      },
      "/api/v1/exports": {
        get: { summary: "Dataset exports with their job's progress (admin)", parameters: queryParams(listExportsQuerySchema), responses: { "200": ok({ type: "object" }), ...common } },
        post: { summary: "Start a YOLO / COCO export of reviewed labels (patient-level split, de-identified) as a background job (admin)", requestBody: { required: true, content: { "application/json": { schema: input(createExportBodySchema) } } }, responses: { "201": ok({ type: "object" }), ...common } },
      },
      "/api/v1/exports/{id}": { get: { summary: "One export: status, progress, counts per split and class (admin)", parameters: [idParam], responses: { "200": ok({ type: "object" }), "404": err("Unknown export"), ...common } } },
      "/api/v1/exports/{id}/download": {
        get: { summary: "The finished export's zip (admin; audited)", parameters: [idParam], responses: { "200": { description: "application/zip" }, "404": err("Unknown export"), "409": err("Not finished"), ...common } },
      },
      "/api/v1/training-runs": {
        get: { summary: "Retraining runs with progress, metrics and the registered model; whether the worker is installed (admin)", parameters: queryParams(listTrainingRunsQuerySchema), responses: { "200": ok({ type: "object" }), ...common } },
        post: { summary: "Retrain a YOLO11 on a finished YOLO export with the Python worker (admin)", requestBody: { required: true, content: { "application/json": { schema: input(createTrainingRunBodySchema) } } }, responses: { "201": ok({ type: "object" }), "503": err("Training worker not installed"), ...common } },
      },
      "/api/v1/training-runs/{id}": { get: { summary: "One run: status, progress, log tail, metrics, model (admin)", parameters: [idParam], responses: { "200": ok({ type: "object" }), "404": err("Unknown run"), ...common } } },
      "/api/v1/assignments": {
        get: { summary: "?mine=1: the caller's tasks (open by default); otherwise every task (admin)", parameters: queryParams(listAssignmentsQuerySchema), responses: { "200": ok({ type: "object", properties: { assignments: { type: "array", items: json(AssignmentSchema) } } }), ...common } },
        post: { summary: "Assign studies: annotate (one annotator) or double_read (two readers) (admin); existing tasks are skipped", requestBody: { required: true, content: { "application/json": { schema: input(createAssignmentsBodySchema) } } }, responses: { "201": ok({ type: "object" }), ...common } },
      },
      "/api/v1/assignments/{id}": {
        get: { summary: "One task (assignee or admin)", parameters: [idParam], responses: { "200": ok({ type: "object", properties: { assignment: json(AssignmentSchema) } }), "404": err("Unknown task"), ...common } },
        delete: { summary: "Cancel an open task (admin)", parameters: [idParam], responses: { "204": { description: "Cancelled" }, "409": err("Done tasks are kept"), ...common } },
      },
      "/api/v1/assignments/{id}/complete": {
        post: { summary: "Complete an annotation task: locks the annotation review at the version last seen (409 when stale)", parameters: [idParam], requestBody: { required: true, content: { "application/json": { schema: input(completeAssignmentBodySchema) } } }, responses: { "200": ok({ type: "object" }), "409": err("Stale version or already done"), ...common } },
      },
      "/api/v1/assignments/auto": {
        post: { summary: "Queue the automatic annotation-task run (admin)", requestBody: { required: true, content: { "application/json": { schema: input(runAutoAssignBodySchema) } } }, responses: { "202": ok({ type: "object" }, "Queued"), ...common } },
      },
      "/api/v1/admin/agreement": {
        get: { summary: "Double-read agreement per class and per study, boxes matched at IoU ≥ 0.4 (admin)", parameters: queryParams(agreementQuerySchema), responses: { "200": ok(json(AgreementReportSchema)), ...common } },
      },
      "/api/v1/studies/{studyId}/consensus": {
        post: { summary: "Fuse the two signed-off double reads (weighted boxes fusion) into the caller's consensus review (admin)", parameters: [studyIdParam], requestBody: { required: true, content: { "application/json": { schema: input(createConsensusBodySchema) } } }, responses: { "201": ok({ type: "object" }), "409": err("Reads not signed off, or a consensus exists"), ...common } },
      },
      "/api/v1/models": {
        get: { summary: "Model versions with stage, latest evaluation and stage history; recent automatic rollbacks (admin)", responses: { "200": ok({ type: "object" }), ...common } },
        post: {
          summary: "Register an ONNX (multipart `file` + `card` JSON); an evaluation job is queued (admin or models:write token)",
          requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file", "card"], properties: { file: { type: "string", format: "binary" }, card: { type: "string", format: "binary" } } } } } },
          responses: { "201": ok({ type: "object" }), "409": err("Already registered"), ...common },
        },
      },
      "/api/v1/models/{id}/file": {
        get: { summary: "A version's ONNX bytes (ETag = sha256), for running the same model in the browser", parameters: [idParam], responses: { "200": { description: "application/octet-stream" }, "404": err("Unknown model version"), ...common } },
      },
      "/api/v1/models/{id}/triton-repo": {
        get: { summary: "A version as a Triton model repository zip: config.pbtxt (onnxruntime backend) + 1/model.onnx (admin)", parameters: [idParam, ...queryParams(tritonRepoOptionsSchema)], responses: { "200": { description: "application/zip" }, "404": err("Unknown model version"), ...common } },
      },
      "/api/v1/models/{id}/stage": {
        post: { summary: "Change stage (canary share, shadow); below production's mAP@0.5 needs overrideReason (422 otherwise) (admin)", parameters: [idParam], requestBody: jsonBody(changeStageBodySchema), responses: { "200": ok({ type: "object" }), "404": err("Unknown version"), ...common } },
      },
      "/api/v1/models/{id}/rollback": {
        post: { summary: "Roll back a canary (→ registered) or production (→ the version it replaced) (admin)", parameters: [idParam], requestBody: { ...jsonBody(rollbackBodySchema), required: false }, responses: { "200": ok({ type: "object" }), "409": err("Not a canary or production version"), ...common } },
      },
      "/api/v1/models/{id}/evaluations": {
        get: { summary: "Evaluations of a version, newest first (admin)", parameters: [idParam], responses: { "200": ok({ type: "object" }), ...common } },
        post: { summary: "Re-evaluate on the held-out signed-off reviews (admin)", parameters: [idParam], responses: { "202": ok({ type: "object" }, "Queued"), ...common } },
      },
      "/api/v1/models/{id}/optimize": {
        post: { summary: "Queue a statically quantized INT8 (QDQ) sibling version, calibrated on an export's images; registered and evaluated in the background (admin)", parameters: [idParam], requestBody: jsonBody(optimizeBodySchema), responses: { "202": ok({ type: "object" }, "Queued"), "404": err("Unknown version"), "503": err("Training worker not installed"), ...common } },
      },
      "/api/v1/admin/performance": {
        get: { summary: "Live performance from reader verdicts per version, class and day (admin)", parameters: queryParams(performanceQuerySchema), responses: { "200": ok({ type: "object" }), ...common } },
      },
      "/api/v1/admin/canary-rule": {
        get: { summary: "The automatic canary rollback rule (admin)", responses: { "200": ok({ type: "object", properties: { rule: json(canaryRuleSchema) } }), ...common } },
        patch: { summary: "Change the canary rule (admin)", requestBody: jsonBody(canaryRuleSchema.partial()), responses: { "200": ok({ type: "object" }), ...common } },
      },
      "/api/health": { get: { summary: "Process alive", security: [], responses: { "200": ok({ type: "object" }) } } },
      "/api/ready": { get: { summary: "Database, migrations, storage, job queue, production model and inference backend ready (503 names what is down)", security: [], responses: { "200": ok({ type: "object" }), "503": ok({ type: "object" }, "Not ready") } } },
      "/api/metrics": { get: { summary: "Prometheus metrics (an admin; tokens need the `metrics` scope)", responses: { "200": { description: "text/plain exposition format" }, ...common } } },
      ...pacsPaths,
      ...dicomWebPaths,
    },
  };
}
