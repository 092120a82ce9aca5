import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ReviewHistorySchema,
  SaveReviewResultSchema,
  saveReviewBodySchema,
  signOffReviewBodySchema,
  StudyReviewSchema,
} from "@/lib/schemas/review";

describe("review schemas", () => {
  it("convert to JSON Schema for the OpenAPI document", () => {
    for (const s of [saveReviewBodySchema, signOffReviewBodySchema])
      expect(() => z.toJSONSchema(s, { io: "input", unrepresentable: "any" })).not.toThrow();
    for (const s of [StudyReviewSchema, SaveReviewResultSchema, ReviewHistorySchema])
      expect(() => z.toJSONSchema(s, { io: "output", unrepresentable: "any" })).not.toThrow();
    expect(JSON.stringify(z.toJSONSchema(saveReviewBodySchema, { io: "input" }))).toContain('"const":"accept"');
  });

  it("parses an autosave batch and defaults operations to none", () => {
    expect(saveReviewBodySchema.parse({ version: 3 })).toEqual({ version: 3, operations: [] });
    const b = saveReviewBodySchema.parse({
      version: 0,
      impression: null,
      operations: [
        { op: "edit", labelId: "l", box: [1, 2, 3, 4] },
        { op: "reject", findingId: "f", reason: " rib " },
      ],
    });
    expect(b.operations[1]).toEqual({ op: "reject", findingId: "f", reason: "rib" });
    expect(() => saveReviewBodySchema.parse({ version: 1, extra: true })).toThrow();
  });
});
