import { describe, expect, it } from "vitest";
import { checkAssociation, chooseContext, VERIFICATION_SOP_CLASS } from "./negotiate";

const CR = "1.2.840.10008.5.1.4.1.1.1";
const STORAGE = new Set([CR]);
const node = { aeTitle: "CXR_REVIEW", allowedAets: [] as string[] };

describe("checkAssociation", () => {
  it("accepts any calling AE when the allow-list is empty, and ignores AE padding", () => {
    expect(checkAssociation("ANY_MODALITY", "CXR_REVIEW  ", node)).toEqual({ accept: true });
  });
  it("rejects a calling AE that is not on the list, and a called AE that is not ours", () => {
    const strict = { ...node, allowedAets: ["PACS1", "ROUTER"] };
    expect(checkAssociation("ROUTER ", "CXR_REVIEW", strict)).toEqual({ accept: true });
    expect(checkAssociation("INTRUDER", "CXR_REVIEW", strict)).toEqual({ accept: false, reason: "calling_ae_not_allowed" });
    expect(checkAssociation("PACS1", "OTHER_AE", strict)).toEqual({ accept: false, reason: "called_ae_unknown" });
  });
});

describe("chooseContext", () => {
  it("takes the caller's first transfer syntax that lib/dicom decodes", () => {
    expect(chooseContext(CR, ["1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.1"], STORAGE)).toEqual({
      accept: "1.2.840.10008.1.2.4.90",
    });
    expect(chooseContext(CR, ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"], STORAGE)).toEqual({ accept: "1.2.840.10008.1.2.1" });
  });
  it("rejects transfer syntaxes it cannot decode (HTJ2K, MPEG) and SOP classes that are not storage", () => {
    expect(chooseContext(CR, ["1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.100"], STORAGE)).toEqual({ reject: "transfer_syntax" });
    expect(chooseContext("1.2.840.10008.5.1.4.1.2.2.1", ["1.2.840.10008.1.2"], STORAGE)).toEqual({ reject: "abstract_syntax" });
  });
  it("answers verification in an uncompressed syntax", () => {
    expect(chooseContext(VERIFICATION_SOP_CLASS, ["1.2.840.10008.1.2"], STORAGE)).toEqual({ accept: "1.2.840.10008.1.2" });
  });
});
