// Browser half of `npm run bench:viewer`: the viewer's own loader + cornerstone, in the order DicomViewport uses them.
import cornerstone from "cornerstone-core";
import { fullImageId, previewImageId, registerCxrImageLoaders, type CxrImage } from "@/components/viewer/cxr-image-loader";
import { recordDraw, type ViewerTimings } from "@/components/viewer/viewer-timings";

declare global {
  interface Window {
    __benchDone?: boolean;
    __benchResults?: ViewerTimings[];
    __benchError?: string;
  }
}

const rendered = (el: HTMLElement) =>
  new Promise<void>((resolve) => el.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, () => resolve(), { once: true }));

async function main() {
  const runs = Number(new URLSearchParams(location.search).get("runs") ?? 1);
  const el = document.getElementById("viewport")!;
  registerCxrImageLoaders(cornerstone);
  cornerstone.enable(el);
  window.__benchResults = [];
  // Run 1 is cold (codec compiled while the bytes load); later runs are the next study of a reading session.
  for (let i = 0; i < runs; i++) window.__benchResults.push(await show(el, `/file.dcm?run=${i}`));
  window.__benchDone = true;
}

async function show(el: HTMLElement, url: string): Promise<ViewerTimings> {
  const first = (await cornerstone.loadImage(previewImageId(url))) as CxrImage;
  let drawn = rendered(el);
  cornerstone.displayImage(el, first);
  await drawn;
  recordDraw(url, !first.cxrPreview);
  if (first.cxrPreview) {
    await new Promise((r) => setTimeout(r, 0)); // let the preview frame paint, as the viewer does
    const full = (await cornerstone.loadImage(fullImageId(url))) as CxrImage;
    drawn = rendered(el);
    cornerstone.displayImage(el, full, cornerstone.getViewport(el));
    await drawn;
    recordDraw(url, true);
  }
  return window.__viewerTimings!;
}

main().catch((e: unknown) => {
  window.__benchError = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
});
