import type { PacsConnection } from "@/generated/prisma/client";
import type { PacsConnectionDto } from "@/lib/schemas/pacs";

export const splitModalities = (s: string) =>
  s
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);

// The secret never leaves the server: the DTO says only whether one is set.
export function toPacsConnectionDto(c: PacsConnection, autoPullError: string | null = null): PacsConnectionDto {
  return {
    id: c.id,
    name: c.name,
    dicomwebUrl: c.dicomwebUrl,
    authType: c.authType as PacsConnectionDto["authType"],
    username: c.username,
    secretSet: Boolean(c.secret),
    aeTitle: c.aeTitle,
    host: c.host,
    port: c.port,
    modalities: splitModalities(c.modalities),
    autoPull: c.autoPull,
    pullWatermark: c.pullWatermark?.toISOString() ?? null,
    pushResults: c.pushResults,
    pushProtocol: c.pushProtocol as PacsConnectionDto["pushProtocol"],
    enabled: c.enabled,
    autoPullError: c.autoPull ? autoPullError : null,
    lastTest: c.lastTestAt ? { at: c.lastTestAt.toISOString(), ok: Boolean(c.lastTestOk), error: c.lastTestError } : null,
  };
}
