import { createDocument, type CreateDocumentOptions, type ZodOpenApiObject } from "zod-openapi";
import { datasetPaths } from "@/lib/schemas/openapi/datasets";
import { modelPaths } from "@/lib/schemas/openapi/models";
import { pacsPaths } from "@/lib/schemas/openapi/pacs";
import { predictPaths } from "@/lib/schemas/openapi/predict";
import { reviewPaths } from "@/lib/schemas/openapi/reviews";
import { studyPaths } from "@/lib/schemas/openapi/studies";
import { systemPaths } from "@/lib/schemas/openapi/system";
import { userPaths } from "@/lib/schemas/openapi/users";

// The OpenAPI 3.1 document, generated (zod-openapi) from the zod schemas the handlers validate with and the DTO
// mappers return; each domain registers its operations in lib/schemas/openapi/<domain>.ts.
const securitySchemes: NonNullable<ZodOpenApiObject["components"]>["securitySchemes"] = {
  bearer: { type: "http", scheme: "bearer", description: "Personal API token (cxr_…), created at /settings/tokens" },
  session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The web app's session (sign in at /login)" },
  basic: {
    type: "http",
    scheme: "basic",
    description: "HTTP Basic with an API token (cxr_…) as the password, any user name (for DICOMweb senders such as Orthanc)",
  },
};

// A tuple of one type (a box [x1, y1, x2, y2]) as an array of exactly n items: the same contract, in the form JSON
// Schema validators and generators (schemathesis, openapi-generator) handle everywhere, prefixItems is not.
const options: CreateDocumentOptions = {
  override: ({ jsonSchema }) => {
    const items = jsonSchema.prefixItems;
    if (!items?.length || !items.every((i) => JSON.stringify(i) === JSON.stringify(items[0]))) return;
    delete jsonSchema.prefixItems;
    jsonSchema.items = items[0];
  },
};

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(serverUrl = "/") {
  cached ??= createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "CXR Review API",
        version: "1",
        description:
          "AI findings are proposals for a reader to confirm; they are not diagnoses. No patient identifiers are returned by the predict API. Every 4xx/5xx answer has the `Error` body.",
      },
      servers: [{ url: "/" }],
      components: { securitySchemes },
      paths: { ...predictPaths, ...studyPaths, ...reviewPaths, ...modelPaths, ...datasetPaths, ...pacsPaths, ...userPaths, ...systemPaths },
    },
    options,
  );
  return { ...cached, servers: [{ url: serverUrl }] };
}
