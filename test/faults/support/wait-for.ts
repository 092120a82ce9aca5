/** Polls `probe` every 100 ms until it returns something truthy; throws naming `what` after `ms`. */
export async function waitFor<T>(what: string, ms: number, probe: () => T | undefined | null | false): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
