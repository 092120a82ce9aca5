import type { Role } from "@/lib/schemas/common";

// Who is calling: a signed-in person (session) or a machine client holding one of that person's API tokens.
export type Principal = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token";
  tokenId?: string;
  sessionId?: string; // the AuthSession row of a browser session
  scopes?: string[];
};

export function actorOf(p: Principal) {
  return { id: p.userId, email: p.email, role: p.role };
}
