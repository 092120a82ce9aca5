import { z } from "zod";

// The job types of lib/pacs, apart from their handlers so that enqueuers do not import the retrieve code.
export const PACS_PULL = "pacs.pull";
export const PACS_POLL = "pacs.poll";
export const pacsPullPayloadSchema = z.object({ pullId: z.string().min(1).max(64) }).strict();
export const pacsPollPayloadSchema = z.object({ connectionId: z.string().min(1).max(64) }).strict();
