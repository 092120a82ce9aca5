import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { zipTritonRepo } from "@/lib/inference/triton-repo";
import { buildTritonRepo } from "@/lib/models/build-triton-repo";
import type { TritonRepoOptions } from "@/lib/schemas/triton-repo";

// The admin download: one version's Triton repository as a zip, audited (who took which model file out).
export async function downloadTritonRepo(actor: Actor, versionId: string, options: TritonRepoOptions): Promise<{ zip: Uint8Array; fileName: string }> {
  const repo = await buildTritonRepo({ versionIds: [versionId] }, options);
  const v = repo.versions[0]!;
  const zip = zipTritonRepo(repo.files);
  await recordAudit(db, {
    actor,
    action: "model.triton_repo_downloaded",
    targetType: "model_version",
    targetId: v.id,
    details: { name: v.name, version: v.version, sha256: v.sha256, tritonName: v.tritonName, kind: options.kind, tensorrt: options.tensorrt },
  });
  return { zip, fileName: `triton-${v.tritonName}.zip` };
}
