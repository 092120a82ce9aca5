"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Select } from "@/components/ui/field";
import { apiErrorText } from "@/components/pacs/api-error-text";
import { PACS_AUTH_TYPES, PACS_PUSH_PROTOCOLS, type PacsConnectionDto } from "@/lib/schemas/pacs";

type Props = { initial?: PacsConnectionDto; onSave(body: Record<string, unknown>): Promise<unknown>; onCancel?(): void };

const blankToNull = (v: FormDataEntryValue | null) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

// Create or edit one connection. The secret is write-only: left empty on edit, the stored one is kept.
export function PacsConnectionForm({ initial, onSave, onCancel }: Props) {
  const [authType, setAuthType] = useState(initial?.authType ?? "none");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    const port = blankToNull(f.get("port"));
    const secret = blankToNull(f.get("secret"));
    const body: Record<string, unknown> = {
      name: String(f.get("name") ?? "").trim(),
      dicomwebUrl: blankToNull(f.get("dicomwebUrl")),
      authType,
      username: authType === "basic" ? blankToNull(f.get("username")) : null,
      aeTitle: blankToNull(f.get("aeTitle")),
      host: blankToNull(f.get("host")),
      port: port === null ? null : Number(port),
      modalities: String(f.get("modalities") ?? "")
        .split(/[,\s]+/)
        .filter(Boolean),
      autoPull: f.get("autoPull") === "on",
      pushResults: f.get("pushResults") === "on",
      pushProtocol: f.get("pushProtocol"),
      enabled: f.get("enabled") === "on",
    };
    if (secret !== null || !initial) body.secret = authType === "none" ? undefined : secret;
    setBusy(true);
    try {
      await onSave(body);
      setError("");
      if (!initial) {
        formEl.reset();
        setAuthType("none");
      }
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  const check = "h-4 w-4 accent-sky-600";
  return (
    <form onSubmit={onSubmit} className="grid max-w-4xl grid-cols-2 gap-3 md:grid-cols-4" data-testid="pacs-form">
      <Field label="Name">
        <Input name="name" required defaultValue={initial?.name} data-testid="pacs-name" />
      </Field>
      <div className="col-span-3">
        <Field label="DICOMweb base URL (QIDO-RS / WADO-RS / STOW-RS)">
          <Input
            name="dicomwebUrl"
            type="url"
            placeholder="http://pacs:8042/dicom-web"
            defaultValue={initial?.dicomwebUrl ?? ""}
            data-testid="pacs-url"
          />
        </Field>
      </div>
      <Field label="Authentication">
        <Select name="authType" value={authType} onChange={(e) => setAuthType(e.target.value as typeof authType)} data-testid="pacs-auth">
          {PACS_AUTH_TYPES.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </Select>
      </Field>
      {authType === "basic" && (
        <Field label="Username">
          <Input name="username" autoComplete="off" defaultValue={initial?.username ?? ""} data-testid="pacs-username" />
        </Field>
      )}
      {authType !== "none" && (
        <Field label={authType === "basic" ? "Password" : "Bearer token"}>
          <Input
            name="secret"
            type="password"
            autoComplete="new-password"
            placeholder={initial?.secretSet ? "set — leave empty to keep" : ""}
            data-testid="pacs-secret"
          />
        </Field>
      )}
      <Field label="Modalities (auto-pull and default search)">
        <Input name="modalities" defaultValue={(initial?.modalities ?? ["CR", "DX"]).join(",")} data-testid="pacs-modalities" />
      </Field>
      <Field label="PACS AE title (DIMSE)">
        <Input name="aeTitle" maxLength={16} defaultValue={initial?.aeTitle ?? ""} data-testid="pacs-ae" />
      </Field>
      <Field label="Host">
        <Input name="host" defaultValue={initial?.host ?? ""} data-testid="pacs-host" />
      </Field>
      <Field label="Port">
        <Input name="port" type="number" min={1} max={65535} defaultValue={initial?.port ?? ""} data-testid="pacs-port" />
      </Field>
      <Field label="Results protocol">
        <Select name="pushProtocol" defaultValue={initial?.pushProtocol ?? "stow"} data-testid="pacs-push-protocol">
          {PACS_PUSH_PROTOCOLS.map((p) => (
            <option key={p} value={p}>
              {p === "stow" ? "STOW-RS" : "C-STORE"}
            </option>
          ))}
        </Select>
      </Field>
      <div className="col-span-full flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="autoPull"
            className={check}
            defaultChecked={initial?.autoPull ?? false}
            data-testid="pacs-autopull"
          />{" "}
          Auto-pull new studies
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="pushResults"
            className={check}
            defaultChecked={initial?.pushResults ?? false}
            data-testid="pacs-push"
          />{" "}
          Results destination
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="enabled" className={check} defaultChecked={initial?.enabled ?? true} data-testid="pacs-enabled" />{" "}
          Enabled
        </label>
      </div>
      <div className="col-span-full flex gap-2">
        <Button type="submit" disabled={busy} data-testid="pacs-save">
          {initial ? "Save changes" : "Add connection"}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
      <div className="col-span-full">
        <ErrorText>{error}</ErrorText>
      </div>
    </form>
  );
}
