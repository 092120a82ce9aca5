import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas.
export function GET() {
  return Response.json(openApiDocument());
}
