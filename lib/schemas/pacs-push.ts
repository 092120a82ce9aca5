import { z } from "zod";

export const PACS_PUSH_STATES = ["queued", "sending", "retrying", "sent", "failed"] as const;

// POST /api/v1/studies/:id/pacs-pushes — send the results again, to every destination or to one.
export const requestPacsPushBodySchema = z.object({ connectionId: z.string().min(1).max(64).optional() }).strict();
export type RequestPacsPushBody = z.infer<typeof requestPacsPushBodySchema>;

// One destination's push of a study's results (SR + GSPS): what was sent, what the PACS answered, what went wrong.
export const PacsPushSchema = z
  .object({
    id: z.string(),
    connection: z.object({ id: z.string(), name: z.string(), protocol: z.enum(["stow", "c-store"]) }),
    state: z.enum(PACS_PUSH_STATES),
    trigger: z.enum(["sign_off", "manual"]),
    attempts: z.number().int(),
    error: z.string().nullable(),
    remoteStatus: z.string().nullable(),
    objects: z.array(z.object({ kind: z.enum(["sr", "gsps", "sc"]), sopClassUid: z.string(), sopInstanceUid: z.string() })),
    lastTriedAt: z.string().nullable(),
    nextTryAt: z.string().nullable(), // while retrying: when the job runs again
    sentAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "PacsPush" });
export type PacsPushDto = z.infer<typeof PacsPushSchema>;
export const PacsPushListSchema = z.object({ pushes: z.array(PacsPushSchema) });
