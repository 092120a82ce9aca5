import { log } from "@/lib/log";
import { registerReadinessCheck } from "@/lib/health/check-readiness";
import { dicomNodeOptionsFromEnv, startDicomNode, type DicomNode } from "@/lib/pacs/dicom-node/start-dicom-node";

// Starts the DICOM node from the environment; readiness says whether it listens (a taken port is a clear "not ready",
// not a crash of the web process). Used by the web process and by `npm run dicom-node`.
export async function startDicomNodeWithReadiness(): Promise<DicomNode | null> {
  const o = dicomNodeOptionsFromEnv();
  try {
    const node = await startDicomNode(o);
    registerReadinessCheck("dicomNode", async () => ({ ok: true, detail: `${node.aeTitle} on port ${node.port}` }));
    return node;
  } catch (e) {
    const detail = `DICOM port ${o.port} unavailable: ${(e as Error).message}`;
    log.error("dicom node did not start", { port: o.port, error: (e as Error).message });
    registerReadinessCheck("dicomNode", async () => ({ ok: false, detail }));
    return null;
  }
}
