import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "@/lib/tokens/token-secret";
import type { ApiTokenDto, CreateTokenBody } from "@/lib/schemas/token";
import type { ApiToken } from "@/generated/prisma/client";

function toDto(t: ApiToken): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes.split(" ").filter(Boolean),
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export async function listTokens(userId: string): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return rows.map(toDto);
}

export async function createToken(actor: Actor & { id: string }, body: CreateTokenBody): Promise<ApiTokenDto & { token: string }> {
  const secret = generateTokenSecret();
  const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
  const row = await db.$transaction(async (tx) => {
    const t = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: body.name,
        prefix: displayPrefix(secret),
        tokenHash: hashTokenSecret(secret),
        scopes: [...new Set(body.scopes)].join(" "),
        expiresAt,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "token.created",
      targetType: "api_token",
      targetId: t.id,
      details: { name: t.name, scopes: t.scopes },
    });
    return t;
  });
  return { ...toDto(row), token: secret };
}

// Owners revoke their own tokens; admins may revoke anyone's.
export async function revokeToken(actor: Actor & { id: string; role: string }, tokenId: string): Promise<ApiTokenDto> {
  const t = await db.apiToken.findUnique({ where: { id: tokenId } });
  if (!t || (t.userId !== actor.id && actor.role !== "admin")) throw new AppError("not_found", "No such token.");
  if (t.revokedAt) return toDto(t);
  const row = await db.$transaction(async (tx) => {
    const r = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, action: "token.revoked", targetType: "api_token", targetId: tokenId });
    return r;
  });
  return toDto(row);
}
