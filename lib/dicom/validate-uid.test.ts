import { describe, expect, it } from "vitest";
import { uidProblem } from "./validate-uid";

describe("uidProblem (PS3.5 §9.1)", () => {
  it.each(["1.2.840.10008.1.2.1", "2.25.329800735698586629295641978511506172918", "1.2.0.3", "0.1"])("accepts %s", (uid) =>
    expect(uidProblem(uid)).toBeNull(),
  );

  it.each([
    ["", "is empty"],
    ["1.2." + "3".repeat(61), "is 65 characters long (at most 64)"],
    ["1.2.840/10008", 'contains "/" (only digits and dots are allowed)'],
    ["1.2.a", 'contains "a" (only digits and dots are allowed)'],
    ["1.2\u00013", "contains the byte 0x01 (only digits and dots are allowed)"],
    ["1.2..3", "has an empty component at position 3"],
    [".1.2", "has an empty component at position 1"],
    ["1.2.", "has an empty component at position 3"],
    ["1.02.3", 'has a leading zero in component 2 ("02")'],
  ])("refuses %j: %s", (uid, reason) => expect(uidProblem(uid)).toBe(reason));
});
