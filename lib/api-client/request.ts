import type { z } from "zod";
import { ApiRequestError } from "@/lib/http/fetch-json";

// One typed request function over fetch, shared by the web's hooks (lib/api-client/web.ts) and the TypeScript client
// package (clients/typescript): the response type comes from the zod schema in lib/schemas, and with `validate` the
// body is checked against it, so a handler drifting from its contract fails loudly in development and in tests.

export type Query = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;
export type RequestOptions = {
  method?: string;
  query?: Query;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};
export type ApiTransport = { baseUrl?: string; headers?: Record<string, string>; fetch?: typeof fetch; validate?: boolean };
export type ApiRequest = <S extends z.ZodType>(schema: S, path: string, options?: RequestOptions) => Promise<z.output<S>>;

/** A response whose body does not match the operation's schema (only raised when validating). */
export class ContractError extends Error {
  readonly code = "contract_mismatch";
  constructor(
    readonly operation: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `${operation}: the response does not match its schema (${issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
        .join("; ")})`,
    );
  }
}

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes("?") ? "&" : "?"}${qs}` : path;
}

export function createApiRequest(t: ApiTransport = {}): ApiRequest {
  const doFetch = t.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const base = (t.baseUrl ?? "").replace(/\/$/, "");
  return async (schema, path, o = {}) => {
    const method = o.method ?? (o.json !== undefined || o.body !== undefined ? "POST" : "GET");
    const res = await doFetch(base + withQuery(path, o.query), {
      method,
      signal: o.signal,
      headers: { ...t.headers, ...(o.json !== undefined ? { "content-type": "application/json" } : {}), ...o.headers },
      body: o.json !== undefined ? JSON.stringify(o.json) : o.body,
    });
    const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new ApiRequestError(res.status, err?.code ?? "http_error", err?.message ?? `Request failed (${res.status}).`, err?.details);
    }
    if (!t.validate) return body as z.output<typeof schema>;
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ContractError(`${method} ${path}`, parsed.error.issues);
    return parsed.data;
  };
}
