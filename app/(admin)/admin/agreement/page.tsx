import { AgreementView } from "@/components/admin/agreement-view";

export const metadata = { title: "Agreement · CXR Review" };

export default function AgreementPage() {
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Double-read agreement</h1>
      <AgreementView />
    </main>
  );
}
