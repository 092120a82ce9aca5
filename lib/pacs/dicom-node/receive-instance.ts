import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { Actor } from "@/lib/audit/record-audit";
import { ingestFile } from "@/lib/studies/ingest-file";
import type { Peer, ReceivedInstance } from "@/lib/pacs/dicom-node/scp";
import { outcomeOfFailure, outcomeOfIngest, outcomeTooLarge, type StoreOutcome } from "@/lib/pacs/dicom-node/store-status";
import { wrapPart10 } from "@/lib/pacs/dicom-node/wrap-part10";

// Who sent it, for the audit trail: the calling AE title and the peer address (there is no user on a DIMSE link).
export const dicomActor = (peer: Peer): Actor => ({ id: null, email: `dicom:${peer.callingAeTitle}@${peer.address}` });

// One C-STORE: the data set becomes a Part 10 file and goes through the same ingest as an upload (validation, full
// decode, duplicates, the predict job in the same transaction). Never throws: every path ends in a DICOM status.
export async function receiveInstance(
  peer: Peer,
  instance: ReceivedInstance,
  maxInstanceBytes = env.MAX_UPLOAD_MB * 1e6,
): Promise<StoreOutcome> {
  if (!instance.dataset) return outcomeTooLarge(maxInstanceBytes / 1e6);
  try {
    const file = wrapPart10({ ...instance, sourceAeTitle: peer.callingAeTitle }, instance.dataset);
    const result = await ingestFile(dicomActor(peer), `${instance.sopInstanceUid}.dcm`, file);
    return outcomeOfIngest(result);
  } catch (e) {
    // Storage or database down: refused, not acknowledged, so the sender keeps the instance and tries again.
    log.error("dicom node: instance not stored", { callingAe: peer.callingAeTitle, error: e instanceof Error ? e.message : String(e) });
    return outcomeOfFailure();
  }
}
