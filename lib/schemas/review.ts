import { z } from "zod";
import type { BoxXyxy } from "@/lib/boxes/convert";
import { roleSchema } from "@/lib/schemas/common";
import { studyStatusSchema } from "@/lib/schemas/study";

// Reviews: per-box verdicts stored as labels with revisions. Boxes are pixel [x1, y1, x2, y2] in the original image grid.

// consensus: the fused double read an admin confirms as the training label (lib/double-reading).
export const REVIEW_PURPOSES = ["primary", "double_read", "annotation", "consensus"] as const;
export const reviewPurposeSchema = z.enum(REVIEW_PURPOSES);
export type ReviewPurpose = z.infer<typeof reviewPurposeSchema>;

export const IMPRESSIONS = ["no_finding", "abnormal"] as const;
export const impressionSchema = z.enum(IMPRESSIONS);
export type Impression = z.infer<typeof impressionSchema>;

// completed: an annotation task the annotator finished (annotation reviews are never signed off); locked like signed_off.
export const REVIEW_STATUSES = ["in_progress", "signed_off", "completed"] as const;
export const LABEL_SOURCES = ["ai_accepted", "ai_edited", "reader_added"] as const;
export type LabelSource = (typeof LABEL_SOURCES)[number];
// amend: the label was copied from the signed-off read an amendment starts from (lib/reviews/amend-review.ts).
export const LABEL_CHANGES = ["accept", "reject", "edit", "add", "delete", "restore", "consensus", "amend"] as const;
export type LabelChange = (typeof LABEL_CHANGES)[number];

const MAX_PIXEL = 65_535; // DICOM Rows/Columns are 16-bit; the image's own size is checked by the service
const coordinate = z.number().finite().min(0).max(MAX_PIXEL);

export const boxSchema = z
  .tuple([coordinate, coordinate, coordinate, coordinate])
  .refine(([x1, , x2]) => x1 < x2, "x1 must be less than x2.")
  .refine(([, y1, , y2]) => y1 < y2, "y1 must be less than y2.")
  .meta({ description: "[x1, y1, x2, y2] in pixels of the image, with x1 < x2 and y1 < y2" });
export type Box = BoxXyxy; // the one box tuple type (lib/boxes/convert.ts)

const id = z.string().min(1).max(64);
const className = z.string().trim().min(1, "className must not be empty.").max(120);
const reason = z.string().trim().max(500);

const acceptOp = z.object({ op: z.literal("accept"), findingId: id }).strict();
const rejectOp = z.object({ op: z.literal("reject"), findingId: id, reason: reason.optional() }).strict();
const editOp = z
  .object({
    op: z.literal("edit"),
    findingId: id.optional(),
    labelId: id.optional(),
    box: boxSchema.optional(),
    className: className.optional(),
  })
  .strict()
  .refine((o) => (o.findingId === undefined) !== (o.labelId === undefined), "Send exactly one of findingId or labelId.")
  .refine((o) => o.box !== undefined || o.className !== undefined, "Send box, className or both.")
  .meta({
    description: "Exactly one of findingId (an AI finding) or labelId (a label); box, className or both",
    override: ({ jsonSchema }) => {
      jsonSchema.oneOf = [{ required: ["findingId"] }, { required: ["labelId"] }];
      jsonSchema.anyOf = [{ required: ["box"] }, { required: ["className"] }];
    },
  });
// instanceId may be left out on a single-image study; see lib/reviews/apply-operations.ts. frame: 1-based frame of a
// multi-frame image (DICOM's Referenced Frame Number), 1 when left out.
export const frameSchema = z.number().int().min(1).max(MAX_PIXEL);
const addOp = z
  .object({ op: z.literal("add"), box: boxSchema, className, instanceId: id.optional(), frame: frameSchema.optional() })
  .strict();
const deleteOp = z.object({ op: z.literal("delete"), labelId: id }).strict();
const restoreOp = z.object({ op: z.literal("restore"), labelId: id }).strict();

export const reviewOperationSchema = z.discriminatedUnion("op", [acceptOp, rejectOp, editOp, addOp, deleteOp, restoreOp]);
export type ReviewOperation = z.infer<typeof reviewOperationSchema>;

// One autosave: the Review version the client last saw (0 before the review exists), ops applied in order, all or nothing.
export const saveReviewBodySchema = z
  .object({
    version: z.number().int().min(0),
    operations: z.array(reviewOperationSchema).max(500).default([]),
    impression: impressionSchema.nullable().optional(), // null clears it
    comment: z.string().trim().max(4000).nullable().optional(),
  })
  .strict();
export type SaveReviewBody = z.infer<typeof saveReviewBodySchema>;

export const signOffReviewBodySchema = z
  .object({ version: z.number().int().min(1), impression: impressionSchema, comment: z.string().trim().max(4000).nullable().optional() })
  .strict();
export type SignOffReviewBody = z.infer<typeof signOffReviewBodySchema>;

export const reviewQuerySchema = z.object({ purpose: reviewPurposeSchema.optional() });

// ---------------------------------------------------------------- responses

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const AiFindingSchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    frame: z.number().int(), // 1-based; 1 on a single-frame image
    predictionId: z.string(),
    modelVersionId: z.string(),
    className: z.string(),
    modelClass: z.string(),
    confidence: z.number(),
    box,
  })
  .meta({ id: "AiFinding" });
export type AiFindingDto = z.infer<typeof AiFindingSchema>;

