import { z } from "zod";
// The .meta({ override }) context is typed by zod-openapi's augmentation of zod's meta, also where nothing else loads it (the client's d.ts build).
import type {} from "zod-openapi";
import { roleSchema } from "@/lib/schemas/common";

const email = z.string().trim().toLowerCase().email().max(254);
// Length over composition rules (NIST SP 800-63B).
export const passwordSchema = z.string().min(10, "Use at least 10 characters.").max(200);

export const createUserBodySchema = z.object({
  email,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "Nothing to change.")
  .meta({ override: ({ jsonSchema }) => void (jsonSchema.minProperties = 1) });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const signInSchema = z.object({ email, password: z.string().min(1).max(200) });

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type UserDto = z.infer<typeof UserSchema>;
