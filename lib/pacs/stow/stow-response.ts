import type { StowResponse } from "@/lib/schemas/stow";

// The STOW-RS response (PS3.18 §10.5.3): a DICOM JSON data set with the stored instances (Referenced SOP Sequence) and
// the failed ones (Failed SOP Sequence with a Failure Reason), and the HTTP status that summarises them.

export const FAILURE = {
  outOfResources: 0xa700, // refused, send again later (storage or database unavailable, or too large)
  doesNotMatch: 0xa900, // the instance is not of the study the request was addressed to
  cannotUnderstand: 0xc000, // not a DICOM file, or not an image the app can read
} as const;

export type StowItem =
  | { kind: "stored" | "duplicate"; sopClassUid: string; sopInstanceUid: string; retrieveUrl: string; studyRetrieveUrl: string }
  | { kind: "failed"; sopClassUid?: string; sopInstanceUid?: string; failureReason: number; message: string };

const ui = (v: string | undefined) => ({ vr: "UI" as const, ...(v ? { Value: [v] } : {}) });

export function stowResponse(items: StowItem[]): { status: number; body: StowResponse } {
  const held = items.filter((i): i is Extract<StowItem, { kind: "stored" | "duplicate" }> => i.kind !== "failed");
  const failed = items.filter((i): i is Extract<StowItem, { kind: "failed" }> => i.kind === "failed");
  const body: StowResponse = {};
  const studies = new Set(held.map((i) => i.studyRetrieveUrl));
  if (studies.size === 1) body["00081190"] = { vr: "UR", Value: [...studies] }; // RetrieveURL of the study
  if (held.length)
    body["00081199"] = {
      vr: "SQ",
      Value: held.map((i) => ({
        "00081150": ui(i.sopClassUid),
        "00081155": ui(i.sopInstanceUid),
        "00081190": { vr: "UR", Value: [i.retrieveUrl] },
      })),
    };
  if (failed.length)
    body["00081198"] = {
      vr: "SQ",
      Value: failed.map((i) => ({
        "00081150": ui(i.sopClassUid),
        "00081155": ui(i.sopInstanceUid),
        "00081197": { vr: "US", Value: [i.failureReason] },
      })),
    };
  return { status: stowStatus(held.length, failed), body };
}

// 200 all stored; 202 some stored, some failed; 409 none stored; 503 none stored only because storage was unavailable.
function stowStatus(held: number, failed: Extract<StowItem, { kind: "failed" }>[]): number {
  if (failed.length === 0) return held > 0 ? 200 : 400;
  if (held > 0) return 202;
  return failed.every((f) => f.failureReason === FAILURE.outOfResources) ? 503 : 409;
}
