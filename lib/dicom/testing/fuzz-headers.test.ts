import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { inspectUpload } from "../inspect-upload";
import { fuzzHeaders, MUTATION_FAMILIES } from "./fuzz-headers";
import { fuzzSeeds } from "./fuzz-seeds";

const limits = { maxPixels: 36_000_000 };
const refusal = (bytes: Uint8Array) => {
  try {
    inspectUpload(bytes, limits);
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : `not an AppError: ${String(e)}`;
  }
};

describe("header fuzzer", () => {
  const { seeds, realFiles } = fuzzSeeds();

  it("starts from files the validator accepts", () => {
    const refused = seeds.map((s) => [s.name, refusal(s.bytes)]).filter(([, r]) => r !== null && r !== "unsupported");
    expect(refused).toEqual([]);
  });

  it("is deterministic for a seed and covers every mutation family", () => {
    const a = fuzzHeaders(seeds, 120, 42);
    const b = fuzzHeaders(seeds, 120, 42);
    expect(a.map((m) => m.name)).toEqual(b.map((m) => m.name));
    expect(a.every((m, i) => Buffer.from(m.bytes).equals(Buffer.from(b[i]!.bytes)))).toBe(true);
    expect(new Set(fuzzHeaders(seeds, 400, 1).map((m) => m.family))).toEqual(new Set(MUTATION_FAMILIES));
  });

  it(`every mutant is refused with a coded 4xx reason (synthetic + ${realFiles} real seed files)`, () => {
    const mutants = fuzzHeaders(seeds, 800, 7);
    const accepted = mutants.filter((m) => refusal(m.bytes) === null).map((m) => m.name);
    const uncoded = mutants.map((m) => refusal(m.bytes)).filter((r) => r?.startsWith("not an AppError"));
    expect(accepted).toEqual([]);
    expect(uncoded).toEqual([]);
  });
});
