import { expect, test, type APIRequestContext } from "@playwright/test";
import { writePart10, type DicomElement } from "../lib/dicom/testing/dicom-writer";
import type { IngestResult } from "../lib/schemas/study";
import { ViewerPage } from "./pages/viewer-page";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_ADMIN } from "./support/accounts";

const DX = "1.2.840.10008.5.1.4.1.1.1.1";
const SIZE = 256;

/**
 * A 256×256 12-bit chest-like DICOM: left half air, right half dense, unique UIDs. In MONOCHROME1 air is
 * stored high, in MONOCHROME2 low, so both must show the left half dark.
 */
function syntheticStudy(tag: string, photometric: "MONOCHROME1" | "MONOCHROME2"): Buffer {
  const air = photometric === "MONOCHROME1" ? 3600 : 400;
  const dense = photometric === "MONOCHROME1" ? 400 : 3600;
  const pixels = new Uint16Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) pixels[y * SIZE + x] = (x < SIZE / 2 ? air : dense) + ((x * 3 + y * 2) % 200);
  const uid = (n: number) => `1.2.826.0.1.3680043.10.77.${tag}.${n}`;
  const elements: DicomElement[] = [
    { tag: 0x00080016, vr: "UI", value: DX },
    { tag: 0x00080018, vr: "UI", value: uid(3) },
    { tag: 0x00080020, vr: "DA", value: "20240131" },
    { tag: 0x00080050, vr: "SH", value: `E2E${tag}`.slice(0, 16) },
    { tag: 0x00080060, vr: "CS", value: "DX" },
    { tag: 0x00081030, vr: "LO", value: "Chest PA (viewer e2e)" },
    { tag: 0x00100010, vr: "PN", value: "Viewer^E2E" },
    { tag: 0x00100020, vr: "LO", value: `PID-${tag}` },
    { tag: 0x0020000d, vr: "UI", value: uid(1) },
    { tag: 0x0020000e, vr: "UI", value: uid(2) },
    { tag: 0x00280002, vr: "US", value: [1] },
    { tag: 0x00280004, vr: "CS", value: photometric },
    { tag: 0x00280010, vr: "US", value: [SIZE] },
    { tag: 0x00280011, vr: "US", value: [SIZE] },
    { tag: 0x00280100, vr: "US", value: [16] },
    { tag: 0x00280101, vr: "US", value: [12] },
    { tag: 0x00280102, vr: "US", value: [11] },
    { tag: 0x00280103, vr: "US", value: [0] },
    { tag: 0x00281050, vr: "DS", value: "2048" },
    { tag: 0x00281051, vr: "DS", value: "4096" },
    { tag: 0x7fe00010, vr: "OW", value: pixels },
  ];
  return Buffer.from(writePart10(elements, "1.2.840.10008.1.2.1", DX, uid(3)));
}

async function upload(request: APIRequestContext, files: { name: string; buffer: Buffer }[]): Promise<string[]> {
  const form = new FormData();
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.buffer)], { type: "application/dicom" }), f.name);
  const res = await request.post("/api/v1/studies", { multipart: form });
  expect(res.ok(), await res.text()).toBeTruthy();
  const { results } = (await res.json()) as { results: IngestResult[] };
  return results.map((r) => {
    expect(r.status, `${r.fileName}: ${r.error?.message ?? ""}`).toMatch(/stored|duplicate/);
    return r.studyId!;
  });
}

test.describe("study viewer", () => {
  let studyIds: string[] = [];

  test.beforeEach(async ({ page }) => {
    await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
    const run = `${Date.now() % 1e9}`;
    studyIds = await upload(page.request, [
      { name: "viewer-mono2.dcm", buffer: syntheticStudy(`${run}.2`, "MONOCHROME2") },
      { name: "viewer-mono1.dcm", buffer: syntheticStudy(`${run}.1`, "MONOCHROME1") },
    ]);
    expect(new Set(studyIds).size).toBe(2);
  });

  test("renders, windows by drag, inverts, shows help and moves to the next study", async ({ page }) => {
    const viewer = new ViewerPage(page);
    await viewer.open(studyIds[0]!);
    await expect(page.getByTestId("dicom-tags")).toContainText("E2E"); // patient name / accession of the upload

    const initial = await viewer.shot();
    await viewer.drag(120, 60);
    await viewer.expectChangedFrom(initial);
    await expect(page.getByTestId("display-state")).toContainText("custom");

    const windowed = await viewer.shot();
    await viewer.press("i");
    await viewer.expectChangedFrom(windowed);
    await expect(page.getByTestId("tool-invert")).toHaveAttribute("aria-pressed", "true");

    await viewer.press("?");
    await expect(viewer.help).toBeVisible();
    await expect(viewer.help).toContainText("Window/level");
    await viewer.press("Escape");
    await expect(viewer.help).toBeHidden();

    const { previousId, nextId } = (await (await page.request.get(`/api/v1/studies/${studyIds[0]}/neighbours`)).json()) as {
      previousId: string | null;
      nextId: string | null;
    };
    const target = nextId ?? previousId;
    expect(target, "the uploaded studies are neighbours of something").toBeTruthy();
    await viewer.press(nextId ? "ArrowRight" : "ArrowLeft");
    await expect(page).toHaveURL(new RegExp(`/studies/${target}`));
    await viewer.waitForRender(target!);
  });

  test("MONOCHROME1 and MONOCHROME2 both show air dark", async ({ page }) => {
    const viewer = new ViewerPage(page);
    for (const id of studyIds) {
      await viewer.open(id);
      const png = await viewer.shot();
      // The image is fitted and centred: sample left (air) and right (dense) of the centre.
      const box = (await viewer.canvas.boundingBox())!;
      const dx = (0.25 * Math.min(box.width, box.height)) / box.width;
      const air = ViewerPage.meanGrey(png, 0.5 - dx, 0.5);
      const dense = ViewerPage.meanGrey(png, 0.5 + dx, 0.5);
      expect(air, `study ${id}: air should be darker than dense tissue`).toBeLessThan(dense - 100);
    }
  });

  test("keeps the worklist query for next/previous", async ({ page }) => {
    const viewer = new ViewerPage(page);
    const query = "sort=received";
    await viewer.open(studyIds[1]!, query);
    const next = page.getByTestId("tool-next");
    const previous = page.getByTestId("tool-previous");
    await expect.poll(async () => (await next.isEnabled()) || (await previous.isEnabled())).toBe(true);
    await ((await next.isEnabled()) ? next : previous).click();
    await expect(page).toHaveURL(/\/studies\/[^/?]+\?sort=received$/);
    await expect(viewer.viewport).toHaveAttribute("data-rendered", "true");
  });
});
