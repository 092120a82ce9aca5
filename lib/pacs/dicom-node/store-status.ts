import type { IngestResult } from "@/lib/schemas/study";

// C-STORE response statuses (PS3.4 Annex B.2.3 and PS3.7 Annex C).
export const STORE_STATUS = {
  success: 0x0000,
  outOfResources: 0xa700, // refused: the SCU may send again later
  cannotUnderstand: 0xc000, // error: the data set was read but is not an image the app can take
} as const;

export type StoreOutcome = { status: number; comment?: string; result: IngestResult["status"] | "error" | "too_large"; studyId?: string };

// Error Comment (0000,0902) is an LO: at most 64 characters, no backslash or control characters.
export function errorComment(text: string): string {
  const clean = text.replace(/[\\\x00-\x1f\x7f]/g, " ").trim();
  return clean.length <= 64 ? clean : clean.slice(0, 61) + "...";
}

// The ingest service decides: stored and duplicate (already held, same SOP Instance UID) are success to the sender;
// a too-large file is refused (out of resources); any other rejection is an error with the ingest's reason.
export function outcomeOfIngest(r: IngestResult): StoreOutcome {
  if (r.status === "stored" || r.status === "duplicate") return { status: STORE_STATUS.success, result: r.status, studyId: r.studyId };
  const message = r.error?.message ?? "The instance was refused.";
  if (r.error?.code === "payload_too_large")
    return { status: STORE_STATUS.outOfResources, comment: errorComment(message), result: "too_large" };
  return { status: STORE_STATUS.cannotUnderstand, comment: errorComment(message), result: "rejected" };
}

// The data set went over MAX_UPLOAD_MB while it streamed in: nothing was kept.
export function outcomeTooLarge(maxMb: number): StoreOutcome {
  return { status: STORE_STATUS.outOfResources, comment: errorComment(`Instance larger than ${maxMb} MB`), result: "too_large" };
}

// Storage or database unavailable: refused, so the sender keeps the instance and retries; nothing was acknowledged.
export function outcomeOfFailure(): StoreOutcome {
  return { status: STORE_STATUS.outOfResources, comment: "Storage temporarily unavailable; send again later", result: "error" };
}
