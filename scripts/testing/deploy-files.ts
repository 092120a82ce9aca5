import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

// The deployables as plain objects for the consistency tests: compose files (anchors and merge keys resolved) and the
// Kubernetes manifests under deploy/k8s (kustomization files left out).

export type ComposeService = {
  image?: string;
  build?: unknown;
  environment?: unknown;
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition?: string }>;
  restart?: string;
};
export type Container = {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
};
type Probe = { httpGet?: { port: string | number }; tcpSocket?: { port: string | number } };
export type PodSpec = { containers: Container[]; initContainers?: Container[] };
export type K8sObject = {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    selector?: { matchLabels?: Record<string, string> } & Record<string, unknown>;
    template?: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
    scaleTargetRef?: { kind: string; name: string };
    ports?: { targetPort?: string | number }[];
  };
};

export const APP_IMAGE = /^(\$\{CXR_IMAGE[^}]*\}|cxr-review)(:|$)/;

export function yamlDocs(file: string): Record<string, unknown>[] {
  return parseAllDocuments(fs.readFileSync(file, "utf8"), { merge: true }).map((d) => d.toJS() as Record<string, unknown>);
}

export function composeServices(file: string): Record<string, ComposeService> {
  return (yamlDocs(file)[0]!.services ?? {}) as Record<string, ComposeService>;
}

export const runsAppImage = (s: { image?: string; build?: unknown }) => Boolean((s.image && APP_IMAGE.test(s.image)) || s.build);

/** Objects of the base, or of the base and the overlays (`all`). */
export function k8sObjects(scope: "base" | "all" = "all"): K8sObject[] {
  const root = scope === "base" ? "deploy/k8s/base" : "deploy/k8s";
  const files = fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith("kustomization.yaml"));
  return files.flatMap((f) => yamlDocs(path.join(root, f))).filter((o): o is K8sObject => typeof o?.kind === "string");
}

export const podSpecs = (objects: K8sObject[]) =>
  objects.filter((o) => o.spec?.template).map((o) => ({ owner: o, pod: o.spec!.template!.spec }));
