import { describe, expect, it } from "vitest";
import { createJobRow } from "@/lib/jobs/db-queue";
import { jobFamily, jobHandler } from "@/lib/jobs/job-registry";
import { PACS_PULL } from "@/lib/pacs/pull-job-type";
import { PREDICT_STUDY } from "@/lib/predictions/predict-study-job";
import { JOB_DEFINITIONS, registerJobHandlers } from "@/lib/server/job-handlers";

describe("registerJobHandlers", () => {
  it("registers every domain's job type once, with its family and schema", () => {
    const types = JOB_DEFINITIONS.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    registerJobHandlers();
    for (const d of JOB_DEFINITIONS) expect(jobHandler(d.type)?.schema).toBe(d.schema);
    expect(jobFamily(PREDICT_STUDY)).toBe("predict");
    expect(jobHandler(PACS_PULL)?.transientRetry).toBe("attempts");
  });

  // Both refusals happen before the database is touched: an unknown type, and a payload its schema rejects.
  it("leaves enqueue refusing types nobody registered and payloads that do not parse", async () => {
    registerJobHandlers();
    await expect(createJobRow("no.such.job", {})).rejects.toMatchObject({
      code: "bad_request",
      message: "Unknown job type 'no.such.job'.",
    });
    await expect(createJobRow(PREDICT_STUDY, { studyId: "" })).rejects.toMatchObject({ name: "ZodError" });
  });
});