export const LabelSchema = z
  .object({
    id: z.string(),
    instanceId: z.string().nullable(),
    frame: z.number().int(), // 1-based frame of that image; 1 on a single-frame image
    originFindingId: z.string().nullable(),
    origin: z.object({ className: z.string(), modelClass: z.string(), confidence: z.number(), box, modelVersionId: z.string() }).nullable(),
    source: z.enum(LABEL_SOURCES),
    className: z.string(),
    box,
    rejected: z.boolean(),
    rejectReason: z.string().nullable(),
    deleted: z.boolean(),
    revision: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Label" });
export type LabelDto = z.infer<typeof LabelSchema>;

export const ReviewSchema = z
  .object({
    id: z.string(),
    studyId: z.string(),
    reader: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    role: roleSchema,
    purpose: reviewPurposeSchema,
    status: z.enum(REVIEW_STATUSES),
    version: z.number(),
    impression: impressionSchema.nullable(),
    comment: z.string().nullable(),
    modelVersionId: z.string().nullable(),
    startedAt: z.string(),
    updatedAt: z.string(),
    signedOffAt: z.string().nullable(),
    round: z.number().int(), // 0 for a first read; k for the k-th amendment of the study's signed-off primary read
    amendsId: z.string().nullable(), // the signed-off read this amendment started from
    labels: z.array(LabelSchema),
  })
  .meta({ id: "Review" });
export type ReviewDto = z.infer<typeof ReviewSchema>;

// A version's detection thresholds as the overlay uses them: the global confidence and per-class confidences keyed by
// the app's class names (mapped like the findings). Display defaults only: the reader can change them in the panel.
export const DisplayThresholdsSchema = z.object({ confidence: z.number(), perClass: z.record(z.string(), z.number()) });
export type DisplayThresholds = z.infer<typeof DisplayThresholdsSchema>;

// GET …/review: the caller's review (null until started; save with version 0 then) and what the AI showed.
export const StudyReviewSchema = z
  .object({
    studyId: z.string(),
    studyStatus: studyStatusSchema,
    purpose: reviewPurposeSchema,
    review: ReviewSchema.nullable(),
    modelVersion: z.object({ id: z.string(), name: z.string(), version: z.string(), thresholds: DisplayThresholdsSchema }).nullable(),
    instances: z.array(z.object({ id: z.string(), rows: z.number(), columns: z.number(), frames: z.number().int() })),
    findings: z.array(AiFindingSchema),
    // The study's signed-off primary read when the caller can only change it by amending it (a primary view, and no
    // amendment of theirs open): the UI offers "Amend" instead of an editable read.
    amendable: z.object({ reviewId: z.string(), readerName: z.string(), signedOffAt: z.string(), round: z.number().int() }).nullable(),
  })
  .meta({ id: "StudyReview" });
export type StudyReviewDto = z.infer<typeof StudyReviewSchema>;

export const SaveReviewResultSchema = z
  .object({
    review: ReviewSchema,
    // Per operation, in order: the label it touched (new labels get their id here) and the revision kind, or null when it changed nothing.
    results: z.array(z.object({ labelId: z.string(), change: z.enum(LABEL_CHANGES).nullable() })),
  })
  .meta({ id: "SaveReviewResult" });
export type SaveReviewResult = z.infer<typeof SaveReviewResultSchema>;

export const LabelRevisionSchema = z
  .object({
    labelId: z.string(),
    revision: z.number(),
    change: z.enum(LABEL_CHANGES),
    source: z.enum(LABEL_SOURCES),
    className: z.string(),
    box,
    rejected: z.boolean(),
    rejectReason: z.string().nullable(),
    deleted: z.boolean(),
    author: z.object({ id: z.string(), email: z.string() }),
    createdAt: z.string(),
    // The AI suggestion the label started from (null for a reader's own box) and the model version that made it.
    originFindingId: z.string().nullable().optional(),
    modelVersion: z.object({ id: z.string(), name: z.string(), version: z.string() }).nullable().optional(),
  })
  .meta({ id: "LabelRevision" });
export type LabelRevisionDto = z.infer<typeof LabelRevisionSchema>;

export const ReviewHistorySchema = z
  .object({ reviewId: z.string(), revisions: z.array(LabelRevisionSchema) })
  .meta({ id: "ReviewHistory" });
export type ReviewHistoryDto = z.infer<typeof ReviewHistorySchema>;

// GET …/reader-decisions: the signed-off reads of a study, each box with the reader's decision, as the reference layer
// of an annotation task (what the radiologist accepted, edited, added or rejected, and why).
export const READER_DECISIONS = ["accepted", "edited", "added", "rejected"] as const;
export const ReaderDecisionSchema = z.object({
  labelId: z.string(),
  originFindingId: z.string().nullable(),
  instanceId: z.string().nullable(),
  frame: z.number().int(),
  decision: z.enum(READER_DECISIONS),
  className: z.string(),
  box,
  aiClassName: z.string().nullable(), // the AI suggestion's class, for an accepted, edited or rejected one
  reason: z.string().nullable(), // a rejection's reason
});
export type ReaderDecisionDto = z.infer<typeof ReaderDecisionSchema>;
export const ReaderDecisionsSchema = z.object({
  studyId: z.string(),
  reads: z.array(
    z.object({
      reviewId: z.string(),
      purpose: reviewPurposeSchema,
      reader: z.object({ id: z.string(), name: z.string() }),
      impression: impressionSchema.nullable(),
      signedOffAt: z.string().nullable(),
      decisions: z.array(ReaderDecisionSchema),
    }),
  ),
});
export type ReaderDecisionsDto = z.infer<typeof ReaderDecisionsSchema>;
