import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";

// A streaming zip (fflate): each entry is compressed and emitted as it is added, so its input can be freed at once.
// PNGs are stored as they are (already compressed); text is deflated.
export function createZipWriter() {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else {
      chunks.push(chunk);
      if (final) ended = true;
    }
  });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    add(name: string, data: Uint8Array, compress = false) {
      const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      zip.add(entry);
      entry.push(data, true);
      check();
    },
    addText(name: string, text: string) {
      this.add(name, strToU8(text), true);
    },
    finish(): Uint8Array {
      zip.end();
      check();
      if (!ended) throw new Error("zip did not finish");
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
  };
}
