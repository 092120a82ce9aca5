"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import type { Role } from "@/lib/schemas/common";

type NavItem = { href: string; label: string; roles: readonly Role[] };
type NavGroup = { label: string; items: NavItem[] };

const EVERYONE: readonly Role[] = ["radiologist", "annotator", "admin"];
const READING: NavItem[] = [
  { href: "/", label: "Worklist", roles: EVERYONE },
  { href: "/tasks", label: "Tasks", roles: EVERYONE },
  { href: "/upload", label: "Upload", roles: ["radiologist", "admin"] },
];
// Admin pages on a second row, grouped by what the admin is looking after.
const ADMIN: NavGroup[] = [
  {
    label: "People",
    items: [
      { href: "/admin/users", label: "Users", roles: ["admin"] },
      { href: "/admin/audit", label: "Audit", roles: ["admin"] },
    ],
  },
  {
    label: "Reading tasks",
    items: [
      { href: "/admin/assignments", label: "Assignments", roles: ["admin"] },
      { href: "/admin/agreement", label: "Agreement", roles: ["admin"] },
    ],
  },
  {
    label: "Model",
    items: [
      { href: "/admin/models", label: "Models", roles: ["admin"] },
      { href: "/admin/drift", label: "Drift", roles: ["admin"] },
      { href: "/admin/exports", label: "Exports", roles: ["admin"] },
      { href: "/admin/training", label: "Training", roles: ["admin"] },
    ],
  },
  { label: "Integration", items: [{ href: "/admin/pacs", label: "PACS", roles: ["admin"] }] },
];
const ACCOUNT: NavItem[] = [
  { href: "/settings/tokens", label: "API tokens", roles: EVERYONE },
  { href: "/api-docs", label: "API", roles: EVERYONE },
];

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" || pathname.startsWith("/studies/") : pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({ items, role, pathname }: { items: NavItem[]; role: Role; pathname: string }) {
  return items
    .filter((n) => n.roles.includes(role))
    .map((n) => {
      const active = isActive(pathname, n.href);
      return (
        <Link
          key={n.href}
          href={n.href}
          aria-current={active ? "page" : undefined}
          className={active ? "text-white underline underline-offset-4" : "text-slate-300 hover:text-white"}
        >
          {n.label}
        </Link>
      );
    });
}

export function AppHeader({ name, role }: { name: string; role: Role }) {
  const pathname = usePathname() ?? "/";
  return (
    <header className="border-b border-slate-800">
      <div className="flex items-center gap-6 px-6 py-3">
        <span className="font-semibold">CXR Review</span>
        <nav className="flex gap-4 text-sm" aria-label="Reading">
          <NavLinks items={READING} role={role} pathname={pathname} />
        </nav>
        <nav className="ml-auto flex gap-4 text-sm" aria-label="Account">
          <NavLinks items={ACCOUNT} role={role} pathname={pathname} />
        </nav>
        <span className="text-sm text-slate-400" data-testid="current-user">
          {name} · {role}
        </span>
        <button
          onClick={() => signOut({ callbackUrl: "/sign-in" })}
          className="text-sm text-slate-300 underline hover:text-white"
          data-testid="sign-out"
        >
          Sign out
        </button>
      </div>
      {role === "admin" && (
        <nav
          className="flex flex-wrap items-center gap-x-6 gap-y-1 border-t border-slate-800/60 bg-slate-950/60 px-6 py-1.5 text-sm"
          aria-label="Admin"
          data-testid="admin-nav"
        >
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-400">Admin</span>
          {ADMIN.map((g) => (
            <span key={g.label} className="flex items-center gap-3">
              <span className="text-xs text-slate-400">{g.label}</span>
              <NavLinks items={g.items} role={role} pathname={pathname} />
            </span>
          ))}
        </nav>
      )}
    </header>
  );
}
