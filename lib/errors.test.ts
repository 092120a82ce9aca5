import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, isAppError, isZodError } from "@/lib/errors";

describe("error recognition across bundles", () => {
  it("recognises an AppError by brand or by name + known code, and nothing else", () => {
    expect(isAppError(new AppError("conflict", "x"))).toBe(true);
    expect(isAppError(Object.assign(new Error("x"), { name: "AppError", code: "unavailable" }))).toBe(true); // another bundle's class
    expect(isAppError({ [Symbol.for("cxr-review.AppError")]: true, code: "conflict", message: "m" })).toBe(true);
    expect(isAppError(Object.assign(new Error("x"), { name: "AppError", code: "P2025" }))).toBe(false);
    expect(isAppError(Object.assign(new Error("x"), { code: "unavailable" }))).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError("unavailable")).toBe(false);
  });

  it("recognises a ZodError by its name and issues", () => {
    expect(isZodError(z.number().safeParse("x").error)).toBe(true);
    expect(isZodError(Object.assign(new Error("x"), { name: "ZodError" }))).toBe(false);
  });
});
