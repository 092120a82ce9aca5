// Writes the OpenAPI document the app serves at /api/v1/openapi.json to a file: the input of the client generators
// (`npm run clients:generate`). Usage: tsx scripts/write-openapi.ts [out.json]
import fs from "node:fs";
import { openApiDocument } from "@/lib/api/openapi";

const out = process.argv[2] ?? "clients/openapi.json";
fs.writeFileSync(out, JSON.stringify(openApiDocument(), null, 2) + "\n");
console.log(`wrote ${out}`);
