// npm run export -- --format yolo|coco|both --out file.zip [filters]: the admin page's export from the command line.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { runCli } from "@/lib/cli/run-cli";
import { progressBar } from "@/lib/cli/progress-bar";
import { buildExport, exportStorageKey, markExportFailed } from "@/lib/exports/build-export";
import { createExport } from "@/lib/exports/manage-exports";
import { createExportBodySchema, type ExportSummary } from "@/lib/schemas/export";
import { getStorage } from "@/lib/storage/get-storage";

const USAGE = `usage: npm run export -- --out FILE.zip [options]
  --format yolo|coco|both        dataset format (default yolo)
  --from DATE --to DATE          sign-off date range (ISO date or date-time; --to is exclusive)
  --model-version ID             only reviews of findings from this model version
  --reader EMAIL|ID              only this reader's reviews
  --purposes primary,double_read,annotation,consensus
  --include-in-progress          also reviews not yet signed off
  --include-held-out             also the registry's held-out evaluation patients (left out by default: a model
                                 trained on them would be evaluated on its own training data)
  --val-fraction F               share of images in val, by patient (default 0.2)
  --seed N                       split seed (default 0)`;

const CLI_ACTOR = { id: null, email: "cli" };
const isoOf = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(d.getTime())) throw new AppError("bad_request", `--${name} '${v}' is not a date (use YYYY-MM-DD or an ISO date-time).`);
  return d.toISOString();
};
const numberOf = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new AppError("bad_request", `--${name} '${v}' is not a number.`);
  return n;
};

async function readerIdOf(v: string | undefined) {
  if (!v) return undefined;
  const u = await db.user.findFirst({ where: v.includes("@") ? { email: v.trim().toLowerCase() } : { id: v }, select: { id: true } });
  if (!u) throw new AppError("bad_request", `No user '${v}' (give an e-mail or a user id).`);
  return u.id;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: "string" },
      out: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "model-version": { type: "string" },
      reader: { type: "string" },
      purposes: { type: "string" },
      "include-in-progress": { type: "boolean" },
      "include-held-out": { type: "boolean" },
      "val-fraction": { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  if (!values.out) throw new AppError("bad_request", "--out FILE.zip is required.");
  const out = path.resolve(values.out);
  if (!fs.existsSync(path.dirname(out))) throw new AppError("bad_request", `The folder of --out does not exist: ${path.dirname(out)}`);
  const body = createExportBodySchema.parse({
    format: values.format,
    filters: {
      from: isoOf(values.from, "from"),
      to: isoOf(values.to, "to"),
      modelVersionId: values["model-version"],
      readerId: await readerIdOf(values.reader),
      purposes: values.purposes?.split(",").map((p) => p.trim()),
      includeInProgress: values["include-in-progress"] ?? false,
      includeHeldOut: values["include-held-out"] ?? false,
    },
    valFraction: numberOf(values["val-fraction"], "val-fraction"),
    seed: numberOf(values.seed, "seed"),
  });
  const exp = await createExport(CLI_ACTOR, body, { enqueue: false });
  const bar = progressBar(`export ${exp.id}`, 100);
  try {
    const r = await buildExport(exp.id, async (f) => bar.update(Math.round(f * 100)));
    bar.done();
    fs.writeFileSync(out, await (await getStorage()).get(exportStorageKey(exp.id)));
    const s = (await db.export.findUniqueOrThrow({ where: { id: exp.id } })).summary as ExportSummary;
    console.log(`wrote ${out} (${(r.sizeBytes / 1e6).toFixed(1)} MB): ${r.imageCount} images, ${r.boxCount} boxes`);
    for (const [part, x] of Object.entries(s.splits))
      console.log(`  ${part}: ${x.images} images, ${x.boxes} boxes, ${x.patients} patients`);
    const h = s.heldOut;
    if (h)
      console.log(
        h.included
          ? `  held-out evaluation patients included (fraction ${h.fraction})`
          : `  left out: ${h.excludedStudies} studies, ${h.excludedImages} images of held-out evaluation patients (fraction ${h.fraction}; --include-held-out keeps them)`,
      );
    return 0;
  } catch (e) {
    bar.done();
    await markExportFailed(exp.id, e instanceof Error ? e.message : String(e));
    throw e;
  }
}

runCli(main, USAGE);
