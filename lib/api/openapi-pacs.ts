// OpenAPI paths of the PACS query/retrieve API, from the zod schemas its handlers validate with.
import { z } from "zod";
import {
  createPacsConnectionBodySchema,
  listPacsPullsQuerySchema,
  PacsConnectionSchema,
  PacsConnectionSummarySchema,
  PacsPullSchema,
  PacsStudySchema,
  PacsTestResultSchema,
  pullStudiesBodySchema,
  searchPacsQuerySchema,
  updatePacsConnectionBodySchema,
} from "@/lib/schemas/pacs";

const out = (s: z.ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" });
const body = (s: z.ZodType) => ({ required: true, content: { "application/json": { schema: z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) } } });
const ok = (properties: Record<string, object>, description = "OK") => ({ description, content: { "application/json": { schema: { type: "object", properties } } } });
const err = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const common = { "401": err("No or invalid credentials"), "403": err("Wrong role or token scope"), "422": err("Validation failed, or the PACS refused the request (the reason says which)") };
const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
const query = (s: z.ZodObject) => Object.entries(s.shape).map(([name, f]) => ({ name, in: "query", required: false, schema: z.toJSONSchema(f as z.ZodType, { io: "input", unrepresentable: "any" }) }));
const connection = { connection: out(PacsConnectionSchema) };

export const pacsPaths = {
  "/api/v1/pacs/connections": {
    get: { summary: "PACS connections; secrets are never returned, only secretSet (admin)", responses: { "200": ok({ connections: { type: "array", items: out(PacsConnectionSchema) } }), ...common } },
    post: { summary: "Add a PACS connection (admin)", requestBody: body(createPacsConnectionBodySchema), responses: { "201": ok(connection), "409": err("Name taken"), ...common } },
  },
  "/api/v1/pacs/connections/{id}": {
    get: { summary: "One PACS connection (admin)", parameters: [id], responses: { "200": ok(connection), "404": err("Unknown connection"), ...common } },
    patch: { summary: "Change a PACS connection; omit secret to keep it (admin)", parameters: [id], requestBody: body(updatePacsConnectionBodySchema), responses: { "200": ok(connection), "404": err("Unknown connection"), ...common } },
    delete: { summary: "Delete a PACS connection (admin)", parameters: [id], responses: { "204": { description: "Deleted" }, "404": err("Unknown connection"), ...common } },
  },
  "/api/v1/pacs/connections/{id}/test": {
    post: { summary: "QIDO-RS /studies?limit=1 and C-ECHO with the stored settings; failures are in the result (admin)", parameters: [id], responses: { "200": ok({ result: out(PacsTestResultSchema) }), ...common } },
  },
  "/api/v1/pacs/searchable": {
    get: { summary: "PACS a reader can search: enabled DICOMweb connections, names only (radiologist, admin)", responses: { "200": ok({ connections: { type: "array", items: out(PacsConnectionSummarySchema) } }), ...common } },
  },
  "/api/v1/pacs/connections/{id}/studies": {
    get: { summary: "QIDO-RS search of a PACS; studies already in the app carry studyId (radiologist, admin)", parameters: [id, ...query(searchPacsQuerySchema as unknown as z.ZodObject)], responses: { "200": ok({ studies: { type: "array", items: out(PacsStudySchema) } }), "503": err("PACS unreachable, timed out or failing"), ...common } },
  },
  "/api/v1/pacs/connections/{id}/pulls": {
    post: { summary: "Pull studies by WADO-RS into the app: one durable pacs.pull job each (radiologist, admin)", parameters: [id], requestBody: body(pullStudiesBodySchema), responses: { "202": ok({ pulls: { type: "array" } }, "Queued"), ...common } },
  },
  "/api/v1/pacs/pulls": {
    get: { summary: "Recent pulls with their job's state and progress (radiologist, admin)", parameters: query(listPacsPullsQuerySchema), responses: { "200": ok({ pulls: { type: "array", items: out(PacsPullSchema) } }), ...common } },
  },
};
