import { z } from "zod";

// The one body of every 4xx and 5xx answer (lib/api/errors.ts): a stable code, a message for people, zod issues or
// other reasons in details, and for 5xx a request id to find the server log line.
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code, e.g. not_found, validation_failed, conflict"),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string().optional().describe("On 5xx: the id of the server's log line"),
    }),
  })
  .meta({ id: "Error" });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
