import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { statusOfCode } from "@/lib/api/errors";
import type { AppErrorCode } from "@/lib/errors";
import { handlerFacts, handlers, libClosure, routeFiles, routePath, thrownCodes } from "@/test/openapi/route-source";

type Op = {
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  parameters?: { name: string; in: string }[];
  "x-error-codes": AppErrorCode[];
};
const doc = openApiDocument() as unknown as {
  openapi: string;
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};
// Not part of the API contract: NextAuth's own sign-in protocol, and the JSON 404 for unknown /api paths.
const NOT_OPERATIONS = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/[...unknown]/route.ts"]);
const AUTH_STATUSES = [401, 403];

describe("OpenAPI document: generated from the zod schemas", () => {
  it("describes the predict API from the same schemas the handlers use", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.PredictResponse!.properties).toHaveProperty("predictions");
    expect(Object.keys(doc.components.schemas.PredictResponse!.properties!)).toEqual(["predictions", "inference_time", "image", "model"]);
    expect(JSON.stringify(doc)).toContain('"enum":["radiologist","annotator","admin"]');
    const triton = doc.paths["/api/v1/models/{id}/triton-repo"]!.get!;
    expect(triton.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["id", "kind", "instances", "maxBatch", "tensorrt"]));
  });

  it("never has an untyped response body: every JSON response names its properties or a component", () => {
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item))
        for (const [status, r] of Object.entries(op.responses)) {
          const schema = r.content?.["application/json"]?.schema;
          if (!schema) continue;
          const typed = "$ref" in schema || "properties" in schema || "anyOf" in schema;
          expect(typed, `${method.toUpperCase()} ${path} ${status}`).toBe(true);
        }
  });

  it("uses the one Error schema for every 4xx and 5xx", () => {
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item))
        for (const [status, r] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const json = JSON.stringify(r.content ?? {});
          // DICOMweb answers STOW failures in DICOM JSON (PS3.18); an upload refused file by file lists the files.
          const exempt = path.startsWith("/dicomweb/") || path === "/api/ready" || (path === "/api/v1/studies" && method === "post");
          if (!exempt) expect(json, `${method.toUpperCase()} ${path} ${status}`).toContain("#/components/schemas/Error");
        }
  });

  it("states the cross-field rules and real dates in the schemas", () => {
    const s = JSON.stringify(doc);
    expect(s).toContain('"format":"date"'); // worklist from/to: a calendar date, not any string
    const body = (path: string, method: string) =>
      JSON.stringify((doc.paths[path]![method] as unknown as { requestBody: unknown }).requestBody);
    expect(body("/api/v1/assignments", "post")).toContain('"oneOf":[{"required":["assigneeId"]},{"required":["assigneeIds"]}]');
    expect(body("/api/v1/studies/{studyId}/review", "patch")).toContain("x1 < x2 and y1 < y2");
    expect(body("/api/v1/admin/drift", "post")).toContain("from < to");
    expect(body("/api/v1/models", "post")).toContain('"contentMediaType":"application/json"');
    expect(JSON.stringify(doc.paths["/api/v1/studies"]!.get)).toContain("not after `to`");
    expect(s).not.toContain("prefixItems"); // boxes are arrays of exactly 4 numbers (schemathesis skips prefixItems)
  });

  it("documents the PACS routes and never a secret in the connection schema", () => {
    const dto = doc.components.schemas.PacsConnection!.properties!;
    expect(Object.keys(dto)).toContain("secretSet");
    expect(Object.keys(dto)).not.toContain("secret");
    const stow = doc.paths["/dicomweb/studies"]!.post!.responses["202"]!.content!["application/dicom+json"]!.schema;
    expect(stow.$ref).toBe("#/components/schemas/StowResponse");
    expect(Object.keys(doc.components.schemas.StowResponse!.properties!)).toEqual(["00081190", "00081199", "00081198"]);
  });
});

describe("OpenAPI document: tied to the route handlers", () => {
  const routes = routeFiles().filter((f) => !NOT_OPERATIONS.has(f));

  it("has an operation for every method of every route file, and no operation without a handler", () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`)));
    const handled = new Set(routes.flatMap((f) => [...handlers(f).keys()].map((m) => `${m} ${routePath(f)}`)));
    expect(
      [...handled].filter((h) => !documented.has(h)),
      "handlers without an operation",
    ).toEqual([]);
    expect(
      [...documented].filter((d) => !handled.has(d)),
      "operations without a handler",
    ).toEqual([]);
  });

  for (const file of routes)
    for (const [method, src] of handlers(file)) {
      it(`${method} ${routePath(file)}: documented statuses are exactly what the handler can answer`, () => {
        const op = doc.paths[routePath(file)]![method.toLowerCase()]!;
        const documented = Object.keys(op.responses)
          .map(Number)
          .sort((a, b) => a - b);
        const facts = handlerFacts(src);
        const declared = op["x-error-codes"];
        // Each declared code is thrown somewhere in the lib modules this route imports.
        const reachable = thrownCodes(libClosure(file));
        expect(
          declared.filter((c) => !reachable.has(c)),
          "declared codes no imported module throws",
        ).toEqual([]);
        const errors = new Set<number>([
          ...(facts.withAuth ? AUTH_STATUSES : []),
          ...(facts.paramOf ? [400] : []),
          ...(facts.parseQuery ? [422] : []),
          ...(facts.parseJsonBody ? [400, 413, 415, 422] : []),
          ...(facts.multipart ? [400, 413, 415] : []),
          ...[...facts.ownCodes, ...declared].map(statusOfCode),
          ...[...facts.statuses].filter((s) => s >= 400),
        ]);
        const success = [...facts.statuses].filter((s) => s < 400);
        if (facts.defaultOk) success.push(200);
        const documentedErrors = documented.filter((s) => s >= 400);
        const documentedSuccess = documented.filter((s) => s < 400);
        if (facts.computedStatus) {
          // The status comes from a function (ingest, STOW): every derived status is documented, it may document more.
          expect([...errors].filter((s) => !documented.includes(s))).toEqual([]);
        } else {
          expect(documentedErrors).toEqual([...errors].sort((a, b) => a - b));
          expect(
            documentedSuccess.filter((s) => !success.includes(s)),
            "documented success statuses the handler never sets",
          ).toEqual([]);
          expect(
            success.filter((s) => !documentedSuccess.includes(s)),
            "success statuses not documented",
          ).toEqual([]);
        }
      });
    }
});
