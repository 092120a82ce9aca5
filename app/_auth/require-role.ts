import { forbidden, redirect } from "next/navigation";
import { sessionPrincipal } from "@/lib/auth/current-principal";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/schemas/common";

// Server-side page guard: no session → sign-in; wrong role → the 403 page.
export async function requireRole(roles?: readonly Role[]): Promise<Principal> {
  const principal = await sessionPrincipal();
  if (!principal) redirect("/sign-in");
  if (roles && !roles.includes(principal.role)) forbidden();
  return principal;
}
