import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { composeServices, k8sObjects, podSpecs, runsAppImage, type ComposeService, type K8sObject } from "./testing/deploy-files";

// What the schema checks in scripts/check-deploy.sh cannot see: references between services and objects. A
// `service_healthy` wait on a service without a healthcheck, or a Service whose selector matches no pod, passes
// every schema and only fails on the first real start.

const imageHasHealthcheck = /^HEALTHCHECK\s+(?!NONE)/m.test(fs.readFileSync("Dockerfile", "utf8"));

function composeProblems(services: Record<string, ComposeService>): string[] {
  const problems: string[] = [];
  for (const [name, s] of Object.entries(services)) {
    for (const [dep, { condition }] of Object.entries(s.depends_on ?? {})) {
      const target = services[dep];
      if (!target) problems.push(`${name} depends on unknown service ${dep}`);
      else if (
        condition === "service_healthy" &&
        (target.healthcheck?.disable || (!target.healthcheck?.test && !(runsAppImage(target) && imageHasHealthcheck)))
      )
        problems.push(`${name} waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      else if (condition === "service_completed_successfully" && target.restart !== "no")
        problems.push(`${name} waits for ${dep} to complete, but ${dep} restarts`);
    }
    if (!s.healthcheck && !(runsAppImage(s) && imageHasHealthcheck) && s.restart !== "no") problems.push(`${name} has no healthcheck`);
  }
  return problems;
}

function k8sProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const pods = podSpecs(objects);
  for (const svc of byKind("Service")) {
    const selector = svc.spec!.selector as Record<string, string>;
    const match = pods.find(({ owner }) => Object.entries(selector).every(([k, v]) => owner.spec!.template!.metadata?.labels?.[k] === v));
    if (!match) {
      problems.push(`Service ${svc.metadata.name} selects no pod`);
      continue;
    }
    const portNames = new Set(match.pod.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
    for (const p of svc.spec!.ports ?? [])
      if (typeof p.targetPort === "string" && !portNames.has(p.targetPort))
        problems.push(`Service ${svc.metadata.name} targets unknown port ${p.targetPort}`);
  }
  for (const { owner, pod } of pods) {
    const labels = owner.spec!.template!.metadata?.labels ?? {};
    const selector = owner.spec!.selector?.matchLabels;
    if (selector && !Object.entries(selector).every(([k, v]) => labels[k] === v))
      problems.push(`${owner.kind} ${owner.metadata.name}: selector does not match its pod labels`);
    for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
      const names = new Set((c.ports ?? []).map((p) => p.name));
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
        const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port;
        if (typeof port === "string" && !names.has(port)) problems.push(`${owner.metadata.name}/${c.name}: probe on unknown port ${port}`);
      }
      for (const from of c.envFrom ?? []) {
        const ref = from.configMapRef ? ["ConfigMap", from.configMapRef.name] : ["Secret", from.secretRef!.name];
        if (!objects.some((o) => o.kind === ref[0] && o.metadata.name === ref[1]))
          problems.push(`${owner.metadata.name}/${c.name}: envFrom ${ref.join(" ")} does not exist`);
      }
    }
  }
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    const t = hpa.spec!.scaleTargetRef!;
    if (!objects.some((o) => o.kind === t.kind && o.metadata.name === t.name))
      problems.push(`HPA ${hpa.metadata.name} scales unknown ${t.kind} ${t.name}`);
  }
  return problems;
}

describe("deployment references", () => {
  it("compose: dependencies exist, healthy waits have healthchecks, completion waits are one-shots", () => {
    expect(composeProblems(composeServices("deploy/compose.yaml"))).toEqual([]);
  });

  it("Kubernetes: Services select pods and ports, probes use declared ports, envFrom and HPA targets exist", () => {
    expect(k8sProblems(k8sObjects("base"))).toEqual([]);
    expect(
      podSpecs(k8sObjects("base"))
        .map(({ owner }) => owner.metadata.name)
        .sort(),
    ).toEqual(["cxr-review-dicom-node", "cxr-review-migrate", "cxr-review-web", "cxr-review-worker", "triton"]);
  });

  it("the checks find what they look for", () => {
    const broken = {
      ...composeServices("deploy/compose.yaml"),
      extra: {
        image: "x",
        depends_on: { worker: { condition: "service_healthy" }, redis: { condition: "service_completed_successfully" }, ghost: {} },
      },
    };
    expect(composeProblems(broken)).toEqual([
      "extra waits for worker to be healthy, but worker has no healthcheck",
      "extra waits for redis to complete, but redis restarts",
      "extra depends on unknown service ghost",
      "extra has no healthcheck",
    ]);
    const objects = k8sObjects("base");
    const web = objects.find((o) => o.kind === "Service" && o.metadata.name === "cxr-review-web")!;
    const mutated = objects.map((o) =>
      o === web ? { ...web, spec: { ...web.spec, selector: { "app.kubernetes.io/name": "nobody" } } } : o,
    );
    expect(k8sProblems(mutated)).toEqual(["Service cxr-review-web selects no pod"]);
  });
});
