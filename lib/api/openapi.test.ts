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
