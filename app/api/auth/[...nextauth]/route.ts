import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

export const runtime = "nodejs";

// GET|POST /api/auth/* — next-auth (credentials sign-in, session, sign-out, CSRF).
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
