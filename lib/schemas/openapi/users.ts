import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { jsonContent, operation } from "@/lib/api/openapi-operation";
import { idPathSchema, roleSchema } from "@/lib/schemas/common";
import { CreatedApiTokenSchema, ApiTokenSchema, createTokenBodySchema } from "@/lib/schemas/token";
import { createUserBodySchema, updateUserBodySchema, UserSchema } from "@/lib/schemas/user";

// Users, the caller and personal API tokens.
export const MeSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }),
  via: z.enum(["session", "token"]),
});
const user = jsonContent(z.object({ user: UserSchema }));
const admin = { roles: ["admin"] } as const;

export const userPaths: ZodOpenApiPathsObject = {
  "/api/v1/users": {
    get: operation({ summary: "List users", auth: admin, ok: { 200: jsonContent(z.object({ users: z.array(UserSchema) })) } }),
    post: operation({ summary: "Create a user", auth: admin, json: createUserBodySchema, ok: { 201: user }, errors: ["conflict"] }),
  },
  "/api/v1/users/{id}": {
    get: operation({ summary: "One user", auth: admin, path: idPathSchema, ok: { 200: user }, errors: ["not_found"] }),
    patch: operation({
      summary: "Change role, name, password or disable (audited)",
      auth: admin,
      path: idPathSchema,
      json: updateUserBodySchema,
      ok: { 200: user },
      errors: ["not_found", "conflict"],
    }),
  },
  "/api/v1/me": {
    get: operation({
      summary: "Who the caller is (session, or a token with the read scope)",
      auth: { tokenScope: "read" },
      ok: { 200: jsonContent(MeSchema) },
    }),
  },
  "/api/v1/tokens": {
    get: operation({
      summary: "The caller's own API tokens (prefix, scopes, last use; never the secret)",
      auth: {},
      ok: { 200: jsonContent(z.object({ tokens: z.array(ApiTokenSchema) })) },
    }),
    post: operation({
      summary: "Create a personal API token (the secret is returned once)",
      auth: {},
      json: createTokenBodySchema,
      ok: { 201: jsonContent(z.object({ token: CreatedApiTokenSchema }), "Created; token.token is the secret, shown once") },
    }),
  },
  "/api/v1/tokens/{id}": {
    delete: operation({
      summary: "Revoke a token (its owner, or an admin)",
      auth: {},
      path: idPathSchema,
      ok: { 200: jsonContent(z.object({ token: ApiTokenSchema })) },
      errors: ["not_found"],
    }),
  },
};
