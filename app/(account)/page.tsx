import Link from "next/link";
import { sessionPrincipal } from "@/lib/auth/current-principal";

export default async function HomePage() {
  const p = await sessionPrincipal();
  return (
    <main className="max-w-2xl space-y-4" data-testid="home">
      <h1 className="text-2xl font-semibold">Welcome, {p?.name}</h1>
      <p className="text-slate-400">
        The AI proposes findings; the reader decides. Every verdict is recorded with who made it and which model version was shown.
      </p>
      {p?.role === "admin" && (
        <p>
          <Link href="/admin/users" className="text-sky-400 underline">
            Manage users
          </Link>
        </p>
      )}
    </main>
  );
}
