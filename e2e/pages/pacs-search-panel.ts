import { expect, type Page } from "@playwright/test";

// The worklist's "Search PACS" panel: search, tick, pull, watch the study arrive.
export class PacsSearchPanel {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/");
    await this.page.getByTestId("pacs-search-toggle").click();
    await expect(this.page.getByTestId("pacs-search-panel")).toBeVisible();
  }

  async searchAccession(connection: string, accession: string) {
    await this.page.getByTestId("pacs-search-connection").selectOption({ label: connection });
    await this.page.getByTestId("pacs-search-accession").fill(accession);
    await this.page.getByTestId("pacs-search-submit").click();
    const row = this.page.locator(`[data-testid="pacs-result-row"][data-accession="${accession}"]`);
    await expect(row).toBeVisible();
    return row;
  }

  async pull(accession: string) {
    const row = this.page.locator(`[data-testid="pacs-result-row"][data-accession="${accession}"]`);
    await row.getByRole("checkbox").check();
    await this.page.getByTestId("pacs-pull").click();
    await expect(row.getByTestId("pacs-result-status")).toContainText("in worklist", { timeout: 60_000 });
  }
}
