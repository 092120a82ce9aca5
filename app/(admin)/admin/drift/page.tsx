import { DriftDashboard } from "@/components/admin/drift-dashboard";

export const metadata = { title: "Drift · CXR Review" };

export default function DriftPage() {
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Drift monitoring</h1>
      <DriftDashboard />
    </main>
  );
}
