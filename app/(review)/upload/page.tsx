import { UploadPanel } from "@/components/studies/upload-panel";

export const metadata = { title: "Upload · CXR Review" };

export default function UploadPage() {
  return (
    <main className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Upload studies</h1>
      <UploadPanel />
    </main>
  );
}
