import type { Finding } from "@/generated/prisma/client";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { displayThresholdsOf } from "@/lib/models/display-thresholds";
import { isVinDrFinding, mapClassName, VINDR_FINDINGS } from "@/lib/inference/vocabulary";
import type { DisplayThresholds } from "@/lib/schemas/review";
import type { StudyStatus } from "@/lib/schemas/study";

type Client = Pick<Db, "study" | "instance">;

export type ImageSize = { id: string; rows: number; columns: number; frames: number };
export type VisibleFinding = Finding & { instanceId: string; frame: number; modelVersionId: string };

export type ReviewContext = {
  studyId: string;
  studyStatus: StudyStatus;
  instances: ImageSize[];
  findings: Map<string, VisibleFinding>; // what the reader is shown: the latest visible prediction per instance frame
  // of the most recent of those predictions, with its thresholds as the overlay's default display filter
  modelVersion: { id: string; name: string; version: string; thresholds: DisplayThresholds } | null;
  classNames: Set<string>; // allowed label classes: the VinDr-CXR vocabulary plus the shown versions' own classes (mapped)
};

// What a reader of this study sees from the AI. Shadow predictions (visible = false) never appear here.
export async function loadReviewContext(client: Client, studyId: string): Promise<ReviewContext> {
  const study = await client.study.findUnique({ where: { id: studyId }, select: { id: true, status: true } });
  if (!study) throw new AppError("not_found", "No such study.");
  const instances = await client.instance.findMany({
    where: { series: { studyId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      rows: true,
      columns: true,
      frames: true,
      predictions: {
        where: { visible: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        include: {
          findings: { orderBy: [{ confidence: "desc" }, { id: "asc" }] },
          modelVersion: { select: { id: true, name: true, version: true, classes: true, thresholds: true } },
        },
      },
    },
  });
  const findings = new Map<string, VisibleFinding>();
  const classNames = new Set<string>(VINDR_FINDINGS);
  let latest: (typeof instances)[number]["predictions"][number] | undefined;
  for (const inst of instances) {
    for (const p of latestPerFrame(inst.predictions)) {
      if (!latest || p.createdAt > latest.createdAt) latest = p;
      for (const c of Array.isArray(p.modelVersion.classes) ? p.modelVersion.classes : [])
        if (typeof c === "string") classNames.add(mapClassName(c));
      for (const f of p.findings) {
        findings.set(f.id, { ...f, instanceId: inst.id, frame: p.frame, modelVersionId: p.modelVersionId });
        classNames.add(f.className);
      }
    }
  }
  return {
    studyId,
    studyStatus: study.status as StudyStatus,
    instances: instances.map(({ id, rows, columns, frames }) => ({ id, rows, columns, frames })),
    findings,
    modelVersion: latest
      ? {
          id: latest.modelVersion.id,
          name: latest.modelVersion.name,
          version: latest.modelVersion.version,
          thresholds: displayThresholdsOf(latest.modelVersion.thresholds),
        }
      : null,
    classNames,
  };
}

// Predictions come newest first; each frame shows its newest one (a single-frame image has only frame 1).
function latestPerFrame<P extends { frame: number }>(predictions: P[]): P[] {
  const seen = new Set<number>();
  return predictions.filter((p) => !seen.has(p.frame) && seen.add(p.frame));
}

export function assertFrameOf(image: ImageSize, frame: number): void {
  if (!Number.isInteger(frame) || frame < 1 || frame > image.frames)
    throw new AppError("unprocessable", `Frame ${frame} is not a frame of this image (it has ${image.frames}).`);
}

// Labels are stored in the app vocabulary: "Mass" becomes "Nodule/Mass", like the findings themselves.
export function labelClassOrThrow(ctx: ReviewContext, raw: string): string {
  const name = mapClassName(raw.trim());
  if (!isVinDrFinding(name) && !ctx.classNames.has(name))
    throw new AppError("unprocessable", `Unknown class '${raw}': use a VinDr-CXR finding or one of the model's classes.`);
  return name;
}

export function assertBoxInside(box: readonly number[], image: ImageSize): void {
  const [x1, y1, x2, y2] = box as [number, number, number, number];
  if (x1 < 0 || y1 < 0 || x2 > image.columns || y2 > image.rows || x1 >= x2 || y1 >= y2)
    throw new AppError("unprocessable", `The box [${box.join(", ")}] is not inside the ${image.columns}×${image.rows} image.`);
}
