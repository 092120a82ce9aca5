import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listStudiesQuerySchema } from "@/lib/schemas/study";
import { listWorklist, worklistNeighbours } from "@/lib/studies/list-worklist";

const tag = randomUUID().slice(0, 6);
const q = (o: Record<string, unknown>) => listStudiesQuerySchema.parse({ q: `WL${tag}`, ...o });

beforeAll(async () => {
  const rows = [
    { n: 1, status: "new", modality: "DX", date: "2026-01-01", prio: null },
    { n: 2, status: "predicted", modality: "CR", date: "2026-01-05", prio: 0.9 },
    { n: 3, status: "predicted", modality: "DX", date: null, prio: 0.4 },
    { n: 4, status: "signed_off", modality: "DX", date: "2026-02-01", prio: 0.7 },
  ];
  for (const r of rows)
    await db.study.create({
      data: {
        studyInstanceUid: `2.25.${tag.charCodeAt(0)}${r.n}${Date.now()}`,
        pseudonym: `S-${tag}-${r.n}`,
        accessionNumber: `WL${tag}-${r.n}`,
        patientId: `PAT-${tag}`,
        modality: r.modality,
        status: r.status,
        studyDate: r.date ? new Date(`${r.date}T00:00:00Z`) : null,
        aiPriority: r.prio,
        receivedAt: new Date(Date.UTC(2026, 2, r.n)),
      },
    });
});

const accessions = (items: { accessionNumber: string | null }[]) => items.map((i) => i.accessionNumber!.split("-")[1]);

describe("worklist", () => {
  it("sorts by received (default, newest first), study date and AI priority with empty values last", async () => {
    expect(accessions((await listWorklist(q({}), true)).items)).toEqual(["4", "3", "2", "1"]);
    expect(accessions((await listWorklist(q({ sort: "studyDate", dir: "asc" }), true)).items)).toEqual(["1", "2", "4", "3"]);
    expect(accessions((await listWorklist(q({ sort: "aiPriority" }), true)).items)).toEqual(["2", "4", "3", "1"]);
  });

  it("filters by status, modality and study date range, and counts per status ignoring the status filter", async () => {
    const page = await listWorklist(q({ status: "predicted" }), true);
    expect(accessions(page.items)).toEqual(["3", "2"]);
    expect(page.total).toBe(2);
    expect(page.counts).toEqual({ new: 1, prediction_failed: 0, predicted: 2, in_review: 0, signed_off: 1 });
    expect(accessions((await listWorklist(q({ modality: "cr" }), true)).items)).toEqual(["2"]);
    expect(accessions((await listWorklist(q({ from: "2026-01-02", to: "2026-02-01" }), true)).items)).toEqual(["4", "2"]);
  });

  it("searches by accession or patient id prefix and paginates", async () => {
    const byPatient = await listWorklist(listStudiesQuerySchema.parse({ q: `PAT-${tag}`, pageSize: 3, page: 2 }), true);
    expect(byPatient.total).toBe(4);
    expect(accessions(byPatient.items)).toEqual(["1"]);
  });

  it("finds previous and next in the same order", async () => {
    const all = (await listWorklist(q({}), true)).items;
    expect(await worklistNeighbours(all[1]!.id, q({}), true)).toEqual({ previousId: all[0]!.id, nextId: all[2]!.id });
    expect(await worklistNeighbours(all[3]!.id, q({}), true)).toEqual({ previousId: all[2]!.id, nextId: null });
  });

  it("refuses invalid query values", () => {
    expect(listStudiesQuerySchema.safeParse({ status: "done" }).success).toBe(false);
    expect(listStudiesQuerySchema.safeParse({ from: "01/02/2026" }).success).toBe(false);
    expect(listStudiesQuerySchema.safeParse({ pageSize: "1000" }).success).toBe(false);
    // Impossible calendar dates and reversed ranges are refused with a reason, never passed to the database.
    for (const from of ["2024-13-45", "2024-02-30", "2023-02-29"]) {
      const r = listStudiesQuerySchema.safeParse({ from });
      expect(r.success, from).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/real date/);
    }
    expect(listStudiesQuerySchema.safeParse({ from: "2024-02-29", to: "2024-03-01" }).success).toBe(true);
    expect(listStudiesQuerySchema.safeParse({ from: "2024-03-02", to: "2024-03-01" }).success).toBe(false);
  });

  it("without patient identity: pseudonyms only, and the search box cannot probe patient IDs", async () => {
    const masked = await listWorklist(q({ q: `S-${tag}` }), false);
    expect(masked.total).toBe(4);
    for (const item of masked.items) {
      expect(item).toMatchObject({ accessionNumber: null, patientId: null, patientName: null });
      expect(item.pseudonym).toMatch(new RegExp(`^S-${tag}-`));
    }
    expect((await listWorklist(q({ q: `PAT-${tag}` }), false)).total).toBe(0);
    expect((await listWorklist(q({}), false)).total).toBe(0); // the accession prefix does not match either
  });
});
