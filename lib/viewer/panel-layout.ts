import { z } from "zod";

// Which panels the reader keeps open around the image, remembered per user in the browser (localStorage).
export const panelLayoutSchema = z.object({
  tags: z.boolean(), // the DICOM tags panel
  review: z.boolean(), // the review panel
  dock: z.enum(["side", "overlay"]), // the review panel beside the image, or floating over its right edge
});
export type PanelLayout = z.infer<typeof panelLayoutSchema>;

// The image first: tags collapsed, the review panel open beside it.
export const DEFAULT_LAYOUT: PanelLayout = { tags: false, review: true, dock: "side" };

export const layoutStorageKey = (userId: string) => `cxr-review:layout:${userId}`;

/** The stored layout, or the default for anything missing or unreadable (an older or hand-edited value). */
export function parseLayout(raw: string | null): PanelLayout {
  if (!raw) return DEFAULT_LAYOUT;
  try {
    return panelLayoutSchema.parse({ ...DEFAULT_LAYOUT, ...JSON.parse(raw) });
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export type LayoutAction = { type: "togglePanel"; panel: "tags" | "review" } | { type: "toggleDock" };

export function layoutReducer(s: PanelLayout, a: LayoutAction): PanelLayout {
  if (a.type === "togglePanel") return { ...s, [a.panel]: !s[a.panel] };
  // Docking a closed panel also opens it: the key's effect is always visible.
  return { ...s, review: true, dock: s.dock === "side" ? "overlay" : "side" };
}
