"use client";

import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from "react";

/** Sums a box side of every ancestor up to <body>: the page padding around the view. */
function ancestorsPadding(el: HTMLElement, side: "Top" | "Bottom"): number {
  let sum = 0;
  for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
    const cs = getComputedStyle(e);
    sum += (parseFloat(cs[`padding${side}`]) || 0) + (parseFloat(cs[`border${side}Width`]) || 0);
  }
  return sum;
}

/**
 * Sizes the element to fill the window from just under the header to the bottom edge: the page's own padding above and
 * below is taken back (negative margins), so the reading view never scrolls the page and wastes no row of pixels.
 */
export function useFillHeight<T extends HTMLElement>(): [RefObject<T | null>, CSSProperties] {
  const ref = useRef<T>(null);
  const [style, setStyle] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const lift = ancestorsPadding(el, "Top");
      const below = ancestorsPadding(el, "Bottom");
      // Where the element would start without our margin (a re-measure finds it already lifted).
      const top = el.getBoundingClientRect().top + window.scrollY - (parseFloat(getComputedStyle(el).marginTop) || 0);
      setStyle({ marginTop: -lift, marginBottom: -below, height: Math.max(320, Math.floor(window.innerHeight - (top - lift))) });
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  return [ref, style];
}
