import { expect, type Page } from "@playwright/test";

// /admin/exports: start an export with filters, watch its progress, download the zip.
export class ExportsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/exports");
    await expect(this.page.getByTestId("export-form")).toBeVisible();
  }

  /** Starts an export of one reader's reviews; returns the new row's export id. */
  async start(o: { format: "yolo" | "coco" | "both"; readerId: string; valFraction: number; includeHeldOut?: boolean }) {
    await this.page.getByTestId("export-format").selectOption(o.format);
    await expect(this.page.getByTestId("export-reader").locator(`option[value="${o.readerId}"]`)).toHaveCount(1);
    await this.page.getByTestId("export-reader").selectOption(o.readerId);
    await this.page.getByTestId("export-val-fraction").fill(String(o.valFraction));
    await this.page.getByTestId("export-include-held-out").setChecked(o.includeHeldOut ?? false);
    const created = this.page.waitForResponse((r) => r.url().endsWith("/api/v1/exports") && r.request().method() === "POST");
    await this.page.getByTestId("export-start").click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { export: { id: string } }).export.id;
  }

  /** The row's note on the registry's held-out evaluation patients (left out, with counts, or included). */
  heldOutNote(id: string) {
    return this.row(id).getByTestId("export-held-out");
  }

  row(id: string) {
    return this.page.locator(`[data-testid="export-row"][data-export-id="${id}"]`);
  }

  /** Waits (through the page's own polling) until the export is done; returns the zip bytes from its link. */
  async download(id: string): Promise<Buffer> {
    await expect(this.row(id)).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
    const link = this.row(id).getByTestId("export-download");
    const [dl] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    const path = await dl.path();
    const fs = await import("node:fs");
    return fs.readFileSync(path);
  }
}
