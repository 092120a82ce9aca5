import Link from "next/link";
import { Suspense } from "react";
import { Worklist } from "@/components/studies/worklist";

export const metadata = { title: "Worklist · CXR Review" };

export default function WorklistPage() {
  return (
    <main className="space-y-4" data-testid="home">
      <div className="flex items-center gap-4">
        <h1 className="text-2xl font-semibold">Worklist</h1>
        <Link href="/upload" className="text-sm text-sky-400 underline">
          Upload studies
        </Link>
      </div>
      <Suspense>
        <Worklist />
      </Suspense>
    </main>
  );
}
