import type { Box, Impression, ReviewOperation } from "@/lib/schemas/review";

// The autosave queue: verdicts wait here until the next debounced PATCH. Consecutive changes to one box are
// merged so a drag sends one edit, and a box added and changed before it was saved is sent as one add.
// Boxes added locally carry a temporary id ("tmp-…") until the server answers with the real one.

export type LocalAdd = { op: "add"; tempId: string; box: Box; className: string; instanceId?: string; frame?: number };
export type LocalOperation = Exclude<ReviewOperation, { op: "add" }> | LocalAdd;

export interface SaveQueue {
  ops: LocalOperation[];
  impression?: Impression | null; // undefined: unchanged
}

export const EMPTY_QUEUE: SaveQueue = { ops: [] };
export const MAX_BATCH = 500; // the save body schema's limit

export const isTempId = (id: string) => id.startsWith("tmp-");
let counter = 0;
export const newTempId = () => `tmp-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** The box an operation is about: "f:<findingId>" or "l:<labelId or tempId>". */
export function targetOf(op: LocalOperation): string {
  if (op.op === "add") return `l:${op.tempId}`;
  return "findingId" in op && op.findingId !== undefined ? `f:${op.findingId}` : `l:${(op as { labelId: string }).labelId}`;
}

const isVerdict = (op: LocalOperation) => op.op === "accept" || op.op === "reject";

export function enqueue(q: SaveQueue, op: LocalOperation): SaveQueue {
  const target = targetOf(op);
  let lastIndex = -1;
  q.ops.forEach((o, i) => void (targetOf(o) === target && (lastIndex = i)));
  const last = lastIndex >= 0 ? q.ops[lastIndex]! : null;
  const replace = (next: LocalOperation) => ({ ...q, ops: q.ops.map((o, i) => (i === lastIndex ? next : o)) });

  if (last?.op === "add" && op.op === "edit")
    return replace({ ...last, box: op.box ?? last.box, className: op.className ?? last.className });
  if (op.op === "delete" && q.ops.some((o) => o.op === "add" && targetOf(o) === target)) {
    return { ...q, ops: q.ops.filter((o) => targetOf(o) !== target) }; // never saved: nothing to delete
  }
  if (last?.op === "edit" && op.op === "edit") {
    return replace({ ...last, ...(op.box ? { box: op.box } : {}), ...(op.className !== undefined ? { className: op.className } : {}) });
  }
  if (last && isVerdict(last) && isVerdict(op)) return replace(op);
  return { ...q, ops: [...q.ops, op] };
}

export function setImpression(q: SaveQueue, impression: Impression | null): SaveQueue {
  return { ...q, impression };
}

export const isEmpty = (q: SaveQueue) => q.ops.length === 0 && q.impression === undefined;

/**
 * The next batch to send and what stays queued. Operations on a temporary id whose add is not in this batch
 * (its save failed) cannot be sent and are dropped.
 */
export function takeBatch(q: SaveQueue): { batch: LocalOperation[]; impression?: Impression | null; rest: SaveQueue } {
  const batch = q.ops.slice(0, MAX_BATCH);
  const added = new Set(batch.filter((o) => o.op === "add").map(targetOf));
  const sendable = batch.filter((o) => o.op === "add" || !targetOf(o).startsWith("l:tmp-") || added.has(targetOf(o)));
  return { batch: sendable, impression: q.impression, rest: { ops: q.ops.slice(MAX_BATCH) } };
}

/** The wire format of the save body (temporary ids stripped). */
export function toWire(batch: readonly LocalOperation[]): ReviewOperation[] {
  return batch.map((o) => {
    if (o.op !== "add") return o;
    return {
      op: "add",
      box: o.box,
      className: o.className,
      ...(o.instanceId !== undefined ? { instanceId: o.instanceId } : {}),
      ...(o.frame !== undefined ? { frame: o.frame } : {}),
    };
  });
}

/** After a save: temporary ids of the batch's adds → the label ids the server gave them (results are per operation, in order). */
export function tempIdMap(batch: readonly LocalOperation[], results: readonly { labelId: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  batch.forEach((o, i) => {
    if (o.op === "add" && results[i]) map.set(o.tempId, results[i]!.labelId);
  });
  return map;
}

/** Rewrites queued operations that referred to a box by its temporary id. */
export function resolveTempIds(q: SaveQueue, map: ReadonlyMap<string, string>): SaveQueue {
  if (map.size === 0) return q;
  return {
    ...q,
    ops: q.ops.map((o) => ("labelId" in o && o.labelId !== undefined && map.has(o.labelId) ? { ...o, labelId: map.get(o.labelId)! } : o)),
  };
}
