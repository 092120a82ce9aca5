import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { assertSafeKey, type Storage } from "@/lib/storage/storage";
import { sweepTempFiles, tempDirOf, tempPathFor } from "@/lib/storage/temp-files";

export function createLocalStorage(root: string): Storage {
  const resolve = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };
  return {
    kind: "local",
    async put(key, bytes) {
      const target = resolve(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.mkdir(tempDirOf(root), { recursive: true });
      // Write to a temporary name, then rename (same file system: atomic): readers never see a partial file, and a
      // writer killed mid-write leaves only a file in the temp folder, swept at the next start.
      const tmp = tempPathFor(root);
      try {
        await fs.writeFile(tmp, bytes);
        await fs.rename(tmp, target);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      }
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(resolve(key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not_found", "Stored file not found.");
        throw e;
      }
    },
    async exists(key) {
      return fs.access(resolve(key)).then(
        () => true,
        () => false,
      );
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true });
    },
    async ping() {
      await fs.mkdir(root, { recursive: true });
      await fs.access(root, fs.constants.W_OK);
    },
    sweepTemp: () => sweepTempFiles(root),
  };
}
