import { expect, type Locator, type Page } from "@playwright/test";

// "Results in the PACS" in the review panel: one row per destination with its state, and "Send to PACS".
export class PacsPushPanel {
  readonly root: Locator;
  readonly sendButton: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId("pacs-pushes");
    this.sendButton = page.getByTestId("send-to-pacs");
  }

  row(connection: string): Locator {
    return this.root.locator(`[data-testid="pacs-push"][data-connection="${connection}"]`);
  }

  /** Waits (polling UI, no sleeps) until the destination's push shows `state` (of a push with that `trigger`). */
  async expectState(connection: string, state: string, trigger?: "sign_off" | "manual", timeout = 30_000) {
    if (trigger) await expect(this.row(connection)).toHaveAttribute("data-trigger", trigger, { timeout });
    await expect(this.row(connection)).toHaveAttribute("data-state", state, { timeout });
  }
}
