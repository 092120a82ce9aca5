import { z } from "zod";

// The STOW-RS response (PS3.18 §10.5.3) in the DICOM JSON model (PS3.18 F.2): attributes keyed by tag.
const uiSchema = z.object({ vr: z.literal("UI"), Value: z.array(z.string()).optional() });
const urSchema = z.object({ vr: z.literal("UR"), Value: z.array(z.string()) });

export const StowReferencedSopSchema = z
  .object({ "00081150": uiSchema, "00081155": uiSchema, "00081190": urSchema })
  .describe("Referenced SOP Class / Instance UID, RetrieveURL of the instance");
export const StowFailedSopSchema = z
  .object({ "00081150": uiSchema, "00081155": uiSchema, "00081197": z.object({ vr: z.literal("US"), Value: z.array(z.number().int()) }) })
  .describe(
    "Failure Reason: 0xA700 out of resources (send again), 0xA900 not of the addressed study, 0xC000 not a DICOM image the app can read",
  );

export const StowResponseSchema = z
  .object({
    "00081190": urSchema.optional().describe("RetrieveURL of the study, when all stored instances belong to one"),
    "00081199": z
      .object({ vr: z.literal("SQ"), Value: z.array(StowReferencedSopSchema) })
      .optional()
      .describe("Referenced SOP Sequence: stored (or already held)"),
    "00081198": z
      .object({ vr: z.literal("SQ"), Value: z.array(StowFailedSopSchema) })
      .optional()
      .describe("Failed SOP Sequence"),
  })
  .meta({ id: "StowResponse" });
export type StowResponse = z.infer<typeof StowResponseSchema>;
