import { expect } from "vitest";
import type { Storage } from "@/lib/storage/storage";

// The behaviour every storage adapter must show; run against local disk and a real S3-compatible server.
export async function checkStorageContract(storage: Storage, prefix: string): Promise<void> {
  const key = `${prefix}/a/b/object.bin`;
  await storage.ping(); // reachable and writable
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
  expect(await storage.exists(key)).toBe(false);
  await storage.put(key, bytes, "application/octet-stream");
  expect(await storage.exists(key)).toBe(true);
  expect(Buffer.from(await storage.get(key)).equals(Buffer.from(bytes))).toBe(true);
  await storage.put(key, Uint8Array.of(1, 2, 3), "application/octet-stream");
  expect(Array.from(await storage.get(key))).toEqual([1, 2, 3]);
  await storage.delete(key);
  expect(await storage.exists(key)).toBe(false);
  await expect(storage.get(key)).rejects.toMatchObject({ code: "not_found" });
  await storage.delete(key); // deleting twice is fine
  await expect(storage.put("../escape", bytes, "x")).rejects.toThrow(/unsafe/);
}
