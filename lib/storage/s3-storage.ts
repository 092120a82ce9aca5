import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { AppError } from "@/lib/errors";
import { assertSafeKey, type Storage } from "@/lib/storage/storage";

export type S3Options = {
  bucket: string;
  endpoint?: string; // MinIO, Ceph, moto… ; AWS when omitted
  region: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
};

function isMissing(e: unknown): boolean {
  const name = (e as { name?: string }).name;
  return (
    name === "NoSuchKey" || name === "NotFound" || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
  );
}

// S3 PUT is atomic per object: a failed upload leaves no object behind.
export function createS3Storage(o: S3Options): Storage {
  const client = new S3Client({
    region: o.region,
    endpoint: o.endpoint,
    forcePathStyle: o.forcePathStyle,
    credentials: o.accessKeyId && o.secretAccessKey ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } : undefined,
  });
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      assertSafeKey(key);
      await client.send(new PutObjectCommand({ Bucket: o.bucket, Key: key, Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      assertSafeKey(key);
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: key }));
        return await r.Body!.transformToByteArray();
      } catch (e) {
        if (isMissing(e)) throw new AppError("not_found", "Stored file not found.");
        throw e;
      }
    },
    async exists(key) {
      assertSafeKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket: o.bucket, Key: key }));
        return true;
      } catch (e) {
        if (isMissing(e)) return false;
        throw e;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: o.bucket, Key: key }));
    },
    async ping() {
      await client.send(new HeadBucketCommand({ Bucket: o.bucket }));
    },
    // One PutObject per file (no multipart upload is ever started), so an interrupted write leaves nothing to sweep.
    sweepTemp: async () => 0,
  };
}
