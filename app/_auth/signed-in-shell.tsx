import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requireRole } from "@/app/_auth/require-role";
import type { Role } from "@/lib/schemas/common";

// Layout body for every signed-in route group: guard first, then the header.
export async function SignedInShell({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const p = await requireRole(roles);
  return (
    <>
      <AppHeader name={p.name} role={p.role} />
      {/* Admins get a second header row (the admin pages); less padding keeps the full-height viewer on one screen. */}
      <div className={p.role === "admin" ? "px-6 py-4" : "px-6 py-6"}>{children}</div>
    </>
  );
}
