import { expect, type Page } from "@playwright/test";

export class UploadPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/upload");
    await expect(this.page.getByTestId("upload-dropzone")).toBeVisible();
  }

  async upload(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    const before = await this.page.getByTestId("upload-row").count();
    await this.page.getByTestId("upload-input").setInputFiles(files);
    await expect(this.page.getByTestId("upload-row")).toHaveCount(before + files.length);
    await expect(
      this.page.locator('[data-testid="upload-row"][data-state="queued"], [data-testid="upload-row"][data-state="uploading"]'),
    ).toHaveCount(0, { timeout: 30_000 });
  }

  row(name: string) {
    return this.page.getByTestId("upload-row").filter({ hasText: name });
  }
}
