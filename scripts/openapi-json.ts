// Writes the generated OpenAPI document to stdout (for openapi-spec-validator, schemathesis and the client generators).
import { openApiDocument } from "@/lib/api/openapi";

process.stdout.write(JSON.stringify(openApiDocument(process.argv[2] ?? "/"), null, 2) + "\n");
