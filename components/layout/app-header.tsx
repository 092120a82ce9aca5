"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import type { Role } from "@/lib/schemas/common";

type NavItem = { href: string; label: string; roles: readonly Role[] };
const NAV: NavItem[] = [
  { href: "/", label: "Worklist", roles: ["radiologist", "annotator", "admin"] },
  { href: "/tasks", label: "Tasks", roles: ["radiologist", "annotator", "admin"] },
  { href: "/upload", label: "Upload", roles: ["radiologist", "admin"] },
  { href: "/admin/users", label: "Users", roles: ["admin"] },
  { href: "/admin/audit", label: "Audit", roles: ["admin"] },
  { href: "/admin/models", label: "Models", roles: ["admin"] },
  { href: "/admin/drift", label: "Drift", roles: ["admin"] },
  { href: "/admin/exports", label: "Exports", roles: ["admin"] },
  { href: "/admin/training", label: "Training", roles: ["admin"] },
  { href: "/admin/assignments", label: "Assignments", roles: ["admin"] },
  { href: "/admin/agreement", label: "Agreement", roles: ["admin"] },
  { href: "/settings/tokens", label: "API tokens", roles: ["radiologist", "annotator", "admin"] },
  { href: "/api-docs", label: "API", roles: ["radiologist", "annotator", "admin"] },
];

export function AppHeader({ name, role }: { name: string; role: Role }) {
  return (
    <header className="flex items-center gap-6 border-b border-slate-800 px-6 py-3">
      <span className="font-semibold">CXR Review</span>
      <nav className="flex gap-4 text-sm">
        {NAV.filter((n) => n.roles.includes(role)).map((n) => (
          <Link key={n.href} href={n.href} className="text-slate-300 hover:text-white">
            {n.label}
          </Link>
        ))}
      </nav>
      <span className="ml-auto text-sm text-slate-400" data-testid="current-user">
        {name} · {role}
      </span>
      <button
        onClick={() => signOut({ callbackUrl: "/sign-in" })}
        className="text-sm text-slate-300 underline hover:text-white"
        data-testid="sign-out"
      >
        Sign out
      </button>
    </header>
  );
}
