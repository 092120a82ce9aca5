import { TrainingDashboard } from "@/components/admin/training-dashboard";

export const metadata = { title: "Retraining · CXR Review" };

export default function TrainingPage() {
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Retraining</h1>
      <p className="max-w-3xl text-sm text-slate-400">
        Train a YOLO11 on an export of the readers&apos; labels with the Python training worker. The new model is registered (stage
        &quot;registered&quot;) with its model card and validation mAP; it serves nobody until an admin stages it.
      </p>
      <TrainingDashboard />
    </main>
  );
}
