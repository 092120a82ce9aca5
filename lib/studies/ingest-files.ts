import type { Actor } from "@/lib/audit/record-audit";
import type { UploadedFile } from "@/lib/api/read-multipart";
import type { IngestResult } from "@/lib/schemas/study";
import { ingestFile } from "@/lib/studies/ingest-file";

// Files are ingested one at a time (bounded memory); one bad file never stops the others.
export async function ingestFiles(actor: Actor, files: UploadedFile[]): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const f of files) results.push(await ingestFile(actor, f.name, f.bytes));
  return results;
}

const STATUS_OF_CODE: Record<string, number> = { payload_too_large: 413, unsupported_media_type: 415, bad_request: 400, conflict: 409 };

// One status for the whole request, the per-file results say the rest (README "Uploading studies"): 201 when every file
// was stored or a duplicate and at least one stored, 200 when all were duplicates, 207 when some were refused and others
// not, and when every file was refused the first refusal's status (409 conflict, 413, 415, 400, else 422).
export function ingestHttpStatus(results: IngestResult[]): number {
  const refused = results.filter((r) => r.status === "rejected").length;
  if (refused === 0) return results.some((r) => r.status === "stored") ? 201 : 200;
  if (refused < results.length) return 207;
  return STATUS_OF_CODE[results[0]?.error?.code ?? ""] ?? 422;
}
