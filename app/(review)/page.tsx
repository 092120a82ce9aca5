import Link from "next/link";
import { Suspense } from "react";
import { requireRole } from "@/app/_auth/require-role";
import { Worklist } from "@/components/studies/worklist";
import { PacsSearchToggle } from "@/components/pacs/pacs-search-toggle";

export const metadata = { title: "Worklist · CXR Review" };

export default async function WorklistPage() {
  const { role } = await requireRole();
  return (
    <main className="space-y-4" data-testid="home">
      <div className="flex items-center gap-4">
        <h1 className="text-2xl font-semibold">Worklist</h1>
        {role !== "annotator" && (
          <Link href="/upload" className="text-sm text-sky-400 underline">
            Upload studies
          </Link>
        )}
      </div>
      {role !== "annotator" && <PacsSearchToggle />}
      <Suspense>
        <Worklist canRerun={role === "admin"} />
      </Suspense>
    </main>
  );
}
