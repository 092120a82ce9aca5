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
    const triton = doc.paths["/api/v1/models/{id}/triton-repo"]!.get! as unknown as { parameters: { name: string }[] };
    expect(triton.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["id", "kind", "instances", "maxBatch", "tensorrt"]));
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

  it("describes STOW-RS receive with its DICOM JSON response", () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, { post: { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> } }> };
    const stow = doc.paths["/dicomweb/studies"]!.post.responses["202"]!.content!["application/dicom+json"]!.schema;
    expect(Object.keys(stow.properties!)).toEqual(["00081190", "00081199", "00081198"]);
    expect(doc.paths["/dicomweb/studies/{StudyInstanceUID}"]).toBeDefined();
  });
});
