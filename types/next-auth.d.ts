import type { Role } from "@/lib/schemas/common";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null };
    sid?: string; // the AuthSession row (an opaque id; the signed JWT is the credential)
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    sid?: string;
  }
}
