import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env";
import { APP_IMAGE, composeServices, k8sObjects, podSpecs, runsAppImage } from "./testing/deploy-files";

// The deployables may only set variables lib/env.ts reads (a misspelt name is silently ignored at run time), and
// the literal values they set must pass its validation.

// Variables of tools rather than of the app: Next's CLI and onnxruntime-node's install script.
const TOOL_VARIABLES = new Set(["NEXT_TELEMETRY_DISABLED", "ONNXRUNTIME_NODE_INSTALL"]);
const KNOWN = new Set(Object.keys(envSchema.shape));

type Env = Record<string, string>;
const asEnv = (e: unknown): Env =>
  Array.isArray(e) ? Object.fromEntries(e.map((kv: string) => [kv.split("=")[0]!, kv.slice(kv.indexOf("=") + 1)])) : ((e ?? {}) as Env);

// Per compose file: the environment of every service that runs the app image.
const composeEnvs = (file: string): Env[] =>
  Object.values(composeServices(file))
    .filter(runsAppImage)
    .map((s) => asEnv(s.environment));

function dockerfileEnvNames(file: string): string[] {
  const text = fs.readFileSync(file, "utf8").replace(/\\\n/g, " ");
  return text
    .split("\n")
    .filter((l) => /^ENV\s/.test(l))
    .flatMap((l) => [...l.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]!));
}

const unknown = (names: Iterable<string>) => [...names].filter((n) => !KNOWN.has(n) && !TOOL_VARIABLES.has(n));
// Literal values (no compose interpolation) must pass the same validation the app applies at start.
function invalidValues(env: Env): string[] {
  const literal = Object.fromEntries(
    Object.entries(env)
      .filter(([k, v]) => KNOWN.has(k) && !String(v).includes("${"))
      .map(([k, v]) => [k, String(v)]),
  );
  const issues = Object.entries(literal).flatMap(([k, v]) => {
    const r = envSchema.shape[k as keyof typeof envSchema.shape].safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${k}: ${i.message}`);
  });
  return issues;
}

describe("deployment variables are lib/env.ts variables", () => {
  it("compose: every app service's environment", () => {
    for (const file of ["deploy/compose.yaml", "deploy/compose.gpu.yaml"]) {
      for (const env of composeEnvs(file)) {
        expect(unknown(Object.keys(env)), file).toEqual([]);
        expect(invalidValues(env), file).toEqual([]);
      }
    }
    const web = composeEnvs("deploy/compose.yaml")[0]!;
    expect(Object.keys(web)).toEqual(expect.arrayContaining(["DATABASE_URL", "REDIS_URL", "S3_BUCKET", "INFERENCE_KSERVE_URL"])); // the walk found them
  });

  it("Kubernetes: the ConfigMap, the Secret and every app container's env; envFrom refers to them", () => {
    const objects = k8sObjects();
    const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === "cxr-review-config")!;
    const secret = objects.find((o) => o.kind === "Secret" && o.metadata.name === "cxr-review-secrets")!;
    expect(unknown(Object.keys(config.data!))).toEqual([]);
    expect(unknown(Object.keys(secret.stringData!))).toEqual([]);
    expect(invalidValues(config.data!)).toEqual([]);
    expect(Object.keys(secret.stringData!)).toEqual(
      expect.arrayContaining(["NEXTAUTH_SECRET", "DATABASE_URL", "REDIS_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]),
    );
    const appContainers = podSpecs(objects)
      .flatMap(({ pod: p }) => [...p.containers, ...(p.initContainers ?? [])])
      .filter((c) => c.image === undefined || APP_IMAGE.test(c.image));
    expect(appContainers.length).toBeGreaterThanOrEqual(5); // web, worker, dicom-node, migrate, triton-repo (+ overlay patch)
    for (const c of appContainers) {
      expect(unknown((c.env ?? []).map((e) => e.name)), c.name).toEqual([]);
      for (const from of c.envFrom ?? [])
        expect([from.configMapRef?.name, from.secretRef?.name]).toEqual(
          expect.arrayContaining([expect.stringMatching(/^cxr-review-(config|secrets)$/)]),
        );
    }
  });

  it("Dockerfile: the runtime's ENV", () => {
    const names = dockerfileEnvNames("Dockerfile");
    expect(names).toEqual(expect.arrayContaining(["PORT", "HOSTNAME", "DATA_DIR", "SKIP_BUILD"]));
    expect(unknown(names)).toEqual([]);
  });

  it("the checker itself flags an unknown name and an invalid value", () => {
    expect(unknown(["DATABASE_URL", "DATABSE_URL"])).toEqual(["DATABSE_URL"]);
    expect(invalidValues({ JOB_QUEUE: "rabbit" })).toEqual([expect.stringMatching(/^JOB_QUEUE/)]);
  });
});
