import type { LoadedModel } from "./onnx-session";
import { openKserveSession, type KserveOptions } from "./kserve-session";
import { readOnnxMetadataProps } from "./onnx-metadata-props";
import { sessionDetector } from "./session-detector";

// The registered ONNX served by a KServe v2 server: class names, input size and head come from the same bytes the
// registry holds (v2 metadata has no Ultralytics props), tensor shapes from the server, so a model deployed there
// under another file is refused unless its inputs and outputs match.
export async function loadKserveModel(bytes: Uint8Array, options: KserveOptions): Promise<LoadedModel> {
  const props = readOnnxMetadataProps(bytes);
  const session = await openKserveSession(options);
  const { metadata, run } = sessionDetector(session, (type, data, dims) => ({ type, data, dims }), props);
  // "kserve", or "kserve:openvino/bf16" when the server says what runs the graph
  return {
    key: `kserve:${options.url}/${options.model}`,
    metadata,
    providerUsed: session.engine ? `kserve:${session.engine}` : "kserve",
    run,
  };
}
