import { describe, expect, it } from "vitest";
import { FAILURE, stowResponse, type StowItem } from "./stow-response";

const stored = (n: number, study = "s1", kind: "stored" | "duplicate" = "stored"): StowItem => ({
  kind,
  sopClassUid: "1.2.840.10008.5.1.4.1.1.1",
  sopInstanceUid: `1.2.3.${n}`,
  retrieveUrl: `http://app/api/v1/instances/i${n}/file`,
  studyRetrieveUrl: `http://app/api/v1/studies/${study}`,
});
const failed = (reason: number, uid?: string): StowItem => ({ kind: "failed", failureReason: reason, message: "why", sopInstanceUid: uid });

describe("stowResponse (PS3.18 §10.5.3)", () => {
  it("200 with the Referenced SOP Sequence and the study's RetrieveURL when everything was stored", () => {
    const { status, body } = stowResponse([stored(1), stored(2, "s1", "duplicate")]);
    expect(status).toBe(200);
    expect(body["00081190"]).toEqual({ vr: "UR", Value: ["http://app/api/v1/studies/s1"] });
    expect(body["00081199"]!.Value).toEqual([
      {
        "00081150": { vr: "UI", Value: ["1.2.840.10008.5.1.4.1.1.1"] },
        "00081155": { vr: "UI", Value: ["1.2.3.1"] },
        "00081190": { vr: "UR", Value: ["http://app/api/v1/instances/i1/file"] },
      },
      {
        "00081150": { vr: "UI", Value: ["1.2.840.10008.5.1.4.1.1.1"] },
        "00081155": { vr: "UI", Value: ["1.2.3.2"] },
        "00081190": { vr: "UR", Value: ["http://app/api/v1/instances/i2/file"] },
      },
    ]);
    expect(body["00081198"]).toBeUndefined();
  });
  it("202 when some failed, with a Failure Reason per failed instance (UIDs only when they could be read)", () => {
    const { status, body } = stowResponse([stored(1), failed(FAILURE.cannotUnderstand), failed(FAILURE.doesNotMatch, "9.9")]);
    expect(status).toBe(202);
    expect(body["00081198"]!.Value).toEqual([
      { "00081150": { vr: "UI" }, "00081155": { vr: "UI" }, "00081197": { vr: "US", Value: [0xc000] } },
      { "00081150": { vr: "UI" }, "00081155": { vr: "UI", Value: ["9.9"] }, "00081197": { vr: "US", Value: [0xa900] } },
    ]);
  });
  it("409 when nothing was stored; 503 when only the storage was unavailable; no study RetrieveURL across studies", () => {
    expect(stowResponse([failed(FAILURE.cannotUnderstand), failed(FAILURE.outOfResources)]).status).toBe(409);
    expect(stowResponse([failed(FAILURE.outOfResources)]).status).toBe(503);
    expect(stowResponse([stored(1, "a"), stored(2, "b")]).body["00081190"]).toBeUndefined();
  });
});
