import { hasTrainingVenv, TRAINING_PYTHON } from "@/lib/evaluation/testing/cross-check";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readEvaluationSettings } from "@/lib/evaluation/evaluation-settings";
import { loadHeldOutSet } from "@/lib/evaluation/load-held-out-set";
import { EXPORT_BUILD } from "@/lib/exports/export-job";
import { createExport, getExportOrThrow, readExportZip } from "@/lib/exports/manage-exports";
import { makeReviewedStudies, removeExports, removeReviewedStudies, type FixtureLabel } from "@/lib/exports/testing/reviewed-studies";
import { runNextJob } from "@/lib/jobs/testing/run-queued-jobs";
import { createExportBodySchema } from "@/lib/schemas/export";
import { makeUser } from "@/test/factories";

const VENV_PYTHON = TRAINING_PYTHON;
const N = 1000;
const PATIENTS = 370; // 2-3 studies per patient
const labelsOf = (i: number): FixtureLabel[] => {
  if (i % 5 === 0) return []; // negatives
  const out: FixtureLabel[] = [{ className: i % 7 === 0 ? "Rib fracture" : "Nodule/Mass", box: [2, 3, 10, 12] }];
  if (i % 3 === 0) out.push({ className: "Cardiomegaly", box: [4, 4, 14, 15], rejected: true }); // a rejected AI box: not an object
  if (i % 4 === 1) out.push({ className: "ILD", box: [1, 1, 5, 5], deleted: true });
  return out;
};

async function runExportJobNow(exportId: string) {
  expect((await runNextJob(EXPORT_BUILD)).payload).toEqual({ exportId });
}

