import { z } from "zod";

export const PACS_AUTH_TYPES = ["none", "basic", "bearer"] as const;
export const PACS_PUSH_PROTOCOLS = ["stow", "c-store"] as const;

const aeTitle = z
  .string()
  .trim()
  .min(1)
  .max(16)
  .regex(/^[\x20-\x5b\x5d-\x7e]+$/, "an AE title is at most 16 printable characters, no backslash");
const modalities = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,16}$/, "a modality code such as CR or DX"),
  )
  .min(1)
  .max(20);
const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL")
  .transform((u) => u.replace(/\/+$/, ""));

const connectionFields = {
  name: z.string().trim().min(1).max(80),
  dicomwebUrl: httpUrl.nullable(),
  authType: z.enum(PACS_AUTH_TYPES),
  username: z.string().max(200).nullable(),
  /** Write-only: basic password or bearer token. Omit on update to keep it; never returned. */
  secret: z.string().min(1).max(4000).nullable(),
  aeTitle: aeTitle.nullable(),
  host: z.string().trim().min(1).max(255).nullable(),
  port: z.number().int().min(1).max(65535).nullable(),
  modalities,
  autoPull: z.boolean(),
  pushResults: z.boolean(),
  pushProtocol: z.enum(PACS_PUSH_PROTOCOLS),
  enabled: z.boolean(),
};

// Admin form and API: a PACS the app queries, pulls from and (pacs-out) pushes results to.
export const createPacsConnectionBodySchema = z
  .object({
    ...connectionFields,
    dicomwebUrl: connectionFields.dicomwebUrl.default(null),
    authType: connectionFields.authType.default("none"),
    username: connectionFields.username.default(null),
    secret: connectionFields.secret.optional(),
    aeTitle: connectionFields.aeTitle.default(null),
    host: connectionFields.host.default(null),
    port: connectionFields.port.default(null),
    modalities: modalities.default(["CR", "DX"]),
    autoPull: z.boolean().default(false),
    pushResults: z.boolean().default(false),
    pushProtocol: connectionFields.pushProtocol.default("stow"),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreatePacsConnectionBody = z.infer<typeof createPacsConnectionBodySchema>;

export const updatePacsConnectionBodySchema = z.object(connectionFields).partial().strict();
export type UpdatePacsConnectionBody = z.infer<typeof updatePacsConnectionBodySchema>;

export const PacsConnectionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    dicomwebUrl: z.string().nullable(),
    authType: z.enum(PACS_AUTH_TYPES),
    username: z.string().nullable(),
    secretSet: z.boolean(),
    aeTitle: z.string().nullable(),
    host: z.string().nullable(),
    port: z.number().nullable(),
    modalities: z.array(z.string()),
    autoPull: z.boolean(),
    pullWatermark: z.string().nullable(),
    pushResults: z.boolean(),
    pushProtocol: z.enum(PACS_PUSH_PROTOCOLS),
    enabled: z.boolean(),
    /** Why the latest auto-pull poll (last 10 min) failed; null when it worked or auto-pull is off. */
    autoPullError: z.string().nullable(),
    lastTest: z.object({ at: z.string(), ok: z.boolean(), error: z.string().nullable() }).nullable(),
  })
  .meta({ id: "PacsConnection" });
export type PacsConnectionDto = z.infer<typeof PacsConnectionSchema>;

/** What readers see of a connection: enough to pick one. */
export const PacsConnectionSummarySchema = PacsConnectionSchema.pick({ id: true, name: true, modalities: true });

const probe = z.object({ ok: z.boolean(), message: z.string(), ms: z.number() });
export const PacsTestResultSchema = z
  .object({ ok: z.boolean(), dicomweb: probe.nullable(), echo: probe.nullable() })
  .meta({ id: "PacsTestResult" });
export type PacsTestResult = z.infer<typeof PacsTestResultSchema>;

const dicomDate = z.iso.date({ message: "Use a real date as YYYY-MM-DD." });
// QIDO-RS search from the worklist: every filter optional; patient ID and accession match exactly or with a trailing *.
export const searchPacsQuerySchema = z
  .object({
    patientId: z.string().trim().min(1).max(64).optional(),
    accessionNumber: z.string().trim().min(1).max(64).optional(),
    dateFrom: dicomDate.optional().meta({ description: "Study date from (inclusive); not after dateTo" }),
    dateTo: dicomDate.optional().meta({ description: "Study date to (inclusive); not before dateFrom" }),
    modality: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,16}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.dateFrom || !q.dateTo || q.dateFrom <= q.dateTo, { path: ["dateTo"], message: "must not be before dateFrom" });
export type SearchPacsQuery = z.infer<typeof searchPacsQuerySchema>;

export const PacsStudySchema = z
  .object({
    studyInstanceUid: z.string(),
    patientId: z.string().nullable(),
    patientName: z.string().nullable(),
    accessionNumber: z.string().nullable(),
    studyDate: z.string().nullable(), // YYYY-MM-DD
    studyTime: z.string().nullable(), // HH:MM:SS
    modalities: z.array(z.string()),
    description: z.string().nullable(),
    instances: z.number().nullable(),
    /** The app's study when it is already here. */
    studyId: z.string().nullable(),
  })
  .meta({ id: "PacsStudy" });
export type PacsStudy = z.infer<typeof PacsStudySchema>;

const uid = z
  .string()
  .regex(/^[0-9]+(\.[0-9]+)*$/, "a DICOM UID")
  .max(64);
export const pullStudiesBodySchema = z.object({ studyInstanceUids: z.array(uid).min(1).max(100) }).strict();

export const PacsPullSchema = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    connectionName: z.string(),
    studyInstanceUid: z.string(),
    trigger: z.enum(["manual", "auto"]),
    state: z.string(), // the job's: queued | running | succeeded | failed
    progress: z.number(),
    message: z.string().nullable(),
    error: z.string().nullable(),
    studyId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "PacsPull" });
export type PacsPullDto = z.infer<typeof PacsPullSchema>;

export const listPacsPullsQuerySchema = z.object({
  connectionId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// POST /api/v1/pacs/connections/:id/pulls: one entry per requested study.
export const RequestedPullSchema = z
  .object({ studyInstanceUid: z.string(), pullId: z.string(), jobId: z.string(), alreadyRunning: z.boolean() })
  .meta({ id: "RequestedPull" });
export type RequestedPull = z.infer<typeof RequestedPullSchema>;
