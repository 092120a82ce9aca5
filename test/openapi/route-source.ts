// Reads the route handlers' source for the OpenAPI contract test: which methods a route file exports, what each
// handler can answer by itself, and which AppError codes the lib modules it imports (transitively) can throw.
import fs from "node:fs";
import path from "node:path";
import type { AppErrorCode } from "@/lib/errors";

const ROOT = path.resolve(import.meta.dirname, "../..");
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export function routeFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name === "route.ts") out.push(rel);
    }
  };
  walk("app/api");
  walk("app/dicomweb");
  return out.sort();
}

/** app/api/v1/users/[id]/route.ts → /api/v1/users/{id} */
export function routePath(file: string): string {
  return (
    "/" +
    path
      .dirname(file)
      .replace(/^app\//, "")
      .replace(/\[([^\]]+)\]/g, "{$1}")
  );
}

/** Each exported method with the source of its handler. */
export function handlers(file: string): Map<Method, string> {
  const src = fs.readFileSync(path.join(ROOT, file), "utf8");
  const starts = [...src.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)];
  return new Map(starts.map((m, i) => [m[1] as Method, src.slice(m.index, starts[i + 1]?.index ?? src.length)]));
}

function resolveImport(spec: string): string | undefined {
  if (!spec.startsWith("@/lib/")) return undefined;
  const base = path.join(ROOT, spec.slice(2));
  return [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
}

const closureCache = new Map<string, string[]>();
/** The lib modules a file imports, transitively (type-only imports excluded). */
export function libClosure(file: string): string[] {
  const abs = path.isAbsolute(file) ? file : path.join(ROOT, file);
  const cached = closureCache.get(abs);
  if (cached) return cached;
  const seen = new Set<string>();
  const visit = (f: string) => {
    const src = fs.readFileSync(f, "utf8");
    for (const m of src.matchAll(/^import (?!type )[^;]*?from "([^"]+)";/gms)) {
      const dep = resolveImport(m[1]!);
      if (dep && !seen.has(dep)) {
        seen.add(dep);
        visit(dep);
      }
    }
  };
  visit(abs);
  const out = [...seen].sort();
  closureCache.set(abs, out);
  return out;
}

/** AppError codes thrown anywhere in these modules (`new AppError("code"`). */
export function thrownCodes(files: string[]): Set<AppErrorCode> {
  const codes = new Set<AppErrorCode>();
  for (const f of files)
    for (const m of fs.readFileSync(f, "utf8").matchAll(/new AppError\(\s*"([a-z_]+)"/g)) codes.add(m[1] as AppErrorCode);
  return codes;
}

/** What a handler's own source shows: statuses it sets, helpers it calls, AppErrors it throws itself. */
export function handlerFacts(src: string) {
  const literal = [...src.matchAll(/\bstatus:(?!\s*["'])\s*([^,}\n]+)/g)].flatMap((m) =>
    [...m[1]!.matchAll(/\b([1-5]\d\d)\b/g)].map((n) => Number(n[1])),
  );
  return {
    withAuth: /\bwithAuth\(/.test(src),
    parseJsonBody: /\bparseJsonBody\(/.test(src),
    parseQuery: /\bparseQuery\(/.test(src),
    paramOf: /\bparamOf\(/.test(src),
    multipart: /\breadMultipartFiles\(/.test(src),
    // The status comes from a function, or a lib function builds the whole Response (STOW-RS).
    computedStatus: /\bstatus:\s*[a-zA-Z_]+\(/.test(src) || /\bstatus:\s*[a-z]+\.[a-z]+/.test(src) || !/Response[.(]/.test(src),
    // Some Response is built without a status: 200.
    defaultOk: (src.match(/Response\.json\(|new Response\(/g)?.length ?? 0) > (src.match(/\bstatus:(?!\s*["'])\s*/g)?.length ?? 0),
    statuses: new Set([...literal, ...[...src.matchAll(/jsonError\(\s*(\d{3})/g)].map((m) => Number(m[1]))]),
    ownCodes: new Set([...src.matchAll(/new AppError\(\s*"([a-z_]+)"/g)].map((m) => m[1] as AppErrorCode)),
  };
}
