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

  it("describes STOW-RS receive with its DICOM JSON response", () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, { post: { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> } }> };
    const stow = doc.paths["/dicomweb/studies"]!.post.responses["202"]!.content!["application/dicom+json"]!.schema;
    expect(Object.keys(stow.properties!)).toEqual(["00081190", "00081199", "00081198"]);
    expect(doc.paths["/dicomweb/studies/{StudyInstanceUID}"]).toBeDefined();
  });
});
