import { POST as stowStudies } from "@/app/dicomweb/studies/route";
import { POST as stowStudy } from "@/app/dicomweb/studies/[studyInstanceUid]/route";
import type { Route } from "@/lib/pacs/testing/serve-route";

// The app's two STOW-RS routes, for serveRoutes().
export const stowRoutes: Route[] = [
  { method: "POST", pattern: /^\/dicomweb\/studies$/, handler: stowStudies },
  { method: "POST", pattern: /^\/dicomweb\/studies\/([^/]+)$/, handler: stowStudy, params: (m) => ({ studyInstanceUid: decodeURIComponent(m[1]!) }) },
];
