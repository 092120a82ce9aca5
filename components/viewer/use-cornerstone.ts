"use client";

import type cornerstoneType from "cornerstone-core";
import { useEffect, useState, type RefObject } from "react";
import { registerCxrImageLoaders } from "./cxr-image-loader";

export type Cornerstone = typeof cornerstoneType;

/** Loads cornerstone-core in the browser only (it touches window at import) and enables the element. */
export function useCornerstone(ref: RefObject<HTMLDivElement | null>): Cornerstone | null {
  const [cs, setCs] = useState<Cornerstone | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let cancelled = false;
    let enabled: Cornerstone | null = null;
    import("cornerstone-core").then((mod) => {
      if (cancelled) return;
      const cornerstone = (mod.default ?? mod) as Cornerstone;
      registerCxrImageLoaders(cornerstone);
      cornerstone.enable(element);
      enabled = cornerstone;
      setCs(cornerstone);
    });
    return () => {
      cancelled = true;
      enabled?.disable(element);
    };
  }, [ref]);
  return cs;
}
