import { requireRole } from "@/app/_auth/require-role";
import { UploadPanel } from "@/components/studies/upload-panel";

export const metadata = { title: "Upload · CXR Review" };

// Annotators label what they are assigned; only readers and admins bring in studies (the API says the same).
export default async function UploadPage() {
  await requireRole(["radiologist", "admin"]);
  return (
    <main className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Upload studies</h1>
      <UploadPanel />
    </main>
  );
}
