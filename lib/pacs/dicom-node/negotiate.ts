import { isSupportedTransferSyntax } from "@/lib/dicom/transfer-syntax";

export const VERIFICATION_SOP_CLASS = "1.2.840.10008.1.1";

export type NodeIdentity = { aeTitle: string; allowedAets: readonly string[] };
export type AssociationVerdict = { accept: true } | { accept: false; reason: "calling_ae_not_allowed" | "called_ae_unknown" };

// AE titles are compared without their space padding; an empty allow-list admits any calling AE.
export function checkAssociation(calling: string, called: string, node: NodeIdentity): AssociationVerdict {
  if (called.trim() !== node.aeTitle.trim()) return { accept: false, reason: "called_ae_unknown" };
  if (node.allowedAets.length > 0 && !node.allowedAets.some((a) => a.trim() === calling.trim()))
    return { accept: false, reason: "calling_ae_not_allowed" };
  return { accept: true };
}

export type ContextDecision = { accept: string } | { reject: "abstract_syntax" | "transfer_syntax" };

// Verification and storage SOP classes only (the node is a C-STORE / C-ECHO SCP). For storage, the first transfer
// syntax in the caller's order that lib/dicom decodes: the instance is then stored exactly as the modality encoded it.
export function chooseContext(abstractSyntax: string, proposed: readonly string[], storageClasses: ReadonlySet<string>): ContextDecision {
  if (abstractSyntax === VERIFICATION_SOP_CLASS) {
    const ts = proposed.find((t) => t === "1.2.840.10008.1.2" || t === "1.2.840.10008.1.2.1");
    return ts ? { accept: ts } : { reject: "transfer_syntax" };
  }
  if (!storageClasses.has(abstractSyntax)) return { reject: "abstract_syntax" };
  const ts = proposed.find((t) => isSupportedTransferSyntax(t));
  return ts ? { accept: ts } : { reject: "transfer_syntax" };
}
