import { parseArgs } from "node:util";

// `npm run bench:predict -- [--url URL --token T] [--images DIR | --synthetic] [--models a.onnx,b.onnx] [--rounds N]
// [--clients N] [--port P]`. No flags: the bundled demo model (and YOLO11-L when the training worker can make it) on
// the shared NIH images, against a production server the bench starts itself — the former defaults.
export type BenchArgs = {
  url?: string;
  token?: string;
  images?: string;
  synthetic: boolean;
  models?: string[];
  rounds: number;
  clients: number;
  port: number;
};

export function benchArgs(argv = process.argv.slice(2)): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string" },
      token: { type: "string" },
      images: { type: "string" },
      synthetic: { type: "boolean", default: false },
      models: { type: "string", multiple: true },
      rounds: { type: "string", default: "2" },
      clients: { type: "string", default: "8" },
      port: { type: "string", default: "3301" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "npm run bench:predict -- [--url URL --token TOKEN] [--images DIR | --synthetic] [--models a.onnx,b.onnx] [--rounds 2] [--clients 8] [--port 3301]",
    );
    process.exit(0);
  }
  const int = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be an integer ≥ 1, got ${v}`);
    return n;
  };
  if (values.url && !values.token) throw new Error("--url needs --token (an API token with the predict scope)");
  if (values.url && !values.models)
    throw new Error("--url needs --models: the ONNX file(s) that server serves, for the raw ONNX Runtime rows");
  if (values.images && values.synthetic) throw new Error("--images and --synthetic exclude each other");
  return {
    url: values.url?.replace(/\/$/, ""),
    token: values.token,
    images: values.images,
    synthetic: values.synthetic,
    models: values.models?.flatMap((m) => m.split(",")).filter(Boolean),
    rounds: int("rounds", values.rounds),
    clients: int("clients", values.clients),
    port: int("port", values.port),
  };
}
