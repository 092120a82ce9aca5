import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createAuthSession, revokeAuthSession, SESSION_MAX_AGE_S } from "@/lib/auth/auth-sessions";
import { requestIp } from "@/lib/auth/request-ip";
import type { Role } from "@/lib/schemas/common";

// The one next-auth configuration. The JWT names a server-side AuthSession row; every request re-reads that row and
// its user, so sign-out, a password change, disabling and a role change end the session at once.
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  useSecureCookies: env.SECURE_COOKIES,
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const fwd = req?.headers?.["x-forwarded-for"];
        return verifyCredentials(credentials, requestIp(Array.isArray(fwd) ? fwd.join(",") : fwd));
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: Role }).role;
        token.sid = await createAuthSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? "";
        session.user.role = token.role as Role;
      }
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    // Sign-out ends this session on the server too: a copy of the cookie is worthless afterwards.
    async signOut({ token }) {
      if (!token?.sid) return;
      await revokeAuthSession(token.sid, "sign_out");
      if (token.sub)
        await recordAudit(db, {
          actor: { id: token.sub, email: token.email ?? null },
          action: "auth.sign_out",
          targetType: "user",
          targetId: token.sub,
        });
    },
  },
};
