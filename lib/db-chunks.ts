/** Ids per `IN (...)` query: below SQLite's bound-parameter limit, with room for a query's other parameters. */
export const ID_CHUNK = 400;

/** Runs `load` on slices of `ids` and concatenates the results (for id lists of any length). */
export async function inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) out.push(...(await load(ids.slice(i, i + ID_CHUNK))));
  return out;
}
