import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { jsonContent, operation } from "@/lib/api/openapi-operation";
import { idPathSchema, pathId, studyIdPathSchema } from "@/lib/schemas/common";
import {
  AssignmentSchema,
  completeAssignmentBodySchema,
  CreatedAssignmentsSchema,
  createAssignmentsBodySchema,
  listAssignmentsQuerySchema,
  runAutoAssignBodySchema,
} from "@/lib/schemas/assignment";
import { agreementQuerySchema, AgreementReportSchema, createConsensusBodySchema } from "@/lib/schemas/double-reading";
import {
  ReviewHistorySchema,
  reviewQuerySchema,
  ReviewSchema,
  SaveReviewResultSchema,
  saveReviewBodySchema,
  signOffReviewBodySchema,
  StudyReviewSchema,
} from "@/lib/schemas/review";

// Reading a study: the caller's review, sign-off, label history, annotation tasks, double reads and consensus.
const review = jsonContent(z.object({ review: ReviewSchema }));
const admin = { roles: ["admin"] } as const;

export const reviewPaths: ZodOpenApiPathsObject = {
  "/api/v1/studies/{studyId}/review/amend": {
    post: operation({
      summary:
        "Amend the study's signed-off primary read: a new primary read that starts from its labels, audited; it becomes the final read once signed off (radiologist, admin)",
      auth: { roles: ["radiologist", "admin"] },
      path: studyIdPathSchema,
      ok: {
        201: jsonContent(z.object({ review: ReviewSchema }), "Amendment started"),
        200: jsonContent(z.object({ review: ReviewSchema }), "The caller's open amendment"),
      },
      errors: ["not_found", "conflict"],
    }),
  },
  "/api/v1/studies/{studyId}/review": {
    get: operation({
      summary: "The caller's review of a study (null until started), with the visible AI findings",
      auth: {},
      path: studyIdPathSchema,
      query: reviewQuerySchema,
      ok: { 200: jsonContent(StudyReviewSchema) },
      errors: ["not_found", "forbidden", "unprocessable"],
    }),
    post: operation({
      summary: "Start the caller's review (idempotent: 201 when created, 200 when it existed)",
      auth: {},
      path: studyIdPathSchema,
      query: reviewQuerySchema,
      ok: { 201: review, 200: review },
      errors: ["not_found", "forbidden", "unprocessable"],
    }),
    patch: operation({
      summary: "Save verdicts (accept, reject, edit, add, delete, restore) at the review version last seen; 409 when stale or signed off",
      auth: {},
      path: studyIdPathSchema,
      query: reviewQuerySchema,
      json: saveReviewBodySchema,
      ok: { 200: jsonContent(SaveReviewResultSchema) },
      errors: ["not_found", "forbidden", "conflict", "unprocessable"],
    }),
  },
  "/api/v1/studies/{studyId}/review/sign-off": {
    post: operation({
      summary: "Sign off with an impression (locks the review)",
      auth: { roles: ["radiologist", "admin"] },
      path: studyIdPathSchema,
      query: reviewQuerySchema,
      json: signOffReviewBodySchema,
      ok: { 200: review },
      errors: ["not_found", "forbidden", "conflict", "unprocessable"],
    }),
  },
  "/api/v1/reviews/{reviewId}/history": {
    get: operation({
      summary: "Every label revision of a review in order, with authors (own reviews; admin: all)",
      auth: {},
      path: z.object({ reviewId: pathId }),
      ok: { 200: jsonContent(ReviewHistorySchema) },
      errors: ["not_found"],
    }),
  },
  "/api/v1/assignments": {
    get: operation({
      summary: "The caller's tasks with mine=1 (open by default); without mine every task (admin)",
      auth: {},
      query: listAssignmentsQuerySchema,
      ok: { 200: jsonContent(z.object({ assignments: z.array(AssignmentSchema) })) },
      errors: ["forbidden"],
    }),
    post: operation({
      summary: "Assign studies: annotate (exactly one of assigneeId / assigneeIds, one annotator) or double_read (two different readers)",
      auth: admin,
      json: createAssignmentsBodySchema,
      ok: {
        201: jsonContent(CreatedAssignmentsSchema),
      },
      errors: ["unprocessable"],
    }),
  },
  "/api/v1/assignments/{id}": {
    get: operation({
      summary: "One task (its assignee or an admin; others get 404)",
      auth: {},
      path: idPathSchema,
      ok: { 200: jsonContent(z.object({ assignment: AssignmentSchema })) },
      errors: ["not_found"],
    }),
    delete: operation({
      summary: "Cancel an open task; done tasks are kept (409)",
      auth: admin,
      path: idPathSchema,
      ok: { 204: { description: "Cancelled" } },
      errors: ["not_found", "conflict"],
    }),
  },
  "/api/v1/assignments/{id}/complete": {
    post: operation({
      summary: "The assignee finishes an annotation task at the review version last seen (stale → 409)",
      auth: {},
      path: idPathSchema,
      json: completeAssignmentBodySchema,
      ok: { 200: jsonContent(z.object({ assignment: AssignmentSchema, review: ReviewSchema })) },
      errors: ["not_found", "forbidden", "conflict", "unprocessable"],
    }),
  },
  "/api/v1/assignments/auto": {
    post: operation({
      summary: "Queue the automatic annotation-task run now; 202 with the job id",
      auth: admin,
      json: runAutoAssignBodySchema,
      ok: { 202: jsonContent(z.object({ jobId: z.string(), alreadyQueued: z.boolean() }), "Queued") },
    }),
  },
  "/api/v1/admin/agreement": {
    get: operation({
      summary: "Double-read agreement per class and per study, boxes matched at IoU ≥ iou",
      auth: admin,
      query: agreementQuerySchema,
      ok: { 200: jsonContent(AgreementReportSchema) },
    }),
  },
  "/api/v1/studies/{studyId}/consensus": {
    post: operation({
      summary: "Fuse the two signed-off double reads (weighted boxes fusion) into the caller's consensus review",
      auth: admin,
      path: studyIdPathSchema,
      json: createConsensusBodySchema,
      ok: { 201: review },
      errors: ["not_found", "conflict", "unprocessable"],
    }),
  },
};
