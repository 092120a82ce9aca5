import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { SignInPage } from "./pages/sign-in-page";
import { UsersPage } from "./pages/users-page";

test("an admin adds a radiologist, who signs in and is refused the admin pages", async ({ page }) => {
  const signIn = new SignInPage(page);
  const radiologist = { email: `rad-${Date.now()}@e2e.local`, name: "Dr Reader", role: "radiologist", password: "reader-password-1" };

  await signIn.signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByTestId("current-user")).toContainText("admin");
  const users = new UsersPage(page);
  await users.open();
  await users.addUser(radiologist);
  await signIn.signOut();

  await signIn.signIn(radiologist.email, radiologist.password);
  await expect(page.getByTestId("current-user")).toContainText("Dr Reader · radiologist");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId("forbidden-page")).toBeVisible();
  await page.goto("/");
  await signIn.signOut();

  // Signed out, protected pages send the browser to sign-in.
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password shows a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-email").fill(E2E_ADMIN.email);
  await page.getByTestId("sign-in-password").fill("not the password");
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("sign-in-form").getByRole("alert")).toContainText("wrong");
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(401);
});
