import { z } from "zod";

// Double reading: agreement of two independent reads (boxes matched at IoU ≥ 0.4) and their fused consensus.
export const agreementQuerySchema = z.object({ iou: z.coerce.number().min(0.05).max(0.95).default(0.4) });
export const createConsensusBodySchema = z.object({ iouThreshold: z.number().min(0.05).max(0.95).optional() }).strict();

const counts = {
  matched: z.number(),
  onlyA: z.number(),
  onlyB: z.number(),
  f1: z.number().nullable(),
  agreementRate: z.number().nullable(),
};
const reader = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const AgreementReportSchema = z
  .object({
    iouThreshold: z.number(),
    total: z.object(counts),
    perClass: z.array(z.object({ className: z.string(), ...counts })),
    studies: z.array(
      z.object({
        studyId: z.string(),
        pseudonym: z.string(),
        readerA: reader,
        readerB: reader,
        // waiting: at least one read is not signed off yet (its labels are not shown or counted)
        state: z.enum(["waiting", "complete"]),
        readsSignedOff: z.number(),
        impressions: z.tuple([z.string().nullable(), z.string().nullable()]).nullable(),
        counts: z.object(counts).nullable(),
        consensus: z.object({ reviewId: z.string(), status: z.string(), labels: z.number() }).nullable(),
      }),
    ),
  })
  .meta({ id: "AgreementReport" });
export type AgreementReportDto = z.infer<typeof AgreementReportSchema>;
