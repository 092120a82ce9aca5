import { describe, expect, it } from "vitest";
import { isDate, valueProblem } from "./validate-values";

describe("valueProblem (PS3.5 §6.2)", () => {
  it.each([
    ["DA", "20240229"],
    ["DA", ""],
    ["TM", "235960.123456"],
    ["TM", "08"],
    ["CS", "MONOCHROME2"],
    ["DS", " -1.5e3"],
    ["DS", "0.2\\0.2"],
    ["IS", "+12"],
    ["AS", "081Y"],
    ["PN", "Doe^John=\u001b$B..."],
    ["LO", "Ünïcödé in ISO_IR 100"],
  ] as const)("accepts %s %j", (vr, value) => expect(valueProblem(vr, value)).toBeNull());

  it.each([
    ["DA", "20241345", '"20241345" is not a date (YYYYMMDD)'],
    ["DA", "20230229", '"20230229" is not a date (YYYYMMDD)'],
    ["DA", "2024-01-01", "has a value of 10 characters (DA allows at most 8)"],
    ["TM", "126100", '"126100" is not a time (HHMMSS.FFFFFF)'],
    ["CS", "MONOCHROM\u00f21", "contains the byte 0xF2, which CS does not allow"],
    ["CS", "monochrome2", '"monochrome2" is not a code string (upper-case letters, digits, space and underscore only)'],
    ["CS", "X".repeat(17), "has a value of 17 characters (CS allows at most 16)"],
    ["DS", "1,5", '"1,5" is not a decimal string'],
    ["IS", "1.5", '"1.5" is not an integer string'],
    ["AS", "81", '"81" is not an age (nnnD, nnnW, nnnM or nnnY)'],
    ["LO", "P".repeat(65), "has a value of 65 characters (LO allows at most 64)"],
    ["SH", "Chest\nPA", "contains the byte 0x0A, which SH does not allow"],
    ["PN", "Doe\u0000John", "contains the byte 0x00, which PN does not allow"],
    ["PN", "A".repeat(65), "has a name component group longer than 64 characters"],
    ["UI", "1.2.03", 'has a leading zero in component 3 ("03")'],
  ] as const)("refuses %s %j: %s", (vr, value, reason) => expect(valueProblem(vr, value)).toBe(reason));

  it("knows the calendar", () => {
    expect([isDate("20240229"), isDate("20250229"), isDate("20241131"), isDate("00000101"), isDate("00010101")]).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });
});
