// C-ECHO (DICOM verification) as an SCU, through dcmjs-dimse: "is the PACS's DICOM port there and does it accept us?"
import * as dimseModule from "dcmjs-dimse";
import { AppError } from "@/lib/errors";

// A CommonJS bundle: Node's ESM loader puts it under `default`, bundlers expose the names directly.
const dimse = (dimseModule as unknown as { default?: typeof dimseModule }).default ?? dimseModule;
const { Client, requests, constants } = dimse;
dimse.log.setLevel?.("silent"); // its plain-text lines would break our JSON logs; failures come back as AppErrors

export type EchoTarget = { host: string; port: number; calledAeTitle: string; callingAeTitle: string; timeoutMs: number };

// Resolves when the peer answers Success; rejects with an AppError saying what went wrong (refused, rejected, status).
export function cEcho(t: EchoTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const request = new requests.CEchoRequest();
    let status: number | undefined;
    let failure: AppError | undefined;
    request.on("response", (response: { getStatus(): number }) => {
      status = response.getStatus();
    });
    client.addRequest(request);
    client.on("associationRejected", (r: { reason?: number; result?: number }) => {
      failure = new AppError(
        "unprocessable",
        `C-ECHO: association rejected by ${t.calledAeTitle} (reason ${r?.reason ?? "?"}): check both AE titles.`,
      );
    });
    client.on("networkError", (e: Error) => {
      failure = new AppError("unavailable", `C-ECHO: ${t.host}:${t.port} did not answer (${e.message.replace(/^[\s>-]+/, "")}).`);
      reject(failure);
    });
    client.on("closed", () => {
      if (failure) return reject(failure);
      if (status === constants.Status.Success) return resolve();
      reject(
        new AppError(
          "unprocessable",
          status === undefined ? "C-ECHO: no answer to the echo request." : `C-ECHO: status 0x${status.toString(16)}.`,
        ),
      );
    });
    client.send(t.host, t.port, t.callingAeTitle, t.calledAeTitle, {
      connectTimeout: t.timeoutMs,
      associationTimeout: t.timeoutMs,
      pduTimeout: t.timeoutMs,
    });
  });
}
