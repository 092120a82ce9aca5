import { expect, type Locator, type Page } from "@playwright/test";
import { PNG } from "pngjs";

// The study viewer: waits on data-rendered (set after cornerstone's first draw), never on time.
export class ViewerPage {
  readonly viewport: Locator;
  readonly canvas: Locator;
  readonly help: Locator;

  constructor(private readonly page: Page) {
    this.viewport = page.getByTestId("viewport");
    this.canvas = this.viewport.locator("canvas");
    this.help = page.getByTestId("viewer-help");
  }

  async open(studyId: string, worklistQuery = "") {
    await this.page.goto(`/studies/${studyId}${worklistQuery ? `?${worklistQuery}` : ""}`);
    await this.waitForRender(studyId);
  }

  /** Full-resolution image of this study drawn at least once. */
  async waitForRender(studyId: string) {
    await expect(this.page.getByTestId("study-viewer")).toHaveAttribute("data-study-id", studyId);
    await expect(this.viewport).toHaveAttribute("data-rendered", "true", { timeout: 30_000 });
    await expect(this.viewport).toHaveAttribute("data-resolution", "full", { timeout: 30_000 });
  }

  shot(): Promise<Buffer> {
    return this.canvas.screenshot();
  }

  /** Waits until the canvas differs from `before` (cornerstone redraws on the next animation frame). */
  async expectChangedFrom(before: Buffer) {
    await expect.poll(async () => (await this.shot()).equals(before), { message: "canvas should be redrawn differently" }).toBe(false);
  }

  /** Left-button drag from the canvas centre (window/level with the default tool). */
  async drag(dx: number, dy: number) {
    const box = (await this.canvas.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
  }

  /** Mean grey (0–255) of a small patch at (fx, fy), fractions of the canvas size. */
  static meanGrey(png: Buffer, fx: number, fy: number, half = 4): number {
    const img = PNG.sync.read(png);
    const cx = Math.round(fx * img.width);
    const cy = Math.round(fy * img.height);
    let sum = 0;
    let n = 0;
    for (let y = cy - half; y <= cy + half; y++) {
      for (let x = cx - half; x <= cx + half; x++) {
        const i = (y * img.width + x) * 4;
        sum += (img.data[i]! + img.data[i + 1]! + img.data[i + 2]!) / 3;
        n++;
      }
    }
    return sum / n;
  }
}
