import { expect, type Locator, type Page } from "@playwright/test";

export type BrowserBoxRow = { instanceId: string; className: string; confidence: number; box: number[] };

// The review panel's "Run in browser" section (onnxruntime-web) and its comparison layer on the image.
export class BrowserInferencePanel {
  readonly section: Locator;
  readonly runButton: Locator;
  readonly summary: Locator;
  /** "WASM SIMD, N threads" or "WebGPU". */
  readonly backend: Locator;
  readonly rows: Locator;
  readonly layerBoxes: Locator;
  readonly toggle: Locator;

  constructor(page: Page) {
    this.section = page.getByTestId("browser-inference");
    this.runButton = page.getByTestId("run-in-browser");
    this.summary = page.getByTestId("browser-summary");
    this.backend = page.getByTestId("browser-backend");
    this.rows = page.getByTestId("browser-box");
    this.layerBoxes = page.getByTestId("browser-box-rect");
    this.toggle = page.getByTestId("browser-boxes-toggle");
  }

  /** Clicks "Run in browser" and waits for the result (or fails with the panel's error text). */
  async run(): Promise<BrowserBoxRow[]> {
    await expect(this.runButton).toBeEnabled();
    await this.runButton.click();
    await expect(this.section).toHaveAttribute("data-status", /done|error/, { timeout: 60_000 });
    await expect(this.section, (await this.section.textContent()) ?? "").toHaveAttribute("data-status", "done");
    return this.rows.evaluateAll((els) =>
      els.map((e) => ({
        instanceId: e.getAttribute("data-instance-id")!,
        className: e.getAttribute("data-class")!,
        confidence: Number(e.getAttribute("data-confidence")),
        box: e.getAttribute("data-box")!.split(",").map(Number),
      })),
    );
  }
}
