import { expect, type Page } from "@playwright/test";

// /admin/training: start a retraining run on an export, watch it, follow it to its model.
export class TrainingPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/training");
    await expect(this.page.getByTestId("training-form")).toBeVisible();
  }

  async start(o: { exportId: string; epochs: number; imageSize: number; batch: number }) {
    await expect(this.page.getByTestId("training-export").locator(`option[value="${o.exportId}"]`)).toHaveCount(1);
    await this.page.getByTestId("training-export").selectOption(o.exportId);
    await this.page.getByTestId("training-epochs").fill(String(o.epochs));
    await this.page.getByTestId("training-image-size").fill(String(o.imageSize));
    await this.page.getByTestId("training-batch").fill(String(o.batch));
    const created = this.page.waitForResponse((r) => r.url().endsWith("/api/v1/training-runs") && r.request().method() === "POST");
    await this.page.getByTestId("training-start").click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { run: { id: string } }).run.id;
  }

  row(id: string) {
    return this.page.locator(`[data-testid="training-row"][data-run-id="${id}"]`);
  }
}
