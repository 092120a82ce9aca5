import { ApiOperation } from "@/components/docs/api-operation";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata = { title: "API · CXR Review" };

export default function ApiDocsPage() {
  const doc = openApiDocument();
  return (
    <main className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">API</h1>
      <p className="text-sm text-slate-400">
        {doc.info.description} Machine-readable:{" "}
        <a className="text-sky-400 underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        . Example: <code>curl -H &quot;Authorization: Bearer $TOKEN&quot; -F file=@chest.dcm http://localhost:3000/predict</code>
      </p>
      {Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => <ApiOperation key={`${method} ${path}`} method={method} path={path} op={op} />),
      )}
    </main>
  );
}
