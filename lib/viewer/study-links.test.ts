import { describe, expect, it } from "vitest";
import { neighboursUrl, studyHref, worklistHref } from "./study-links";

describe("worklist links", () => {
  it("carry the worklist query string on", () => {
    expect(studyHref("abc", "status=new&sort=received")).toBe("/studies/abc?status=new&sort=received");
    expect(studyHref("abc", "?status=new")).toBe("/studies/abc?status=new");
    expect(neighboursUrl("a b", "sort=received")).toBe("/api/v1/studies/a%20b/neighbours?sort=received");
  });

  it("omit an empty query", () => {
    expect(studyHref("abc", "")).toBe("/studies/abc");
    expect(neighboursUrl("abc", "?")).toBe("/api/v1/studies/abc/neighbours");
    expect(worklistHref("")).toBe("/");
    expect(worklistHref("?status=new")).toBe("/?status=new");
  });
});
