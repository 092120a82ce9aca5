import { ApiRequestError } from "@/lib/http/fetch-json";

// The server's reason, with the zod issues of a 422 spelled out ("port: Too big…").
export function apiErrorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const issues = e instanceof ApiRequestError && Array.isArray(e.details) ? (e.details as { path?: string; message?: string }[]) : [];
  return issues.length ? `${e.message} ${issues.map((i) => `${i.path || "body"}: ${i.message}`).join(" · ")}` : e.message;
}
