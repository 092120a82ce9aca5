import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import type { StudyReviewDto } from "../../lib/schemas/review";
import { nihJpeg } from "./fixtures";

export const NIH = path.resolve("../shared/data/cxr-mass-nodule/images");
const MIN_CONFIDENCE = 0.25; // the bundled model's confidence threshold (its card sets none), the overlay's default

// Uploads the last shared NIH image (in name order) on which the bundled model shows at least `minBoxes` boxes above
// the overlay's threshold, and waits for its findings. null when no image qualifies.
export async function uploadStudyWithAiBoxes(admin: APIRequestContext, minBoxes: number): Promise<string | null> {
  for (const name of fs
    .readdirSync(NIH)
    .filter((f) => f.endsWith(".jpg"))
    .sort()
    .reverse()) {
    const file = nihJpeg(path.join(NIH, name));
    const res = await admin.post("/api/v1/predict", { multipart: { file } });
    expect(res.status(), name).toBe(200);
    const { predictions } = (await res.json()) as { predictions: { confidence: number }[] };
    if (predictions.filter((p) => p.confidence >= MIN_CONFIDENCE).length < minBoxes) continue;
    const up = await admin.post("/api/v1/studies", { multipart: { files: file } });
    expect(up.ok(), await up.text()).toBeTruthy();
    const studyId = (await up.json()).results[0].studyId as string;
    await expect
      .poll(async () => ((await (await admin.get(`/api/v1/studies/${studyId}/review`)).json()) as StudyReviewDto).findings.length, {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    return studyId;
  }
  return null;
}

// A new user of the role, created by the admin; returns the credentials.
export async function newUser(admin: APIRequestContext, role: "radiologist" | "annotator", tag: string) {
  const email = `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.local`;
  const password = `${tag}-password-e2e`;
  const res = await admin.post("/api/v1/users", { data: { email, name: tag, role, password } });
  expect(res.status()).toBe(201);
  return { id: ((await res.json()) as { user: { id: string } }).user.id, email, password };
}
