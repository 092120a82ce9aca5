import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";

// The reading view's layout: panels, their dock, and how much of the window the image gets.
export class ReadingRoomPage {
  readonly viewer: Locator;
  readonly viewport: Locator;
  readonly reviewDock: Locator;
  readonly toolbar: Locator;

  constructor(private readonly page: Page) {
    this.viewer = page.getByTestId("study-viewer");
    this.viewport = page.getByTestId("viewport");
    this.reviewDock = page.getByTestId("review-panel-dock");
    this.toolbar = page.getByTestId("viewer-toolbar");
  }

  /** Presses a layout key until the viewer reports the wanted state (the layout is remembered, so it may already be). */
  async setLayout(tags: "open" | "closed", review: "side" | "overlay" | "closed") {
    if ((await this.viewer.getAttribute("data-tags")) !== tags) await this.page.keyboard.press("t");
    await expect(this.viewer).toHaveAttribute("data-tags", tags);
    const now = async () => (await this.viewer.getAttribute("data-review-panel"))!;
    if (review === "closed") {
      if ((await now()) !== "closed") await this.page.keyboard.press("l");
    } else {
      if ((await now()) === "closed") await this.page.keyboard.press("l");
      if ((await now()) !== review) await this.page.keyboard.press("o");
    }
    await expect(this.viewer).toHaveAttribute("data-review-panel", review);
  }

  /** The image's share of the window width: the viewport, less whatever a floating panel covers of it. */
  async imageShare(): Promise<{ imagePx: number; windowPx: number; share: number }> {
    const windowPx = this.page.viewportSize()!.width;
    const v = (await this.viewport.boundingBox())!;
    const floating = (await this.viewer.getAttribute("data-review-panel")) === "overlay";
    const covered = floating ? (await this.reviewDock.boundingBox())!.width : 0;
    const imagePx = Math.round(v.width - covered);
    return { imagePx, windowPx, share: imagePx / windowPx };
  }

  /** The page itself never scrolls: everything is inside the window. */
  async expectNoPageScroll() {
    const { scroll, inner } = await this.page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      inner: window.innerHeight,
    }));
    expect(scroll).toBeLessThanOrEqual(inner);
  }

  /** The view runs from under the header to the window's bottom edge. */
  async expectFillsWindowHeight() {
    const b = (await this.viewer.boundingBox())!;
    expect(b.y + b.height).toBeGreaterThanOrEqual(this.page.viewportSize()!.height - 2);
    expect(b.y).toBeLessThanOrEqual(100); // right under the header, no page padding above
  }

  /** The element lies wholly inside the window (reachable without scrolling the page). */
  async expectInWindow(l: Locator) {
    const b = (await l.boundingBox())!;
    const size = this.page.viewportSize()!;
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(size.height);
    expect(b.x + b.width).toBeLessThanOrEqual(size.width);
  }

  async screenshot(testInfo: TestInfo, name: string) {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path });
    await testInfo.attach(name, { path, contentType: "image/png" });
  }
}
