import path from "node:path";
import { env } from "@/lib/env";
import { createLocalStorage } from "@/lib/storage/local-storage";
import type { Storage } from "@/lib/storage/storage";

let instance: Storage | undefined;

// One storage per process, chosen by STORAGE_DRIVER.
export async function getStorage(): Promise<Storage> {
  if (instance) return instance;
  if (env.STORAGE_DRIVER === "s3") {
    const { createS3Storage } = await import("@/lib/storage/s3-storage");
    if (!env.S3_BUCKET) throw new Error("STORAGE_DRIVER=s3 needs S3_BUCKET");
    instance = createS3Storage({
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    });
  } else {
    instance = createLocalStorage(path.join(env.DATA_DIR, "files"));
  }
  return instance;
}
