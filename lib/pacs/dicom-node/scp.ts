import { EventEmitter } from "node:events";
import type { Socket } from "node:net";
import type { Writable } from "node:stream";
import dcmjsDimse from "dcmjs-dimse";
import { chooseContext, checkAssociation, type NodeIdentity } from "@/lib/pacs/dicom-node/negotiate";
import type { StoreOutcome } from "@/lib/pacs/dicom-node/store-status";

const { Scp, Dataset, constants, responses } = dcmjsDimse;
const { PresentationContextResult: PCR, RejectResult, RejectSource, RejectReason, Status, StorageClass } = constants;
type Association = dcmjsDimse.association.Association;
type PresentationContext = dcmjsDimse.association.PresentationContext;
type CEchoRequest = dcmjsDimse.requests.CEchoRequest;
type CStoreRequest = dcmjsDimse.requests.CStoreRequest;
type CEchoResponse = dcmjsDimse.responses.CEchoResponse;
type CStoreResponse = dcmjsDimse.responses.CStoreResponse;

const STORAGE_CLASSES: ReadonlySet<string> = new Set(Object.values(StorageClass as unknown as Record<string, string>));

export type Peer = { callingAeTitle: string; calledAeTitle: string; address: string };
export type ReceivedInstance = { sopClassUid: string; sopInstanceUid: string; transferSyntaxUid: string; dataset: Uint8Array | null };

export type ScpHandlers = {
  identity: NodeIdentity;
  maxInstanceBytes: number;
  /** dataset null: the instance went over maxInstanceBytes while streaming in and was dropped. */
  store(peer: Peer, instance: ReceivedInstance): Promise<StoreOutcome>;
  rejected(peer: Peer, reason: string): void;
  /** The association is over (released, aborted or the connection dropped): one summary per association. */
  ended(peer: Peer, outcomes: StoreOutcome[]): void;
};

// The C-STORE data set accumulates here (dcmjs-dimse's streaming hook) with a hard size cap: an oversized instance is
// dropped chunk by chunk instead of being held in memory, and answered "out of resources".
class DatasetCollector extends EventEmitter {
  chunks: Buffer[] = [];
  size = 0;
  overflow = false;
  constructor(
    readonly transferSyntaxUid: string,
    private readonly max: number,
  ) {
    super();
  }
  write(chunk: Buffer): boolean {
    this.size += chunk.length;
    if (this.size > this.max) {
      this.overflow = true;
      this.chunks = [];
    } else this.chunks.push(chunk);
    return true;
  }
  end() {}
  bytes(): Uint8Array | null {
    return this.overflow ? null : new Uint8Array(Buffer.concat(this.chunks, this.size));
  }
}

// One instance of this class per TCP connection (dcmjs-dimse's Server constructs it); the handlers do the work.
export function scpClass(h: ScpHandlers) {
  const collected = new WeakMap<object, DatasetCollector>();
  return class CxrScp extends Scp {
    private peer: Peer | undefined;
    private outcomes: StoreOutcome[] = [];
    private pending = new Set<Promise<unknown>>();
    private summarised = false;

    constructor(socket: Socket, opts?: Record<string, unknown>) {
      super(socket, opts);
      this.on("close", () => void this.summarise());
    }

    associationRequested(association: Association) {
      const address = (this as unknown as { socket: Socket }).socket.remoteAddress ?? "unknown";
      this.peer = { callingAeTitle: association.getCallingAeTitle().trim(), calledAeTitle: association.getCalledAeTitle().trim(), address };
      const verdict = checkAssociation(this.peer.callingAeTitle, this.peer.calledAeTitle, h.identity);
      if (!verdict.accept) {
        this.summarised = true; // nothing happened on a rejected association: the rejection is its record
        h.rejected(this.peer, verdict.reason);
        const reason =
          verdict.reason === "calling_ae_not_allowed" ? RejectReason.CallingAeNotRecognized : RejectReason.CalledAeNotRecognized;
        this.sendAssociationReject(RejectResult.Permanent, RejectSource.ServiceUser, reason);
        return;
      }
      for (const { id } of association.getPresentationContexts()) {
        const pc = association.getPresentationContext(id);
        const d = chooseContext(pc.getAbstractSyntaxUid(), pc.getTransferSyntaxUids(), STORAGE_CLASSES);
        if ("accept" in d) pc.setResult(PCR.Accept, d.accept);
        else pc.setResult(d.reject === "abstract_syntax" ? PCR.RejectAbstractSyntaxNotSupported : PCR.RejectTransferSyntaxesNotSupported);
      }
      this.sendAssociationAccept();
    }

    associationReleaseRequested() {
      this.sendAssociationReleaseResponse();
    }

    // The sender aborted (A-ABORT): close the connection now; the 'close' handler writes the association's summary.
    abort() {
      (this as unknown as { socket: Socket }).socket.end();
    }

    cEchoRequest(request: CEchoRequest, callback: (r: CEchoResponse) => void) {
      const response = responses.CEchoResponse.fromRequest(request);
      response.setStatus(Status.Success);
      callback(response);
    }

    createStoreWritableStream(pc: PresentationContext): Writable {
      return new DatasetCollector(pc.getAcceptedTransferSyntaxUid() ?? "1.2.840.10008.1.2", h.maxInstanceBytes) as unknown as Writable;
    }

    createDatasetFromStoreWritableStream(writable: Writable, pc: PresentationContext, callback: (dataset: dcmjsDimse.Dataset) => void) {
      // The data set is not parsed here: the raw bytes go to the ingest service, which parses and validates them once.
      const dataset = new Dataset({}, pc.getAcceptedTransferSyntaxUid());
      collected.set(dataset, writable as unknown as DatasetCollector);
      callback(dataset);
    }

    cStoreRequest(request: CStoreRequest, callback: (r: CStoreResponse) => void) {
      const collector = collected.get(request.getDataset() as object);
      const instance: ReceivedInstance = {
        sopClassUid: request.getAffectedSopClassUid(),
        sopInstanceUid: request.getAffectedSopInstanceUid(),
        transferSyntaxUid: collector?.transferSyntaxUid ?? "1.2.840.10008.1.2",
        dataset: collector?.bytes() ?? null,
      };
      const work = h.store(this.peer!, instance).then((outcome) => {
        this.outcomes.push(outcome);
        const response = responses.CStoreResponse.fromRequest(request);
        response.setStatus(outcome.status);
        if (outcome.comment) response.setErrorComment(outcome.comment);
        // Only now: the instance is durably stored (or refused) before the sender hears success. A sender that has
        // gone meanwhile gets nothing; it will send the instance again.
        if ((this as unknown as { connected: boolean }).connected) callback(response);
      });
      this.pending.add(work);
      void work.finally(() => this.pending.delete(work));
    }

    private async summarise() {
      if (this.summarised || !this.peer) return;
      this.summarised = true;
      await Promise.allSettled([...this.pending]);
      h.ended(this.peer, this.outcomes);
    }
  };
}
