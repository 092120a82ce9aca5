import { expect, type Page } from "@playwright/test";

export class UsersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/admin/users");
    await expect(this.page.getByTestId("user-table")).toBeVisible();
  }

  async addUser(u: { email: string; name: string; role: string; password: string }) {
    await this.page.getByTestId("new-user-email").fill(u.email);
    await this.page.getByTestId("new-user-name").fill(u.name);
    await this.page.getByTestId("new-user-role").selectOption(u.role);
    await this.page.getByTestId("new-user-password").fill(u.password);
    await this.page.getByTestId("new-user-submit").click();
    await expect(this.page.getByTestId(`user-row-${u.email}`)).toContainText(u.name);
  }
}
