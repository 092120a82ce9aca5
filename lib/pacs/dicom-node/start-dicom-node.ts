import dcmjsDimse from "dcmjs-dimse";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { recordAudit } from "@/lib/audit/record-audit";
import { dicomActor, receiveInstance } from "@/lib/pacs/dicom-node/receive-instance";
import { scpClass, type Peer } from "@/lib/pacs/dicom-node/scp";
import type { NodeIdentity } from "@/lib/pacs/dicom-node/negotiate";
import type { StoreOutcome } from "@/lib/pacs/dicom-node/store-status";

export type DicomNodeOptions = NodeIdentity & { port: number; timeoutSeconds: number; maxInstanceBytes: number };
export type DicomNode = { port: number; aeTitle: string; close(): Promise<void> };

export const dicomNodeOptionsFromEnv = (): DicomNodeOptions => ({
  port: env.DICOM_PORT,
  aeTitle: env.DICOM_AE_TITLE,
  allowedAets: env.DICOM_ALLOWED_AETS,
  timeoutSeconds: env.DICOM_TIMEOUT_S,
  maxInstanceBytes: env.MAX_UPLOAD_MB * 1e6,
});

// dcmjs-dimse logs every PDU (with AE titles) through loglevel: only its errors, and only when we debug.
dcmjsDimse.log.setLevel(env.LOG_LEVEL === "debug" ? "error" : "silent");

const audit = (peer: Peer, action: string, details: Record<string, unknown>) =>
  recordAudit(db, {
    actor: dicomActor(peer),
    action,
    targetType: "dicom_node",
    ip: peer.address,
    details: { callingAeTitle: peer.callingAeTitle, calledAeTitle: peer.calledAeTitle, ...details },
  }).catch((e) => log.error("dicom node: audit failed", { error: (e as Error).message }));

// One audit event per association: who (AE, address), what (counts, the studies touched), result (failures' reasons).
function summarise(peer: Peer, outcomes: StoreOutcome[]) {
  if (outcomes.length === 0) return; // C-ECHO only: a connectivity check, nothing to keep
  const count = (r: StoreOutcome["result"]) => outcomes.filter((o) => o.result === r).length;
  const details = {
    instances: outcomes.length,
    stored: count("stored"),
    duplicates: count("duplicate"),
    failed: outcomes.length - count("stored") - count("duplicate"),
    studyIds: [...new Set(outcomes.map((o) => o.studyId).filter(Boolean))],
    failures: outcomes
      .filter((o) => o.status !== 0)
      .slice(0, 20)
      .map((o) => ({ status: `0x${o.status.toString(16).toUpperCase()}`, reason: o.comment })),
  };
  log.info("dicom node: association ended", { callingAe: peer.callingAeTitle, ...details, failures: undefined });
  void audit(peer, "dicom.association", details);
}

// The app as a DICOM node: C-ECHO and C-STORE SCP (dcmjs-dimse), in the web process or `npm run dicom-node`.
export function startDicomNode(o: DicomNodeOptions): Promise<DicomNode> {
  const server = new dcmjsDimse.Server(
    scpClass({
      identity: { aeTitle: o.aeTitle, allowedAets: o.allowedAets },
      maxInstanceBytes: o.maxInstanceBytes,
      store: (peer, instance) => receiveInstance(peer, instance, o.maxInstanceBytes),
      rejected: (peer, reason) => {
        log.warn("dicom node: association rejected", { callingAe: peer.callingAeTitle, calledAe: peer.calledAeTitle, reason });
        void audit(peer, "dicom.association_rejected", { reason });
      },
      ended: summarise,
    }),
  );
  return new Promise((resolve, reject) => {
    let listening = false;
    server.on("networkError", (e: Error) => {
      if (!listening) return reject(e);
      log.warn("dicom node: network error", { error: e.message }); // one association failed; the node keeps serving
    });
    server.on("listening", () => {
      listening = true;
      const inner = (server as unknown as { server: import("node:net").Server }).server;
      const port = (inner.address() as import("node:net").AddressInfo).port;
      log.info("dicom node listening", { port, aeTitle: o.aeTitle, allowedAets: o.allowedAets.length ? o.allowedAets : "any" });
      resolve({ port, aeTitle: o.aeTitle, close: async () => server.close() });
    });
    const ms = o.timeoutSeconds * 1000;
    server.listen(o.port, { connectTimeout: ms, associationTimeout: ms, pduTimeout: ms });
  });
}
