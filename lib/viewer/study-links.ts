// Worklist-aware links for the viewer: the worklist's query string rides along so next/previous keep its order.
export interface NeighboursDto {
  previousId: string | null;
  nextId: string | null;
}

export function studyHref(studyId: string, worklistQuery: string): string {
  const q = worklistQuery.replace(/^\?/, "");
  return `/studies/${encodeURIComponent(studyId)}${q ? `?${q}` : ""}`;
}

export function neighboursUrl(studyId: string, worklistQuery: string): string {
  const q = worklistQuery.replace(/^\?/, "");
  return `/api/v1/studies/${encodeURIComponent(studyId)}/neighbours${q ? `?${q}` : ""}`;
}

/** Back to the worklist with its filters and sort intact (the worklist lives at "/"). */
export function worklistHref(worklistQuery: string): string {
  const q = worklistQuery.replace(/^\?/, "");
  return q ? `/?${q}` : "/";
}
