import { jsonError } from "@/lib/api/errors";

// Any /api path without a handler: JSON 404, never an HTML page.
function notFound(req: Request) {
  return jsonError(404, "not_found", `No API route ${req.method} ${new URL(req.url).pathname}.`);
}
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
