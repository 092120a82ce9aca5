type Operation = {
  summary?: string;
  responses?: Record<string, { description?: string }>;
  requestBody?: { content?: Record<string, unknown> };
};

export function ApiOperation({ method, path, op }: { method: string; path: string; op: Operation }) {
  return (
    <details className="rounded border border-slate-800 p-3" data-testid="api-operation">
      <summary className="cursor-pointer">
        <span className="mr-3 rounded bg-slate-700 px-2 py-0.5 font-mono text-xs uppercase">{method}</span>
        <span className="font-mono">{path}</span>
        <span className="ml-3 text-slate-400">{op.summary}</span>
      </summary>
      <div className="mt-3 space-y-2 text-sm">
        {op.requestBody && <p>Body: {Object.keys(op.requestBody.content ?? {}).join(", ")}</p>}
        <ul className="text-slate-300">
          {Object.entries(op.responses ?? {}).map(([code, r]) => (
            <li key={code}>
              <span className="font-mono">{code}</span> {r.description}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
