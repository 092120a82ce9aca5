import type { DecodeRequest } from "@/lib/viewer/decode-protocol";
import { handleDecodeRequest } from "@/lib/viewer/worker-decoder";
import { configureCodecAssets } from "./codec-assets";

// Web Worker entry: the viewer's DICOM fetch + decode (lib/dicom) off the main thread; replies transfer the pixels.
configureCodecAssets();

self.onmessage = (e: MessageEvent<DecodeRequest>) => {
  void handleDecodeRequest(e.data, (reply, transfer = []) => self.postMessage(reply, { transfer }));
};
