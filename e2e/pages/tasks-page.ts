import { expect, type Locator, type Page } from "@playwright/test";
import { ViewerPage } from "./viewer-page";

// The task queue at /tasks and the viewer it opens.
export class TasksPage {
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId("task-row");
  }

  async open() {
    await this.page.goto("/tasks");
    await expect(this.page.getByTestId("tasks-page")).toBeVisible();
  }

  row(studyId: string): Locator {
    return this.page.locator(`[data-testid="task-row"][data-study-id="${studyId}"]`);
  }

  /** Opens a task and waits until its study is drawn with the review overlay. */
  async openTask(studyId: string) {
    await this.row(studyId).getByTestId("open-task").click();
    await new ViewerPage(this.page).waitForRender(studyId);
    await expect(this.page.getByTestId("review-overlay")).toBeVisible();
  }
}
