"use client";

import { useLayoutEffect, useRef, useState, type RefObject } from "react";

/** The element's height so that it ends at the window's bottom edge: the reading view never scrolls the page. */
export function useFillHeight<T extends HTMLElement>(): [RefObject<T | null>, number | undefined] {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      // Whatever the page has below the view (the shell's bottom padding) would scroll the page by that much: taken off too.
      const r = el.getBoundingClientRect();
      const below = Math.max(0, document.documentElement.scrollHeight - (r.bottom + window.scrollY));
      setHeight(Math.max(320, Math.floor(window.innerHeight - (r.top + window.scrollY) - below)));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  return [ref, height];
}