describe("dataset export of 1,000 reviewed studies", () => {
  let admin: Awaited<ReturnType<typeof makeUser>>;
  let reader: Awaited<ReturnType<typeof makeUser>>;
  let fixture: Awaited<ReturnType<typeof makeReviewedStudies>>;
  const exportIds: string[] = [];
  let zip: Record<string, Uint8Array>;
  let exportId: string;
  const progress: number[] = [];

  beforeAll(async () => {
    admin = await makeUser("admin");
    reader = await makeUser("radiologist");
    const t0 = Date.now();
    fixture = await makeReviewedStudies(N, { readerId: reader.id, patients: PATIENTS, labels: labelsOf });
    console.log(`made ${N} reviewed studies in ${Date.now() - t0} ms`);
    const actor = { id: admin.id, email: admin.email };
    // Held-out evaluation patients included here (the full 1,000); the default, which leaves them out, is tested below.
    const created = await createExport(
      actor,
      createExportBodySchema.parse({ format: "both", filters: { readerId: reader.id, includeHeldOut: true }, valFraction: 0.2, seed: 42 }),
    );
    exportId = created.id;
    exportIds.push(exportId);
    expect(created).toMatchObject({ status: "queued", progress: 0, downloadUrl: null });
    // Watch the job row while it runs: progress must be visible to pollers before it finishes.
    const watcher = setInterval(async () => {
      const p =
        (await db.job
          .findFirst({ where: { type: EXPORT_BUILD, payload: { equals: { exportId } } }, select: { progress: true, state: true } })
          .catch(() => null)) ?? null;
      if (p?.state === "running") progress.push(p.progress);
    }, 20);
    const t1 = Date.now();
    await runExportJobNow(exportId);
    clearInterval(watcher);
    console.log(`exported ${N} studies in ${Date.now() - t1} ms`);
    zip = unzipSync((await readExportZip(actor, exportId)).bytes);
  }, 180_000);

  afterAll(async () => {
    await removeExports(exportIds);
    if (fixture) await removeReviewedStudies(fixture);
  });

  it("finishes with counts per split and class, and reports progress while it runs", async () => {
    const dto = await getExportOrThrow(exportId);
    expect(dto).toMatchObject({ status: "succeeded", progress: 1, imageCount: N, downloadUrl: `/api/v1/exports/${exportId}/download` });
    const expectedBoxes = Array.from({ length: N }, (_, i) => labelsOf(i).filter((l) => !l.rejected && !l.deleted).length).reduce(
      (a, b) => a + b,
      0,
    );
    expect(dto.boxCount).toBe(expectedBoxes);
    const s = dto.summary!;
    expect(s.splits.train.images + s.splits.val.images).toBe(N);
    expect(s.splits.val.images / N).toBeGreaterThanOrEqual(0.2);
    expect(s.splits.val.images / N).toBeLessThan(0.21);
    expect(s.splits.train.negatives + s.splits.val.negatives).toBe(N / 5);
    expect((s.splits.train.perClass["Rib fracture"] ?? 0) + (s.splits.val.perClass["Rib fracture"] ?? 0)).toBe(
      Array.from({ length: N }, (_, i) => i).filter((i) => i % 5 !== 0 && i % 7 === 0).length,
    );
    expect(s.splits.train.perClass.Cardiomegaly ?? 0).toBe(0); // only ever rejected
    expect(JSON.stringify(dto)).not.toContain("mapping"); // the pseudonym mapping stays in the database
    expect(s.heldOut).toMatchObject({ included: true, excludedStudies: 0, excludedImages: 0 });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((p) => p > 0.05 && p < 1)).toBe(true);
    const job = await db.job.findFirstOrThrow({ where: { type: EXPORT_BUILD, payload: { equals: { exportId } } } });
    expect(job).toMatchObject({ state: "succeeded", progress: 1 });
  });

  it("splits by patient: every image of a patient is in one split (checked through the app's mapping)", async () => {
    const row = await db.export.findUniqueOrThrow({ where: { id: exportId } });
    const mapping = (row.summary as { mapping: Record<string, string> }).mapping;
    const patientOf = new Map(fixture.studies.map((s) => [s.instanceId, s.patientId]));
    const splitOfPatient = new Map<string, Set<string>>();
    const names = Object.keys(zip).filter((n) => n.startsWith("images/"));
    expect(names).toHaveLength(N);
    for (const n of names) {
      const [, split, file] = n.split("/");
      const patient = patientOf.get(mapping[file!.replace(".png", "")]!)!;
      splitOfPatient.set(patient, (splitOfPatient.get(patient) ?? new Set()).add(split!));
    }
    expect(splitOfPatient.size).toBe(PATIENTS);
    expect([...splitOfPatient.values()].filter((s) => s.size > 1)).toEqual([]);
    const manifest = JSON.parse(strFromU8(zip["manifest.json"]!)) as { items: { patient: string; split: string }[] };
    const byPseudonym = new Map<string, Set<string>>();
    for (const it of manifest.items) byPseudonym.set(it.patient, (byPseudonym.get(it.patient) ?? new Set()).add(it.split));
    expect(byPseudonym.size).toBe(PATIENTS);
  });

  it("holds no patient names, ids, UIDs or database ids, only pseudonyms", () => {
    for (const name of Object.keys(zip))
      expect(name).toMatch(/^(images|labels)\/(train|val)\/img_\d{6}\.(png|txt)$|^(data\.yaml|manifest\.json|annotations\.coco\.json)$/);
    const text = Object.entries(zip)
      .map(([, v]) => strFromU8(v, true))
      .join("\n");
    expect(text).not.toContain("EXPPAT");
    expect(text).not.toContain("Synthetic^Patient");
    expect(text).not.toContain("ACC1");
    for (const s of fixture.studies.slice(0, 50)) {
      for (const id of [s.studyUid, s.instanceUid, s.studyId, s.instanceId]) expect(text).not.toContain(id);
    }
  });

  it("writes YOLO labels and COCO annotations that agree box for box", () => {
    const coco = JSON.parse(strFromU8(zip["annotations.coco.json"]!)) as {
      images: { id: number; file_name: string; split: string; width: number }[];
      annotations: { image_id: number; category_id: number; bbox: number[] }[];
      categories: { id: number; name: string }[];
    };
    const yaml = strFromU8(zip["data.yaml"]!);
    expect(yaml).toContain('  14: "Rib fracture"');
    expect(coco.categories.map((c) => c.name)).toContain("Rib fracture");
    let yoloLines = 0;
    for (const im of coco.images) {
      const label = strFromU8(zip[im.file_name.replace("images/", "labels/").replace(".png", ".txt")]!);
      const lines = label.split("\n").filter(Boolean);
      yoloLines += lines.length;
      const anns = coco.annotations.filter((a) => a.image_id === im.id);
      expect(lines.length).toBe(anns.length);
      for (const [k, line] of lines.entries()) {
        const [c, cx, , w] = line.split(" ").map(Number);
        expect(c).toBe(anns[k]!.category_id - 1);
        expect(cx! * im.width).toBeCloseTo(anns[k]!.bbox[0]! + anns[k]!.bbox[2]! / 2, 3);
        expect(w! * im.width).toBeCloseTo(anns[k]!.bbox[2]!, 3);
      }
    }
    expect(yoloLines).toBe(coco.annotations.length);
  });

  it("is read by the training worker (cxr_train.dataset) as the same dataset", () => {
    if (!hasTrainingVenv()) {
      console.warn(`training/.venv absent (${VENV_PYTHON}): skipping the cxr-train read check; run training/scripts/setup-venv.sh`);
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-export-"));
    try {
      for (const [name, bytes] of Object.entries(zip)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), bytes);
      }
      const script = [
        "import json, sys",
        "from pathlib import Path",
        "from PIL import Image",
        "from cxr_train.dataset import load_data_yaml, list_split, read_labels",
        "d = Path(sys.argv[1]); data = load_data_yaml(d)",
        "out = {'names': data['names'], 'splits': {}}",
        "for part in ('train', 'val'):",
        "    pairs = list_split(d, part)",
        "    out['splits'][part] = {'images': len(pairs), 'boxes': sum(len(read_labels(l)) for _, l in pairs), 'size': list(Image.open(pairs[0][0]).size)}",
        "print(json.dumps(out))",
      ].join("\n");
      const res = JSON.parse(
        execFileSync(VENV_PYTHON, ["-c", script, dir], { env: { ...process.env, PYTHONPATH: path.resolve("training") }, encoding: "utf8" }),
      ) as {
        names: Record<string, string>;
        splits: Record<"train" | "val", { images: number; boxes: number; size: number[] }>;
      };
      const row = fs.readFileSync(path.join(dir, "manifest.json"), "utf8");
      const splits = (JSON.parse(row) as { splits: Record<"train" | "val", { images: number; boxes: number }> }).splits;
      expect(res.names["8"]).toBe("Nodule/Mass");
      expect(res.names["14"]).toBe("Rib fracture");
      for (const part of ["train", "val"] as const) {
        expect(res.splits[part].images).toBe(splits[part].images);
        expect(res.splits[part].boxes).toBe(splits[part].boxes);
        expect(res.splits[part].size).toEqual([16, 16]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves out exactly the studies of the registry's held-out evaluation patients by default, and says how many", async () => {
    const actor = { id: admin.id, email: admin.email };
    const { heldOutFraction } = await readEvaluationSettings();
    // The evaluation's own held-out set (all signed-off studies in the run database), restricted to this fixture.
    const mine = new Set(fixture.studies.map((s) => s.instanceId));
    const evaluated = new Set((await loadHeldOutSet(heldOutFraction)).images.map((i) => i.instanceId).filter((id) => mine.has(id)));
    expect(evaluated.size).toBeGreaterThan(N * 0.1); // ~20 % of 370 patients: both sides are populated
    expect(evaluated.size).toBeLessThan(N * 0.3);

    const created = await createExport(
      actor,
      createExportBodySchema.parse({ format: "yolo", filters: { readerId: reader.id }, valFraction: 0.2, seed: 42 }),
    );
    exportIds.push(created.id);
    expect(created.filters.includeHeldOut).toBe(false);
    await runExportJobNow(created.id);
    const dto = await getExportOrThrow(created.id);
    expect(dto).toMatchObject({ status: "succeeded", imageCount: N - evaluated.size });
    expect(dto.summary!.heldOut).toEqual({
      fraction: heldOutFraction,
      included: false,
      excludedStudies: evaluated.size,
      excludedImages: evaluated.size,
    });

    const row = await db.export.findUniqueOrThrow({ where: { id: created.id } });
    const exported = new Set(Object.values((row.summary as { mapping: Record<string, string> }).mapping));
    expect([...exported].filter((id) => evaluated.has(id))).toEqual([]); // no evaluation image is trained on
    expect(new Set([...exported, ...evaluated])).toEqual(mine); // and every other study is exported
    const manifest = JSON.parse(strFromU8(unzipSync((await readExportZip(actor, created.id)).bytes)["manifest.json"]!)) as {
      held_out: object;
    };
    expect(manifest.held_out).toEqual({
      fraction: heldOutFraction,
      included: false,
      excluded_studies: evaluated.size,
      excluded_images: evaluated.size,
    });
  }, 120_000);

  it("does the same from the command line: held-out patients left out unless --include-held-out", async () => {
    const { heldOutFraction } = await readEvaluationSettings();
    const heldOut = (await loadHeldOutSet(heldOutFraction)).images.filter((i) =>
      fixture.studies.some((s) => s.instanceId === i.instanceId),
    ).length;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-export-cli-"));
    const before = (await db.export.findMany({ select: { id: true } })).map((e) => e.id);
    try {
      const cli = (...extra: string[]) =>
        execFileSync(
          "npx",
          ["tsx", "scripts/export.ts", "--out", path.join(dir, `${extra.length}.zip`), "--reader", reader.email, ...extra],
          { env: process.env, encoding: "utf8", stdio: "pipe" },
        );
      const plain = cli();
      expect(plain).toContain(`${N - heldOut} images`);
      expect(plain).toContain(`left out: ${heldOut} studies, ${heldOut} images of held-out evaluation patients`);
      const all = cli("--include-held-out");
      expect(all).toContain(`${N} images`);
      expect(all).toContain("held-out evaluation patients included");
      const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, "1.zip"))))["manifest.json"]!)) as {
        held_out: { included: boolean };
        splits: Record<string, { images: number }>;
      };
      expect(manifest.held_out.included).toBe(true);
      expect(manifest.splits.train!.images + manifest.splits.val!.images).toBe(N);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      exportIds.push(...(await db.export.findMany({ where: { id: { notIn: before } }, select: { id: true } })).map((e) => e.id));
    }
  }, 120_000);
});
