import { describe, expect, it } from "vitest";
import { toPersonName } from "@/lib/sr/person-name";

describe("toPersonName", () => {
  it("puts the family name first, separated by ^", () => {
    expect(toPersonName("Anna Müller")).toBe("Müller^Anna");
    expect(toPersonName("  Jean  Paul   Sartre ")).toBe("Sartre^Jean Paul");
  });
  it("keeps a single word and a name already in PN form", () => {
    expect(toPersonName("radiologist")).toBe("radiologist");
    expect(toPersonName("Doe^Jane")).toBe("Doe^Jane");
  });
  it("never exceeds the 64 characters of a PN component group", () => {
    expect(toPersonName(`${"a".repeat(70)} b`).length).toBe(64);
  });
});
