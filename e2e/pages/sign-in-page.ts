import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password: string) {
    await this.page.goto("/sign-in");
    await this.page.getByTestId("sign-in-email").fill(email);
    await this.page.getByTestId("sign-in-password").fill(password);
    await this.page.getByTestId("sign-in-submit").click();
    await expect(this.page.getByTestId("current-user")).toBeVisible();
  }

  async signOut() {
    await this.page.getByTestId("sign-out").click();
    await expect(this.page.getByTestId("sign-in-form")).toBeVisible();
  }
}
