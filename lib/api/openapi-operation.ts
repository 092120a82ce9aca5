import type { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiRequestBodyObject, ZodOpenApiResponseObject } from "zod-openapi";
import { statusOfCode } from "@/lib/api/errors";
import type { AppErrorCode } from "@/lib/errors";
import type { Role } from "@/lib/schemas/common";
import type { TokenScope } from "@/lib/schemas/token";
import { ErrorResponseSchema } from "@/lib/schemas/error";

// One operation of the OpenAPI document, described the way its handler is written: the auth wrapper's options, the
// schemas it parses, and the AppError codes the lib functions it calls can throw. Every 4xx/5xx it can answer is
// derived from those (through the one error map, lib/api/errors.ts), so the document cannot forget a status.
export type OperationSpec = {
  summary: string;
  description?: string;
  /** withAuth's options (401, 403), or "public" for handlers without auth. */
  auth: { roles?: readonly Role[]; tokenScope?: TokenScope } | "public";
  path?: z.ZodObject; // paramOf(): 400 when missing or longer than 64
  query?: z.ZodObject; // parseQuery(): 422
  json?: z.ZodType; // parseJsonBody(): 400 malformed, 413 too large, 415 not JSON, 422 invalid
  jsonOptional?: boolean; // an empty body is allowed
  multipart?: z.ZodObject; // readMultipartFiles(): 400 no files, 413 too large, 415 not multipart
  body?: ZodOpenApiRequestBodyObject; // another media type, read by the handler itself
  ok: Record<number, ZodOpenApiResponseObject>;
  /** AppError codes thrown by the lib functions the handler calls (checked against their source by a test). */
  errors?: readonly AppErrorCode[];
  /** Statuses the handler answers itself with another body (e.g. DICOM JSON), by status. */
  other?: Record<number, ZodOpenApiResponseObject>;
};

const AUTH_CODES: Record<number, string> = { 401: "unauthorized, invalid_token", 403: "forbidden (role or token scope), cross_origin" };

export const jsonContent = (schema: z.ZodType, description = "OK"): ZodOpenApiResponseObject => ({
  description,
  content: { "application/json": { schema } },
});

export function binaryContent(mediaType: string, description: string): ZodOpenApiResponseObject {
  return { description, content: { [mediaType]: { schema: { type: "string", format: "binary" } } } } as ZodOpenApiResponseObject;
}

/** status → the error codes that produce it, for this operation. */
export function errorCodesByStatus(spec: OperationSpec): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const add = (status: number, code: string) => out.set(status, [...(out.get(status) ?? []), code]);
  if (spec.auth !== "public") for (const [s, c] of Object.entries(AUTH_CODES)) add(Number(s), c);
  if (spec.path) add(400, "bad_request (path parameter)");
  if (spec.query) add(422, "validation_failed (query)");
  if (spec.json) {
    add(400, "bad_request (malformed JSON)");
    add(413, "payload_too_large");
    add(415, "unsupported_media_type");
    add(422, "validation_failed (body)");
  }
  if (spec.multipart) {
    add(400, "bad_request (no files, unreadable multipart)");
    add(413, "payload_too_large");
    add(415, "unsupported_media_type");
  }
  for (const code of spec.errors ?? []) add(statusOfCode(code), code);
  return out;
}

export function operation(spec: OperationSpec): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, r] of Object.entries(spec.ok)) responses[status] = r;
  for (const [status, codes] of [...errorCodesByStatus(spec)].sort(([a], [b]) => a - b)) {
    responses[String(status)] = jsonContent(ErrorResponseSchema, [...new Set(codes)].join("; "));
  }
  for (const [status, r] of Object.entries(spec.other ?? {})) responses[status] = r;
  const auth = spec.auth;
  const who =
    auth === "public"
      ? "No authentication."
      : `Roles: ${auth.roles?.join(", ") ?? "any signed-in user"}. API tokens: ${auth.tokenScope ? `with the '${auth.tokenScope}' scope` : "not accepted"}.`;
  const requestBody: ZodOpenApiRequestBodyObject | undefined = spec.json
    ? { required: !spec.jsonOptional, content: { "application/json": { schema: spec.json } } }
    : spec.multipart
      ? { required: true, content: { "multipart/form-data": { schema: spec.multipart } } }
      : spec.body;
  return {
    summary: spec.summary,
    description: [spec.description, who].filter(Boolean).join("\n\n"),
    security: auth === "public" ? [] : auth.tokenScope ? [{ session: [] }, { bearer: [] }] : [{ session: [] }],
    ...(spec.path || spec.query
      ? { requestParams: { ...(spec.path ? { path: spec.path } : {}), ...(spec.query ? { query: spec.query } : {}) } }
      : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    "x-error-codes": spec.errors ?? [],
  };
}
