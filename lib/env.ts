import path from "node:path";
import { z } from "zod";

// The one place that reads process.env; everything else imports `env`.
const boolish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  SECURE_COOKIES: boolish,
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: boolish,
  MAX_UPLOAD_MB: z.coerce.number().positive().default(200),
  JOBS_IN_PROCESS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  JOB_QUEUE: z.enum(["database", "redis"]).default("database"), // redis: dispatch through Redis (REDIS_URL), rows stay in the DB
  REDIS_URL: z
    .string()
    .url()
    .regex(/^rediss?:\/\//, "redis:// or rediss:// (TLS)")
    .optional(),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000), // a stalled Redis fails a command after this
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1), // predictions at once per worker
  // Other job families' concurrency per worker, e.g. "training=1,exports=2" (defaults: review 2, pacs 2, others 1).
  JOB_FAMILY_CONCURRENCY: z
    .string()
    .default("")
    .refine(
      (s) =>
        s
          .split(",")
          .every((p) => !p.trim() || /^\s*(predict|review|exports|evaluation|training|pacs)\s*=\s*([1-9]|[12]\d|3[0-2])\s*$/.test(p)),
      "family=N[,family=N] with N in 1..32",
    )
    .transform(
      (s) =>
        Object.fromEntries(
          s
            .split(",")
            .filter((p) => p.trim())
            .map((p) => p.split("=").map((x) => x.trim()))
            .map(([f, n]) => [f!, Number(n)]),
        ) as Record<string, number>,
    ),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(), // `npm run worker` serves /metrics here (0: any free port)
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // Inference: execution providers in order (the CPU is always the fallback), threads and dynamic batching.
  INFERENCE_PROVIDERS: z
    .string()
    .default("cpu")
    .transform((s) =>
      s
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  INFERENCE_THREADS: z.coerce.number().int().min(1).optional(),
  INFERENCE_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  INFERENCE_MAX_BATCH: z.coerce.number().int().min(1).max(64).default(8),
  INFERENCE_MAX_QUEUE_DELAY_MS: z.coerce.number().min(0).max(1000).default(0),
  INFERENCE_SPINNING: boolish, // ONNX Runtime pool threads spin while idle (its default); off frees the cores
  // Scale option: the graph runs on a KServe v2 / Triton server; the app still decodes, letterboxes and applies NMS.
  INFERENCE_BACKEND: z.enum(["onnxruntime", "kserve"]).default("onnxruntime"),
  INFERENCE_KSERVE_URL: z.string().url().optional(),
  INFERENCE_KSERVE_MODEL: z.string().min(1).default("{name}"), // the model's name there; {name} {version} {sha256}
  INFERENCE_KSERVE_BINARY: boolish, // Triton's binary tensor extension instead of JSON arrays
  INFERENCE_KSERVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  INFERENCE_ROUTING_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  INFERENCE_MAX_QUEUE: z.coerce.number().int().min(1).default(64),
  BUNDLED_MODELS_DIR: z.string().default("models"), // registered into production on first start when none is
  CI: boolish, // set by CI: tests that need a system tool (dcmdump, Redis) fail there instead of skipping
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  DRIFT_WEBHOOK_URL: z.string().url().optional(), // POSTed when a drift computation crosses a threshold
  // Retraining: the Python worker's console script (absent = retraining unavailable), its device and data loaders.
  TRAINING_WORKER_BIN: z.string().min(1).default("training/.venv/bin/cxr-train"),
  TRAINING_DEVICE: z.string().min(1).default("cpu"), // cpu | 0 | 0,1 (CUDA devices on a GPU host)
  TRAINING_DATALOADER_WORKERS: z.coerce.number().int().min(0).max(32).default(2),
  // Automatic annotation tasks: a signed-off study whose AI showed a finding below this confidence goes to an annotator.
  ANNOTATION_LOW_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.4),
  // PACS query/retrieve and auto-pull: poll interval of auto-pull, per-request timeout, our AE title as a C-ECHO SCU.
  PACS_POLL_INTERVAL_S: z.coerce.number().min(1).max(86_400).default(3),
  PACS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  PACS_CALLING_AE_TITLE: z.string().min(1).max(16).default("CXR-REVIEW"),
  // Deployment (read by the launcher scripts/start.mjs; declared here so images and manifests use only known names).
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOSTNAME: z.string().optional(), // the address `next start` binds; containers set 0.0.0.0 (their runtime sets the host name)
  SKIP_BUILD: boolish, // serve the image's build as is
  SKIP_MIGRATIONS: boolish, // migrations and the first admin are a separate one-shot (compose `migrate`, Kubernetes Job)
  // PACS in (lib/pacs): the app's DICOM node (C-STORE / C-ECHO SCP); STOW-RS needs no settings beyond MAX_UPLOAD_MB.
  DICOM_ENABLED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  DICOM_PORT: z.coerce.number().int().min(1).max(65535).default(11112),
  DICOM_AE_TITLE: z
    .string()
    .trim()
    .min(1)
    .max(16)
    .regex(/^[\x20-\x5b\x5d-\x7e]+$/, "printable ASCII without backslash")
    .default("CXR_REVIEW"),
  DICOM_ALLOWED_AETS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    ), // empty: any calling AE
  DICOM_TIMEOUT_S: z.coerce.number().int().min(5).max(3600).default(300), // idle association / PDU timeout
  // Ingest limits: pixel values an image may declare (rows × columns × frames × samples), checked before any decode;
  // the default fits a 4k×4k radiograph with room to spare and refuses decompression bombs. JSON bodies have their own cap.
  MAX_IMAGE_PIXELS: z.coerce.number().int().min(1).default(36_000_000),
  MAX_JSON_BODY_KB: z.coerce.number().int().min(1).default(1000),
  // Multi-frame DX/CR: most frames one uploaded or predicted image may have (each frame is decoded, predicted, reviewed).
  MAX_FRAMES_PER_IMAGE: z.coerce.number().int().min(1).max(10_000).default(64),
  // Sessions and web surface (web): sign-in throttle per account and per client address, proxies allowed to set X-Forwarded-For.
  SIGN_IN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5), // failed or in-flight attempts per window
  SIGN_IN_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGN_IN_WINDOW_S: z.coerce.number().int().min(1).default(900),
  SIGN_IN_REFUSAL_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(1000), // a throttled attempt's 429 waits this long
  TRUSTED_PROXIES: z.string().default(""), // comma-separated addresses or CIDRs (e.g. 10.0.0.0/8); empty: trust none
  // Results back to the PACS (pacs-out): tries of one push while the PACS is unreachable; the optional key image.
  // (C-STORE uses PACS_CALLING_AE_TITLE, STOW-RS and DIMSE steps PACS_HTTP_TIMEOUT_MS, shared with query/retrieve.)
  PACS_PUSH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(30),
  PACS_PUSH_KEY_IMAGE: boolish, // also send a secondary-capture key image with the boxes burned in (PACS that show neither SR nor GSPS)
  // Jobs and readiness (hardening): lease + heartbeat (a dead worker's job is retaken after the lease), transient-retry
  // backoff (base doubling, capped) until a deadline after the job was created, SQLite busy wait, readiness probes.
  JOB_LEASE_MS: z.coerce.number().int().min(1000).default(20_000),
  JOB_HEARTBEAT_MS: z.coerce.number().int().min(100).default(5_000),
  JOB_RETRY_BASE_MS: z.coerce.number().int().min(10).default(1_000),
  JOB_RETRY_MAX_MS: z.coerce.number().int().min(10).default(30_000),
  JOB_RETRY_DEADLINE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(24 * 3_600_000),
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  READY_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
});

