import { z } from "zod";

// Tasks: studies handed to an annotator (annotate) or to a reader for an independent second read (double_read).
export const ASSIGNMENT_KINDS = ["annotate", "double_read"] as const;
export const assignmentKindSchema = z.enum(ASSIGNMENT_KINDS);
export type AssignmentKind = z.infer<typeof assignmentKindSchema>;

export const ASSIGNMENT_REASONS = ["admin", "disagreement", "rejected_or_added", "low_confidence"] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];
export const ASSIGNMENT_STATUSES = ["open", "done"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

const id = z.string().min(1).max(64);

// annotate: one annotator (assigneeId). double_read: two different readers (assigneeIds), each reads every study.
export const createAssignmentsBodySchema = z
  .object({
    kind: assignmentKindSchema,
    studyIds: z.array(id).min(1, "Choose at least one study.").max(500),
    assigneeId: id.optional(),
    assigneeIds: z.array(id).min(1).max(2).optional(),
  })
  .strict()
  .refine((b) => (b.assigneeId === undefined) !== (b.assigneeIds === undefined), "Send exactly one of assigneeId or assigneeIds.")
  .meta({
    description: "Exactly one of assigneeId or assigneeIds: annotate takes one assignee, double_read two different readers",
    override: ({ jsonSchema }) => {
      jsonSchema.oneOf = [{ required: ["assigneeId"] }, { required: ["assigneeIds"] }];
    },
  })
  .transform(({ assigneeId, assigneeIds, ...b }) => ({
    ...b,
    studyIds: [...new Set(b.studyIds)],
    assigneeIds: [...new Set(assigneeIds ?? [assigneeId!])],
  }))
  .refine((b) => (b.kind === "double_read" ? b.assigneeIds.length === 2 : b.assigneeIds.length === 1), {
    message: "annotate takes one assignee; double_read takes two different readers.",
    path: ["assigneeIds"],
  });
export type CreateAssignmentsBody = z.infer<typeof createAssignmentsBodySchema>;

export const listAssignmentsQuerySchema = z.object({
  mine: z.enum(["1", "true"]).optional(),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  kind: assignmentKindSchema.optional(),
  studyId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListAssignmentsQuery = z.infer<typeof listAssignmentsQuerySchema>;

export const completeAssignmentBodySchema = z.object({ version: z.number().int().min(0) }).strict();

export const runAutoAssignBodySchema = z.object({ lowConfidenceBelow: z.number().min(0).max(1).optional() }).strict();

export const AssignmentSchema = z
  .object({
    id: z.string(),
    studyId: z.string(),
    study: z.object({
      pseudonym: z.string(),
      displayName: z.string(),
      modality: z.string(),
      status: z.string(),
      aiPriority: z.number().nullable(),
    }),
    assignee: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
    kind: assignmentKindSchema,
    reason: z.enum(ASSIGNMENT_REASONS),
    status: z.enum(ASSIGNMENT_STATUSES),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: "Assignment" });
export type AssignmentDto = z.infer<typeof AssignmentSchema>;
export const CreatedAssignmentsSchema = z.object({
  created: z.array(AssignmentSchema),
  skipped: z.array(z.object({ studyId: z.string(), assigneeId: z.string() })),
});
