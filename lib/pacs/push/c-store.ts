import * as dimseModule from "dcmjs-dimse";
import { data as dcmjsData } from "dcmjs";
import { AppError } from "@/lib/errors";
import type { PushOutcome, PushTarget, ResultObject } from "@/lib/pacs/push/push-target";

// C-STORE through dcmjs-dimse (a maintained DIMSE library): one association for all objects, each acknowledged.
// A CommonJS bundle: Node's ESM loader (tsx, `npm run worker`) puts it under `default`, bundlers expose the names.
const dimse = (dimseModule as unknown as { default?: typeof dimseModule }).default ?? dimseModule;
const { Client, Dataset, constants, log: dimseLog, requests } = dimse;
dimseLog.setLevel("silent"); // it logs every PDU and connection error; run-push logs the outcome once

type DimseResponse = { getStatus(): number; getErrorComment?(): string | undefined };
const hex = (n: number) => `0x${n.toString(16).padStart(4, "0")}`;
const isWarning = (s: number) => s === 0x0001 || (s & 0xf000) === 0xb000;
const isOutOfResources = (s: number) => (s & 0xff00) === 0xa700;

function datasetOf(o: ResultObject) {
  const msg = dcmjsData.DicomMessage.readFile(
    o.bytes.buffer.slice(o.bytes.byteOffset, o.bytes.byteOffset + o.bytes.byteLength) as ArrayBuffer,
  );
  return new Dataset(dcmjsData.DicomMetaDictionary.naturalizeDataset(msg.dict), String(msg.meta["00020010"]?.Value[0]));
}

export function cStoreInstances(target: PushTarget, objects: ResultObject[], callingAe: string, timeoutMs: number): Promise<PushOutcome> {
  const { host, port, aeTitle } = target;
  if (!host || !port || !aeTitle)
    throw new AppError("unprocessable", `PACS connection '${target.name}' needs an AE title, host and port for C-STORE.`);
  return new Promise<PushOutcome>((resolve, reject) => {
    const client = new Client();
    const statuses: number[] = [];
    let failure: AppError | undefined;
    const fail = (e: AppError) => (failure ??= e);
    const timer = setTimeout(() => {
      fail(new AppError("unavailable", `The PACS at ${host}:${port} did not acknowledge every object within ${timeoutMs} ms.`));
      finish();
    }, timeoutMs * 2);
    let done = false;
    function finish() {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!failure && statuses.length < objects.length)
        fail(new AppError("unavailable", `The association with ${aeTitle}@${host}:${port} ended before every object was acknowledged.`));
      if (failure) reject(failure);
      else resolve({ remoteStatus: `C-STORE to ${aeTitle}: ${statuses.map(hex).join(", ")} (${objects.length} stored)` });
    }
    for (const o of objects) {
      const request = new requests.CStoreRequest(datasetOf(o));
      request.on("response", (r: DimseResponse) => {
        const s = r.getStatus();
        statuses.push(s);
        if (s === constants.Status.Success || isWarning(s)) return;
        const why = `C-STORE of the ${o.kind.toUpperCase()} refused with status ${hex(s)}${r.getErrorComment?.() ? ` (${r.getErrorComment!()})` : ""}`;
        fail(new AppError(isOutOfResources(s) ? "unavailable" : "unprocessable", `${why}.`));
      });
      client.addRequest(request);
    }
    client.on("associationRejected", (r: { result: number; source: number; reason: number }) => {
      const transient = r.result === constants.RejectResult.Transient;
      const why = `The PACS ${aeTitle}@${host}:${port} rejected the association (result ${r.result}, source ${r.source}, reason ${r.reason})`;
      fail(new AppError(transient ? "unavailable" : "forbidden", `${why}${transient ? "" : ": check that it knows our AE title"}.`));
    });
    client.on("networkError", (e: Error) =>
      fail(new AppError("unavailable", `PACS unreachable at ${host}:${port}: ${e.message.replace(/^\s*->\s*/, "")}.`)),
    );
    client.on("closed", finish);
    client.send(host, port, callingAe, aeTitle, { connectTimeout: timeoutMs, associationTimeout: timeoutMs, pduTimeout: timeoutMs });
  });
}
