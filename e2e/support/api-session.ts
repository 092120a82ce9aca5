import { expect, request, type APIRequestContext } from "@playwright/test";

// A signed-in API context through next-auth's real credentials flow (CSRF token, then callback).
export async function signedInContext(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(res.ok()).toBeTruthy();
  const me = await ctx.get("/api/v1/me");
  expect(me.status(), `sign-in as ${email}`).toBe(200);
  return ctx;
}

export async function bearerContext(baseURL: string, token: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}
