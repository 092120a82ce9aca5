import { PacsAdmin } from "@/components/admin/pacs/pacs-admin";
import { requireRole } from "@/app/_auth/require-role";

export const metadata = { title: "PACS · CXR Review" };

export default async function PacsPage() {
  await requireRole(["admin"]);
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">PACS connections</h1>
      <p className="max-w-3xl text-sm text-slate-400">
        Where studies are searched and pulled from (QIDO-RS / WADO-RS), polled by auto-pull, and where signed-off results are sent. Secrets
        are write-only.
      </p>
      <PacsAdmin />
    </main>
  );
}
