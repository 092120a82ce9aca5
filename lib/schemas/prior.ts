import { z } from "zod";
import { reviewPurposeSchema } from "@/lib/schemas/review";
import { studyStatusSchema } from "@/lib/schemas/study";

// Priors: the same patient's other studies, and one of them side by side with the current study.

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const finalRead = z.object({ purpose: reviewPurposeSchema, at: z.string() }).nullable();

export const PriorStudySchema = z.object({
  studyId: z.string(),
  displayName: z.string(),
  studyDate: z.string().nullable(),
  status: studyStatusSchema,
  current: z.boolean(),
  finalRead, // the read whose boxes count as the study's findings (lib/reviews/final-read), null before one exists
});
export type PriorStudyDto = z.infer<typeof PriorStudySchema>;

// `linked`: false when the study has no patient ID (nothing to link by) or the caller may not see patient identity.
export const PriorsSchema = z.object({ studyId: z.string(), linked: z.boolean(), studies: z.array(PriorStudySchema) });
export type PriorsDto = z.infer<typeof PriorsSchema>;

const film = z.object({
  studyId: z.string(),
  instanceId: z.string(),
  fileUrl: z.string(),
  columns: z.number(),
  rows: z.number(),
  lungBox: box, // lib/priors/lung-field: the films are aligned by these for the findings diff
});
export const PriorComparisonSchema = z.object({
  current: film,
  prior: film.extend({
    displayName: z.string(),
    studyDate: z.string().nullable(),
    finalRead,
    boxes: z.array(z.object({ id: z.string(), className: z.string(), box })), // the final read's kept boxes on this image
  }),
});
export type PriorComparisonDto = z.infer<typeof PriorComparisonSchema>;
