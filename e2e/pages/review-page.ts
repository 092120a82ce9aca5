import { expect, type Locator, type Page } from "@playwright/test";
import { ViewerPage } from "./viewer-page";

// The review overlay and panel on the study page. Waits on data-* state and save-status, never on time.
export class ReviewPage {
  readonly viewer: ViewerPage;
  readonly overlay: Locator;
  readonly aiBoxes: Locator;
  readonly readerBoxes: Locator;
  readonly saveStatus: Locator;
  readonly selectedRow: Locator;

  constructor(private readonly page: Page) {
    this.viewer = new ViewerPage(page);
    this.overlay = page.getByTestId("review-overlay");
    this.aiBoxes = page.getByTestId("ai-box");
    this.readerBoxes = page.getByTestId("reader-box");
    this.saveStatus = page.getByTestId("save-status");
    this.selectedRow = page.locator('[data-testid="finding-row"][data-selected="true"]');
  }

  async open(studyId: string) {
    await this.viewer.open(studyId);
    await expect(this.overlay).toBeVisible();
  }

  box(key: string): Locator {
    return this.overlay.locator(`g[data-key="${key}"]`);
  }

  async version(): Promise<number> {
    return Number(await this.saveStatus.getAttribute("data-version"));
  }

  /** Runs a change and waits until autosave has stored it (the review version moved on and nothing is pending). */
  async saving(change: () => Promise<void>) {
    const before = await this.version();
    await change();
    await expect.poll(() => this.version(), { message: "autosave should bump the review version" }).toBeGreaterThan(before);
    await expect(this.saveStatus).toHaveText("saved");
  }

  /** Selects the next finding with N and returns its key. */
  async selectNext(): Promise<string> {
    const before = (await this.selectedRow.count()) ? await this.selectedRow.getAttribute("data-key") : null;
    await this.page.keyboard.press("n");
    await expect(this.selectedRow).toHaveCount(1);
    await expect(this.selectedRow).not.toHaveAttribute("data-key", before ?? "-");
    return (await this.selectedRow.getAttribute("data-key"))!;
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
  }

  /** Leaves any form field, so the next key press goes to the review shortcuts. */
  async blur() {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  async mouseDrag(from: { x: number; y: number }, to: { x: number; y: number }) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Drags one of the selected box's corner handles by (dx, dy) CSS pixels. */
  async dragHandle(key: string, handle: "x1-y1" | "x2-y1" | "x2-y2" | "x1-y2", dx: number, dy: number) {
    const h = (await this.box(key).getByTestId(`handle-${handle}`).boundingBox())!;
    const c = { x: h.x + h.width / 2, y: h.y + h.height / 2 };
    await this.mouseDrag(c, { x: c.x + dx, y: c.y + dy });
  }

  /** The rendered rectangle of a box on screen. */
  async rectOf(key: string) {
    return (await this.box(key).getByTestId("box-rect").boundingBox())!;
  }

  /** B, drag a box between two points (fractions of the viewport), then pick its class. */
  async addBox(from: [number, number], to: [number, number], className: string) {
    await this.press("b");
    await expect(this.page.getByTestId("draw-surface")).toBeVisible();
    const v = (await this.viewer.viewport.boundingBox())!;
    const at = ([fx, fy]: [number, number]) => ({ x: v.x + fx * v.width, y: v.y + fy * v.height });
    await this.mouseDrag(at(from), at(to));
    await this.page.getByTestId("new-box-class").selectOption(className);
    await this.page.getByTestId("new-box-confirm").click();
  }

  row(key: string): Locator {
    return this.page.locator(`[data-testid="finding-row"][data-key="${key}"]`);
  }

  /** A class's display threshold input (percent). */
  classThreshold(className: string): Locator {
    return this.page.getByTestId(`class-threshold-${className}`);
  }

  classThresholdReset(className: string): Locator {
    return this.page.getByTestId(`class-threshold-reset-${className}`);
  }

  /** The keys of the AI boxes drawn on the overlay and of the rows listed, each sorted. */
  async shownKeys(): Promise<{ boxes: string[]; rows: string[] }> {
    const keys = (l: Locator) => l.evaluateAll((els) => els.map((e) => e.getAttribute("data-key")!).sort());
    return { boxes: await keys(this.overlay.locator("g[data-key]")), rows: await keys(this.page.getByTestId("finding-row")) };
  }

  async signOff(impression: "no_finding" | "abnormal") {
    await this.saving(() => this.page.getByTestId(`impression-${impression}`).check());
    await this.blur();
    await this.press("s");
    await expect(this.page.getByTestId("sign-off-dialog")).toBeVisible();
    await this.page.getByTestId("sign-off-confirm").click();
    await expect(this.page.getByTestId("signed-off-banner")).toBeVisible();
  }
}
