// The KServe v2 test server (lib/inference/testing/v2-test-server.ts: the v2 REST protocol, the real ONNX model on
// onnxruntime) as its own process on a fixed port, so a fault scenario can kill it and start it again.
// Usage: tsx test/faults/support/v2-server-main.ts <port> <model-name>=<model.onnx> …
import fs from "node:fs";
import { startV2TestServer } from "@/lib/inference/testing/v2-test-server";

const [port, ...models] = process.argv.slice(2);
const table = Object.fromEntries(
  models.map((m) => [m.slice(0, m.indexOf("=")), new Uint8Array(fs.readFileSync(m.slice(m.indexOf("=") + 1)))]),
);
const server = await startV2TestServer(table, { port: Number(port) });
console.log(`v2 server ready on ${server.url}`);
