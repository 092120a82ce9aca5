import { ExportsDashboard } from "@/components/admin/exports-dashboard";

export const metadata = { title: "Exports · CXR Review" };

export default function ExportsPage() {
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Dataset exports</h1>
      <p className="max-w-3xl text-sm text-slate-400">
        Readers&apos; verdicts as a training set: accepted, edited and added boxes (rejected AI suggestions are not objects), split by
        patient, de-identified (images are named img_000001…; the mapping stays in the app). The YOLO format is what the training
        worker&apos;s
        <code className="mx-1">cxr-train train</code> reads.
      </p>
      <ExportsDashboard />
    </main>
  );
}
