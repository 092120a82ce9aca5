import type { ViewportApi } from "@/components/viewer/dicom-viewport";
import { instanceIdFromImageId } from "@/lib/review-ui/review-items";
import { frameFromImageId } from "@/lib/viewer/frame-source";

// The image and frame on screen: boxes are drawn only on their own frame, and a drawn box is added to it.
export const onScreen = (api: ViewportApi | null) =>
  api
    ? { instanceId: instanceIdFromImageId(api.image.imageId), frame: frameFromImageId(api.image.imageId) }
    : { instanceId: null, frame: null };
