"use client";

import { ExportForm } from "@/components/admin/export-form";
import { ExportList } from "@/components/admin/export-list";
import { ErrorText } from "@/components/ui/field";
import { useExports } from "@/components/admin/use-exports";

export function ExportsDashboard() {
  // Polls every second while an export is queued or running, so the progress bars move; idle otherwise.
  const { list } = useExports({ poll: true });
  return (
    <div className="space-y-6">
      <ExportForm />
      {list.isError && <ErrorText>{list.error.message}</ErrorText>}
      {list.isPending ? <p className="text-slate-400">Loading…</p> : <ExportList exports={list.data?.exports ?? []} />}
    </div>
  );
}
