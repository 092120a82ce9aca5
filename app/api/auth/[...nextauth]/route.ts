import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { requestIp } from "@/lib/auth/request-ip";
import { takeSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { env } from "@/lib/env";

export const runtime = "nodejs";

type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = NextAuth(authOptions) as (req: Request, ctx: Ctx) => Promise<Response>;

// GET /api/auth/* — next-auth (session, CSRF token, providers).
export { handler as GET };

// POST /api/auth/* — next-auth; a credentials sign-in is throttled per account and per address before any hashing.
export async function POST(req: Request, ctx: Ctx): Promise<Response> {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "");
    const wait = await takeSignInAttempt(email, requestIp(req.headers.get("x-forwarded-for")));
    if (wait !== null) {
      // Tarpit: a guessing loop that waits for answers is slowed to one try a second per connection, at no cost here.
      await new Promise((r) => setTimeout(r, env.SIGN_IN_REFUSAL_DELAY_MS));
      const message = `Too many sign-in attempts; try again in ${wait} s.`;
      // `url` keeps next-auth's client signIn() working: it reads the error from it.
      const url = `${new URL(req.url).origin}/sign-in?error=RateLimited`;
      return Response.json({ url, error: { code: "rate_limited", message } }, { status: 429, headers: { "Retry-After": String(wait) } });
    }
  }
  return handler(req, ctx);
}
