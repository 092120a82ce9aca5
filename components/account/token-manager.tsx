"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input } from "@/components/ui/field";
import { TOKEN_SCOPES, type CreateTokenBody } from "@/lib/schemas/token";
import { useTokens } from "./use-tokens";

export function TokenManager() {
  const [error, setError] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const { list: tokens, create, revoke } = useTokens();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError("");
    // The server validates (and words the errors); the form only names the fields.
    const body = { name: String(form.get("name") ?? ""), scopes: form.getAll("scopes") as CreateTokenBody["scopes"] };
    create.mutate(body, { onSuccess: (r) => setSecret(r.token.token), onError: (e) => setError(e.message) });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="flex max-w-3xl flex-wrap items-end gap-4" data-testid="create-token-form">
        <Field label="Token name">
          <Input name="name" required placeholder="e.g. PACS router" />
        </Field>
        <fieldset className="flex gap-3 text-sm">
          {TOKEN_SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input type="checkbox" name="scopes" value={s} defaultChecked={s === "predict"} /> {s}
            </label>
          ))}
        </fieldset>
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      <ErrorText>{error}</ErrorText>
      {secret && (
        <div className="rounded border border-amber-600 bg-amber-950/40 p-3 text-sm" data-testid="new-token-secret">
          <p className="mb-1 font-medium">Copy this token now — it will not be shown again.</p>
          <code className="break-all">{secret}</code>
        </div>
      )}
      {tokens.isPending && <p className="text-slate-400">Loading…</p>}
      {tokens.isError && <ErrorText>{tokens.error.message}</ErrorText>}
      {tokens.data?.tokens.length === 0 && (
        <p className="text-slate-400" data-testid="no-tokens">
          No tokens yet.
        </p>
      )}
      {!!tokens.data?.tokens.length && (
        <table className="w-full max-w-4xl text-left text-sm">
          <thead className="text-slate-400">
            <tr>
              <th className="py-2">Name</th>
              <th>Prefix</th>
              <th>Scopes</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.data?.tokens.map((t) => (
              <tr key={t.id} className="border-t border-slate-800">
                <td className="py-2">{t.name}</td>
                <td className="font-mono">{t.prefix}…</td>
                <td>{t.scopes.join(", ")}</td>
                <td className="text-slate-400">{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : "never"}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="text-slate-400">revoked</span>
                  ) : (
                    <Button variant="danger" onClick={() => revoke.mutate(t.id)}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
