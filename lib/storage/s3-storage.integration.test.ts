import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createS3Storage } from "@/lib/storage/s3-storage";
import { checkStorageContract } from "@/lib/storage/storage-contract";

// A real S3-compatible server (moto, installed by scripts/ensure-moto.sh), not a mock.
const bin = process.env.MOTO_SERVER_BIN ?? ".data/tools/moto/bin/moto_server";
const available = fs.existsSync(bin);
if (!available) console.warn(`SKIPPED S3 adapter test: ${bin} not found (run scripts/ensure-moto.sh).`);

const port = 19000 + (process.pid % 1000);
const endpoint = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
const creds = { accessKeyId: "test", secretAccessKey: "test" };

describe.runIf(available)("S3 storage against moto", () => {
  beforeAll(async () => {
    server = spawn(bin, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(endpoint).then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: creds });
    await client.send(new CreateBucketCommand({ Bucket: "cxr-test" }));
  });
  afterAll(() => {
    server?.kill();
  });

  it("meets the storage contract", async () => {
    const storage = createS3Storage({ bucket: "cxr-test", endpoint, region: "us-east-1", forcePathStyle: true, ...creds });
    await checkStorageContract(storage, "contract");
  });
});
