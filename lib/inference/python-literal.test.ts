import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseClassNames, parseImgsz, parsePythonBool } from "./python-literal";

describe("parseClassNames", () => {
  it("parses an Ultralytics dict", () => {
    expect(parseClassNames("{0: 'Mass', 1: 'Nodule'}")).toEqual(["Mass", "Nodule"]);
  });
  it("handles double quotes, escapes, commas and braces inside names, and out-of-order keys", () => {
    expect(parseClassNames(`{1: "Crohn's", 0: 'a, {b}: c', 2: 'x\\'y\\\\z'}`)).toEqual(["a, {b}: c", "Crohn's", "x'y\\z"]);
  });
  it("parses a list", () => {
    expect(parseClassNames("['Aortic enlargement', 'ILD']")).toEqual(["Aortic enlargement", "ILD"]);
  });
  it("parses an empty dict", () => {
    expect(parseClassNames("{}")).toEqual([]);
  });
  it("rejects gaps, duplicates and junk", () => {
    expect(() => parseClassNames("{0: 'a', 2: 'b'}")).toThrow(AppError);
    expect(() => parseClassNames("{0: 'a', 0: 'b'}")).toThrow(AppError);
    expect(() => parseClassNames("Mass,Nodule")).toThrow(AppError);
    expect(() => parseClassNames("{0: 'unterminated}")).toThrow(AppError);
  });
});

describe("parseImgsz / parsePythonBool", () => {
  it("reads [h, w] lists and scalars", () => {
    expect(parseImgsz("[640, 512]")).toEqual([640, 512]);
    expect(parseImgsz("1024")).toEqual([1024, 1024]);
    expect(() => parseImgsz("[]")).toThrow(AppError);
  });
  it("reads Python booleans", () => {
    expect(parsePythonBool("True")).toBe(true);
    expect(parsePythonBool(" False")).toBe(false);
    expect(parsePythonBool("yes")).toBeUndefined();
    expect(parsePythonBool(undefined)).toBeUndefined();
  });
});
