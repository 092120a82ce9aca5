// The file-storage adapter: a local directory by default, S3-compatible object storage at scale.
export interface Storage {
  readonly kind: "local" | "s3";
  /** Writes the whole object or nothing (no half-written file is ever visible under `key`). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Throws AppError("not_found") when the key does not exist. */
  get(key: string): Promise<Uint8Array>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be reached or written (readiness); a cheap round trip, no object is written. */
  ping(): Promise<void>;
  /** Removes what writers killed mid-write left behind (run at start); returns how many files. */
  sweepTemp(): Promise<number>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9._\-/]{0,400}$/i;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..") || key.includes("//")) throw new Error(`unsafe storage key: ${key}`);
}
