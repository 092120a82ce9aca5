import { ModelRegistry } from "@/components/admin/models/model-registry";

export const metadata = { title: "Models · CXR Review" };

export default function ModelsPage() {
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Models</h1>
      <p className="text-sm text-slate-400">AI suggestions only: readers decide. Versions are evaluated on held-out signed-off reviews and judged live by reader verdicts.</p>
      <ModelRegistry />
    </main>
  );
}
