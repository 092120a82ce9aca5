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

const STATUS_OF_CODE: Record<string, number> = { payload_too_large: 413, unsupported_media_type: 415, bad_request: 400 };

// 200 when anything was stored or recognised; when every file was rejected, the first reason's status (422 otherwise).
export function ingestHttpStatus(results: IngestResult[]): number {
  if (results.some((r) => r.status !== "rejected")) return results.some((r) => r.status === "stored") ? 201 : 200;
  return STATUS_OF_CODE[results[0]?.error?.code ?? ""] ?? 422;
}
