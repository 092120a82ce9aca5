// `npm run dicom-node`: the app's DICOM node (C-STORE / C-ECHO SCP) as its own process, for deployments whose web
// process runs with JOBS_IN_PROCESS=false. Received studies are queued for `npm run worker` like uploads.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { dicomNodeOptionsFromEnv, startDicomNode } from "@/lib/pacs/dicom-node/start-dicom-node";
import { registerJobHandlers } from "@/lib/server/job-handlers";

// Received studies are enqueued (predict.study): enqueue checks the type against the registry.
registerJobHandlers();

const node = await startDicomNode(dicomNodeOptionsFromEnv()).catch((e: Error) => {
  log.error("dicom node did not start", { error: e.message });
  process.exit(1);
});
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, async () => {
    await node.close();
    await getJobQueue().close();
    await db.$disconnect();
    process.exit(0);
  });
