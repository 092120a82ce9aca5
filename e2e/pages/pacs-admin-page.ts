import { expect, type Page } from "@playwright/test";

// /admin/pacs: add a connection, test it, read the result.
export class PacsAdminPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/pacs");
    await expect(this.page.getByTestId("pacs-form")).toBeVisible();
  }

  async add(c: { name: string; url: string; username: string; password: string; aeTitle?: string; port?: number }) {
    const form = this.page.getByTestId("pacs-form").last();
    await form.getByTestId("pacs-name").fill(c.name);
    await form.getByTestId("pacs-url").fill(c.url);
    await form.getByTestId("pacs-auth").selectOption("basic");
    await form.getByTestId("pacs-username").fill(c.username);
    await form.getByTestId("pacs-secret").fill(c.password);
    if (c.aeTitle) {
      await form.getByTestId("pacs-ae").fill(c.aeTitle);
      await form.getByTestId("pacs-host").fill("127.0.0.1");
      await form.getByTestId("pacs-port").fill(String(c.port));
    }
    await form.getByTestId("pacs-save").click();
    await expect(this.row(c.name)).toContainText("secret set");
  }

  row(name: string) {
    return this.page.getByTestId(`pacs-row-${name}`);
  }

  async test(name: string) {
    await this.row(name).getByTestId("pacs-test").click();
    const result = this.row(name).getByTestId("pacs-test-result");
    await expect(result).toBeVisible({ timeout: 20_000 });
    return result;
  }
}
