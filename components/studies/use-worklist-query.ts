"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type WorklistParams = Record<"status" | "modality" | "from" | "to" | "q" | "sort" | "dir" | "page", string>;
const KEYS: (keyof WorklistParams)[] = ["status", "modality", "from", "to", "q", "sort", "dir", "page"];

// Worklist state lives in the URL, so a reload, a shared link or the viewer's next/previous keep it.
export function useWorklistParams() {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = Object.fromEntries(KEYS.map((k) => [k, search.get(k) ?? ""])) as WorklistParams;
  const queryString = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "")).toString();
  const update = useCallback(
    (patch: Partial<WorklistParams>) => {
      const next = new URLSearchParams(search.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!("page" in patch)) next.delete("page"); // a new filter starts at page 1
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [pathname, router, search],
  );
  return { params, queryString, update };
}
