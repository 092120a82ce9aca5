// What a push needs of a PACS connection, and what it sends: plain data, so the adapters do not load the database.
export type PushTarget = {
  name: string;
  dicomwebUrl: string | null;
  authType: string; // none | basic | bearer
  username: string | null;
  secret: string | null;
  aeTitle: string | null;
  host: string | null;
  port: number | null;
};

export type ResultObject = { kind: "sr" | "gsps" | "sc"; sopClassUid: string; sopInstanceUid: string; bytes: Uint8Array };

/** What the PACS answered when it took every object, in words for the study's push status. */
export type PushOutcome = { remoteStatus: string };

export function authHeaders(t: PushTarget): Record<string, string> {
  if (t.authType === "basic") return { authorization: `Basic ${Buffer.from(`${t.username ?? ""}:${t.secret ?? ""}`).toString("base64")}` };
  if (t.authType === "bearer") return { authorization: `Bearer ${t.secret ?? ""}` };
  return {};
}
