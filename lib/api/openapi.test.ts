import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

describe("OpenAPI document", () => {
  it("describes the predict API from the same schemas the handlers use", () => {
    const doc = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>> };
    expect(doc.openapi).toBe("3.1.0");
    const ok = doc.paths["/api/v1/predict"]!.post!.responses["200"]!.content!["application/json"]!.schema;
    expect(Object.keys(ok.properties!)).toEqual(["predictions", "inference_time", "image", "model"]);
    expect(JSON.stringify(doc)).toContain('"enum":["radiologist","annotator","admin"]');
    expect(() => JSON.stringify(doc)).not.toThrow();
  });
});

describe("OpenAPI document: PACS", () => {
  it("documents the PACS routes and never a secret in the connection schema", () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, { properties?: Record<string, unknown> }> } }> }> }>> };
    for (const p of ["/api/v1/pacs/connections", "/api/v1/pacs/connections/{id}/test", "/api/v1/pacs/connections/{id}/studies", "/api/v1/pacs/connections/{id}/pulls", "/api/v1/pacs/pulls"]) expect(doc.paths[p]).toBeDefined();
    const dto = doc.paths["/api/v1/pacs/connections/{id}"]!.get!.responses["200"]!.content!["application/json"]!.schema.properties!.connection!.properties!;
    expect(Object.keys(dto)).toContain("secretSet");
    expect(Object.keys(dto)).not.toContain("secret");
  });
});
