import { expect, test, type Page } from "@playwright/test";
import { BrowserInferencePanel } from "./pages/browser-inference-panel";
import { ReviewPage } from "./pages/review-page";
import { SignInPage } from "./pages/sign-in-page";
import { ViewerPage } from "./pages/viewer-page";
import { E2E_ADMIN } from "./support/accounts";
import { newUser } from "./support/ai-study";
import { signedInContext } from "./support/api-session";
import { realOrSyntheticDicom } from "./support/fixtures";

// Every CSP violation the page reports (the event fires for blocked scripts, workers, WebAssembly, styles, …).
async function collectCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...fromConsole];
}

test("sign-out ends the session on the server: the browser's old cookie is refused afterwards", async ({ page, browser, baseURL }) => {
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const user = await newUser(admin, "radiologist", "signout");
  const signIn = new SignInPage(page);
  await signIn.signIn(user.email, user.password);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  await signIn.signOut();

  // A second browser holding a copy of the signed-in cookie (as a stolen or cached one would be).
  const stale = await browser.newContext({ baseURL });
  await stale.addCookies(cookies);
  expect((await stale.request.get("/api/v1/me")).status()).toBe(401);
  const tab = await stale.newPage();
  await tab.goto("/");
  await expect(tab).toHaveURL(/\/sign-in/);
  await stale.close();
});

test("under the CSP the viewer decodes a JPEG 2000 radiograph and onnxruntime-web runs the model, with no violation", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const violations = await collectCspViolations(page);
  const admin = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  // A real JPEG 2000 file needs the WASM codec (openjpeg): exactly what 'wasm-unsafe-eval' is there for.
  const file = realOrSyntheticDicom("pydicom-data/RG1_J2KI.dcm", { size: 256 });
  const up = await admin.post("/api/v1/studies", { multipart: { files: file } });
  expect(up.ok(), await up.text()).toBeTruthy();
  const studyId = (await up.json()).results[0].studyId as string;

  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const res = await page.goto(`/studies/${studyId}`);
  expect(res?.headers()["content-security-policy"]).toContain("'wasm-unsafe-eval'");
  const viewer = new ViewerPage(page);
  await viewer.waitForRender(studyId);
  await new ReviewPage(page).open(studyId);
  await new BrowserInferencePanel(page).run();
  expect(await violations()).toEqual([]);
});
