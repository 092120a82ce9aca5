import { expect, type Locator, type Page } from "@playwright/test";

type FilePayload = { name: string; mimeType: string; buffer: Buffer };

export class ModelsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/models");
    await expect(this.page.getByTestId("model-table")).toBeVisible();
  }

  row(label: string): Locator {
    return this.page.locator(`[data-testid="model-row"][data-model="${label}"]`);
  }

  details(label: string): Locator {
    return this.page.locator(`[data-testid="model-details"][data-model="${label}"]`);
  }

  async upload(model: FilePayload, card: FilePayload) {
    await this.page.getByTestId("model-file").setInputFiles(model);
    await this.page.getByTestId("model-card-file").setInputFiles(card);
    await this.page.getByTestId("model-upload-submit").click();
    await expect(this.page.getByTestId("model-upload-done")).toBeVisible();
  }

  async moveTo(label: string, stage: string, canaryPercent?: number) {
    const row = this.row(label);
    await row.getByTestId("stage-target").selectOption(stage);
    if (canaryPercent !== undefined) await row.getByTestId("canary-share").fill(String(canaryPercent));
    await row.getByTestId("stage-apply").click();
  }

  async confirmOverride(reason: string) {
    const dialog = this.page.getByTestId("override-dialog");
    await expect(dialog).toContainText(/below production's/);
    await this.page.getByTestId("override-reason").fill(reason);
    await this.page.getByTestId("override-confirm").click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a version's details and downloads its Triton repository zip (`cpu`, `gpu` or `gpu-trt`); returns the bytes. */
  async downloadTritonRepo(label: string, variant: "cpu" | "gpu" | "gpu-trt"): Promise<{ fileName: string; bytes: Buffer }> {
    await this.row(label).getByTestId("model-expand").click();
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.details(label).getByTestId(`triton-repo-${variant}`).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  async rollback(label: string) {
    await this.row(label).getByTestId("rollback").click();
    await this.row(label).getByTestId("rollback-confirm").click(); // the inline "are you sure" step
  }
}
