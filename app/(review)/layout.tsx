import type { ReactNode } from "react";
import { SignedInShell } from "@/app/_auth/signed-in-shell";

export const dynamic = "force-dynamic";

export default function ReviewLayout({ children }: { children: ReactNode }) {
  return <SignedInShell roles={["radiologist", "annotator", "admin"]}>{children}</SignedInShell>;
}
