import { describe, expect, it } from "vitest";
import { createUserBodySchema, updateUserBodySchema } from "@/lib/schemas/user";

const ok = { email: " Dr.Who@Example.ORG ", name: "Dr Who", role: "radiologist", password: "long-enough-1" };

describe("user schemas", () => {
  it("normalises the e-mail", () => {
    expect(createUserBodySchema.parse(ok).email).toBe("dr.who@example.org");
  });
  it("refuses unknown roles, short passwords and missing fields", () => {
    expect(createUserBodySchema.safeParse({ ...ok, role: "surgeon" }).success).toBe(false);
    expect(createUserBodySchema.safeParse({ ...ok, password: "short" }).success).toBe(false);
    expect(createUserBodySchema.safeParse({ email: ok.email }).success).toBe(false);
  });
  it("refuses empty and unknown-field updates", () => {
    expect(updateUserBodySchema.safeParse({}).success).toBe(false);
    expect(updateUserBodySchema.safeParse({ isAdmin: true }).success).toBe(false);
    expect(updateUserBodySchema.parse({ disabled: true })).toEqual({ disabled: true });
  });
});