export type Env = z.infer<typeof schema> & { DATABASE_URL: string; DATA_DIR: string };

/** Every variable the app reads, with its validation: images, compose and manifests may set only these. */
export const envSchema = schema;

function load(): Env {
  const parsed = schema
    .refine((e) => e.INFERENCE_BACKEND !== "kserve" || e.INFERENCE_KSERVE_URL, {
      path: ["INFERENCE_KSERVE_URL"],
      message: "required when INFERENCE_BACKEND=kserve",
    })
    .refine((e) => e.JOB_HEARTBEAT_MS * 2 <= e.JOB_LEASE_MS, {
      path: ["JOB_HEARTBEAT_MS"],
      message: "must be at most half of JOB_LEASE_MS",
    })
    .safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  if (parsed.data.JOB_QUEUE === "redis" && !parsed.data.REDIS_URL)
    throw new Error("Invalid environment: JOB_QUEUE=redis needs REDIS_URL (redis://host:6379 or rediss://).");
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return {
    ...parsed.data,
    DATA_DIR: dataDir,
    DATABASE_URL: parsed.data.DATABASE_URL || `file:${path.join(dataDir, "cxr-review.db")}`,
  };
}

export const env: Env = load();

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The environment for a child process (e.g. the training worker): ours plus `extra`. */
export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
