import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as ort from "onnxruntime-node";

// A small KServe v2 / Open Inference Protocol server for tests, standing in for Triton (which cannot run here): it
// runs the real ONNX model with onnxruntime-node and speaks the protocol's REST shapes — GET /v2/health/ready,
// GET /v2/models/{name}, POST /v2/models/{name}/infer with JSON tensors or Triton's binary tensor extension.

const V2_TYPE: Record<string, string> = { float32: "FP32", float16: "FP16" };

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

export interface V2TestServer {
  url: string;
  /** Infer requests served, by encoding. */
  calls: { json: number; binary: number };
  close(): Promise<void>;
}

/** `binary: false` answers binary-extension requests with 400, as a v2 server without it (MLServer) does; `port`: a
 * fixed port (a fault scenario restarts the server on it), else a free one. */
export async function startV2TestServer(
  models: Record<string, Uint8Array>,
  options: { binary?: boolean; port?: number } = {},
): Promise<V2TestServer> {
  const sessions = new Map<string, ort.InferenceSession>();
  for (const [name, bytes] of Object.entries(models)) sessions.set(name, await ort.InferenceSession.create(bytes));
  const calls = { json: 0, binary: 0 };
  const shapeOf = (m: ort.InferenceSession.ValueMetadata) => (m.isTensor ? m.shape.map((d) => (typeof d === "number" ? d : -1)) : []);
  const describe = (m: ort.InferenceSession.ValueMetadata) => ({
    name: m.name,
    datatype: m.isTensor ? (V2_TYPE[m.type] ?? m.type) : "BYTES",
    shape: shapeOf(m),
  });
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, json: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    try {
      if (req.url === "/v2/health/ready") return send(200, {});
      const m = /^\/v2\/models\/([^/]+)(\/infer|\/ready)?$/.exec(req.url ?? "");
      const session = m && sessions.get(decodeURIComponent(m[1]!));
      if (!m || !session) return send(404, { error: `unknown model or path ${req.url}` });
      if (m[2] === "/ready") return send(200, {});
      if (!m[2])
        return send(200, {
          name: m[1],
          platform: "onnxruntime_onnx",
          inputs: session.inputMetadata.map(describe),
          outputs: session.outputMetadata.map(describe),
        });
      if (req.method !== "POST") return send(405, { error: "POST an inference request" });
      const raw = await body(req);
      if (options.binary === false && req.headers["inference-header-content-length"] !== undefined)
        return send(400, { error: "binary tensor extension is not supported" });
      const headerLength = Number(req.headers["inference-header-content-length"] ?? raw.length);
      const request = JSON.parse(raw.subarray(0, headerLength).toString("utf8")) as {
        inputs: { name: string; datatype: string; shape: number[]; data?: number[]; parameters?: { binary_data_size?: number } }[];
        outputs?: { name: string; parameters?: { binary_data?: boolean } }[];
      };
      let at = headerLength;
      const feeds: Record<string, ort.Tensor> = {};
      for (const t of request.inputs) {
        if (t.datatype !== "FP32") return send(400, { error: `datatype ${t.datatype} not supported by this test server` });
        const size = t.parameters?.binary_data_size;
        const data = size
          ? new Float32Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + size))
          : Float32Array.from(t.data ?? []);
        at += size ?? 0;
        feeds[t.name] = new ort.Tensor("float32", data, t.shape);
      }
      const binary = request.outputs?.some((o) => o.parameters?.binary_data) ?? false;
      calls[binary ? "binary" : "json"]++;
      const result = await session.run(feeds);
      const names = request.outputs?.map((o) => o.name) ?? session.outputNames;
      if (!binary) {
        return send(200, {
          model_name: m[1],
          outputs: names.map((n) => ({
            name: n,
            datatype: "FP32",
            shape: result[n]!.dims,
            data: Array.from(result[n]!.data as Float32Array),
          })),
        });
      }
      const blobs = names.map((n) => Buffer.from((result[n]!.data as Float32Array).slice().buffer));
      const header = Buffer.from(
        JSON.stringify({
          model_name: m[1],
          outputs: names.map((n, i) => ({
            name: n,
            datatype: "FP32",
            shape: result[n]!.dims,
            parameters: { binary_data_size: blobs[i]!.length },
          })),
        }),
      );
      res
        .writeHead(200, { "content-type": "application/octet-stream", "inference-header-content-length": String(header.length) })
        .end(Buffer.concat([header, ...blobs]));
    } catch (e) {
      send(500, { error: e instanceof Error ? e.message : String(e) });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    async close() {
      await new Promise((r) => server.close(r));
      for (const s of sessions.values()) await s.release();
    },
  };
}
