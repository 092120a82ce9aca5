// Runs inside one database (DATABASE_URL set by the parent): seeds N studies, then times the worklist queries.
import { db } from "@/lib/db";
import { progressBar } from "@/lib/cli/progress-bar";
import { listStudiesQuerySchema } from "@/lib/schemas/study";
import { listWorklist } from "@/lib/studies/list-worklist";

const N = Number(process.argv[2] ?? 100_000);
const STATUSES = ["new", "predicted", "in_review", "signed_off"];
const MODALITIES = ["CR", "DX", "DX", "DX"];

async function seed() {
  const bar = progressBar("seeding", N);
  const chunk = 2_000;
  for (let start = 0; start < N; start += chunk) {
    const data = Array.from({ length: Math.min(chunk, N - start) }, (_, j) => {
      const i = start + j;
      return {
        studyInstanceUid: `2.25.9${i}`,
        pseudonym: `S-B${i}`,
        accessionNumber: `ACC${String(i).padStart(7, "0")}`,
        patientId: `PID${String(i % 40_000).padStart(6, "0")}`,
        modality: MODALITIES[i % 4]!,
        status: STATUSES[(i * 7) % 4]!,
        studyDate: new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000),
        receivedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
        aiPriority: i % 3 === 0 ? null : ((i * 37) % 1000) / 1000,
      };
    });
    await db.study.createMany({ data });
    bar.update(start + data.length);
  }
  bar.done();
}

async function time(query: Record<string, string>, runs = 15): Promise<number> {
  const q = listStudiesQuerySchema.parse(query);
  await listWorklist(q, true); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await listWorklist(q, true);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

await seed();
const cases: [string, Record<string, string>][] = [
  ["default (received ↓)", {}],
  ["status = new", { status: "new" }],
  ["sort AI priority", { sort: "aiPriority" }],
  ["sort study date ↑", { sort: "studyDate", dir: "asc" }],
  ["DX, date range", { modality: "DX", from: "2024-03-01", to: "2024-06-30" }],
  ["search accession", { q: "ACC00512" }],
  ["page 100", { page: "100" }],
];
const results: Record<string, number> = {};
for (const [name, q] of cases) results[name] = await time(q);
console.log(JSON.stringify({ results }));
await db.$disconnect();
