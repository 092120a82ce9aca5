"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { collectDroppedFiles, uploadOne } from "@/components/studies/collect-dropped-files";
import type { IngestResult } from "@/lib/schemas/study";

type Row = {
  name: string;
  size: number;
  progress: number;
  state: "queued" | "uploading" | IngestResult["status"] | "failed";
  message?: string;
  studyId?: string;
};
const CONCURRENCY = 2;

export function UploadPanel() {
  const [rows, setRows] = useState<Row[]>([]);
  const [hover, setHover] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const qc = useQueryClient();
  const patch = (i: number, p: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));

  async function start(files: File[]) {
    const offset = rows.length;
    setRows((rs) => [
      ...rs,
      ...files.map((f) => ({ name: f.webkitRelativePath || f.name, size: f.size, progress: 0, state: "queued" as const })),
    ]);
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        patch(offset + i, { state: "uploading" });
        try {
          const { status, body } = await uploadOne(files[i]!, (p) => patch(offset + i, { progress: p.total ? p.loaded / p.total : 0 }));
          const r = (body as { results?: IngestResult[] } | null)?.results?.[0];
          const err = (body as { error?: { message: string } } | null)?.error;
          if (r) patch(offset + i, { state: r.status, progress: 1, message: r.error?.message, studyId: r.studyId });
          else patch(offset + i, { state: "failed", message: err?.message ?? `HTTP ${status}` });
        } catch (e) {
          patch(offset + i, { state: "failed", message: (e as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await qc.invalidateQueries({ queryKey: ["worklist"] });
  }

  async function onDrop(e: DragEvent) {
    e.preventDefault();
    setHover(false);
    await start(await collectDroppedFiles(e.dataTransfer));
  }

  return (
    <div className="space-y-4">
      <div
        onDragOver={(e) => (e.preventDefault(), setHover(true))}
        onDragLeave={() => setHover(false)}
        onDrop={onDrop}
        onClick={() => input.current?.click()}
        className={`cursor-pointer rounded-lg border-2 border-dashed p-10 text-center ${hover ? "border-sky-400 bg-sky-950/30" : "border-slate-700"}`}
        data-testid="upload-dropzone"
      >
        <p>Drop DICOM, PNG or JPEG files or whole folders here, or click to choose files.</p>
        <p className="mt-1 text-sm text-slate-400">Each file is checked completely; a duplicate SOP Instance UID is stored once.</p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="upload-input"
          onChange={(e) => e.target.files && start(Array.from(e.target.files))}
        />
      </div>
      {rows.length > 0 && (
        <table className="w-full text-left text-sm [&_td]:pr-4" data-testid="upload-results">
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className="border-t border-slate-800" data-testid="upload-row" data-state={r.state}>
                <td className="break-all py-1.5">{r.name}</td>
                <td className="w-48">
                  <div className="h-1.5 rounded bg-slate-800">
                    <div className="h-1.5 rounded bg-sky-500" style={{ width: `${Math.round(r.progress * 100)}%` }} />
                  </div>
                </td>
                <td className="w-28">{r.state}</td>
                <td className="text-slate-400">
                  {/* a conflict has both: why it was refused, and the stored study it collides with */}
                  {r.message}
                  {r.message && r.studyId ? " " : null}
                  {r.studyId ? (
                    <Link className="text-sky-400 underline" href={`/studies/${r.studyId}`}>
                      open
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
