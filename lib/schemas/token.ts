import { z } from "zod";

export const TOKEN_SCOPES = ["predict", "studies:write", "models:write", "read", "metrics"] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

export const createTokenBodySchema = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(tokenScopeSchema).min(1).default(["predict"]),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiTokenDto = z.infer<typeof ApiTokenSchema>;

// The secret appears only in the creation response.
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
