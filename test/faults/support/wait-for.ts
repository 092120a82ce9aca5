type Falsy = undefined | null | false;

/** Polls `probe` (sync or async; a throw counts as "not yet") every 100 ms until it returns something truthy; throws
 *  naming `what` after `ms`. */
export async function waitFor<T>(what: string, ms: number, probe: () => T | Falsy | Promise<T | Falsy>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
