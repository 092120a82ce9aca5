import { expect, type Page } from "@playwright/test";

export class WorklistPage {
  constructor(private readonly page: Page) {}

  async open(query: Record<string, string> = {}) {
    await this.page.goto(`/?${new URLSearchParams(query)}`);
  }

  rows() {
    return this.page.getByTestId("worklist-row");
  }

  async rerunPrediction(rowText: string) {
    const row = this.rows().filter({ hasText: rowText });
    await expect(row.getByTestId("status-prediction_failed")).toBeVisible();
    await row.getByTestId("rerun-prediction").click();
  }
}
