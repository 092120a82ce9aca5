import { AuditTable } from "@/components/admin/audit-table";

export const metadata = { title: "Audit trail · CXR Review" };

export default function AuditPage() {
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit trail</h1>
      <AuditTable />
    </main>
  );
}
