import { AppError } from "@/lib/errors";
import { parseClassNames, parseImgsz, parsePythonBool } from "./python-literal";

// What the app needs to know about an Ultralytics ONNX detector, from its metadata_props and its I/O shapes.

/** `anchors`: YOLOv8/11 `[B, 4+nc, N]` (cx,cy,w,h + class scores). `end2end`: `[B, N, 6]` (x1,y1,x2,y2,score,class). */
export type HeadKind = "anchors" | "end2end";

/** One input or output as onnxruntime reports it (a symbolic dimension is a string). */
export interface TensorInfo {
  name: string;
  type: string;
  shape: ReadonlyArray<number | string>;
}

export interface ModelMetadata {
  task: "detect";
  names: string[];
  inputName: string;
  outputName: string;
  inputType: "float32" | "float16";
  /** The model's input grid in pixels (Ultralytics imgsz is [height, width]). */
  inputWidth: number;
  inputHeight: number;
  channels: 1 | 3;
  /** A fixed batch size, or "dynamic". */
  batch: number | "dynamic";
  head: HeadKind;
  stride?: number;
  version?: string;
  description?: string;
}

function unprocessable(message: string): never {
  throw new AppError("unprocessable", `Model metadata: ${message}`);
}

const fixed = (d: number | string | undefined): number | undefined => (typeof d === "number" && d > 0 ? d : undefined);

function pickHead(shape: ReadonlyArray<number | string>, nc: number, e2eHint: boolean): HeadKind {
  if (shape.length !== 3) unprocessable(`output must be rank 3, got [${shape.join(", ")}]`);
  const [, d1, d2] = shape;
  const anchorsFits = d1 === 4 + nc;
  const e2eFits = d2 === 6;
  if (anchorsFits && e2eFits) return e2eHint ? "end2end" : "anchors"; // nc = 2 with 6 rows: ask the metadata
  if (anchorsFits) return "anchors";
  if (e2eFits) return "end2end";
  if (typeof d1 === "string" && typeof d2 === "string") return e2eHint ? "end2end" : "anchors";
  unprocessable(`output [${shape.join(", ")}] is neither [B, ${4 + nc}, N] nor [B, N, 6]`);
}

/** Validates an Ultralytics detector and derives everything decode needs. Throws AppError otherwise. */
export function parseModelMetadata(
  props: Record<string, string>,
  inputs: readonly TensorInfo[],
  outputs: readonly TensorInfo[],
): ModelMetadata {
  const task = props.task?.trim();
  if (task === undefined) unprocessable("no 'task' key; export the model with Ultralytics (format=onnx)");
  if (task !== "detect") throw new AppError("unsupported", `Model task '${task}' is not supported; need 'detect'`);
  if (props.names === undefined) unprocessable("no 'names' key (class names)");
  const names = parseClassNames(props.names);
  if (names.length === 0) unprocessable("'names' is empty");

  const input = inputs[0];
  if (inputs.length !== 1 || input === undefined) unprocessable(`expected one input, got ${inputs.length}`);
  const output = outputs.find((o) => o.name === "output0") ?? outputs[0];
  if (output === undefined) unprocessable("model has no output");
  if (input.type !== "float32" && input.type !== "float16") {
    throw new AppError("unsupported", `Model input type '${input.type}' is not supported`);
  }
  if (input.shape.length !== 4) unprocessable(`input must be [B, C, H, W], got [${input.shape.join(", ")}]`);
  const [b, c, h, w] = input.shape;
  const [imgH, imgW] = props.imgsz !== undefined ? parseImgsz(props.imgsz) : [undefined, undefined];
  // Fixed input dimensions are authoritative; imgsz only fills in dynamic ones.
  const inputHeight = fixed(h) ?? imgH ?? unprocessable("input height is dynamic and there is no 'imgsz'");
  const inputWidth = fixed(w) ?? imgW ?? unprocessable("input width is dynamic and there is no 'imgsz'");
  const channels = fixed(c) ?? Number(props.channels ?? 3);
  if (channels !== 1 && channels !== 3) unprocessable(`input has ${channels} channels; need 1 or 3`);

  const e2eHint = parsePythonBool(props.end2end) === true || /['"]nms['"]\s*:\s*True/.test(props.args ?? "");
  const head = pickHead(output.shape, names.length, e2eHint);
  const stride = props.stride !== undefined ? Number(props.stride) : undefined;
  return {
    task: "detect",
    names,
    inputName: input.name,
    outputName: output.name,
    inputType: input.type,
    inputWidth,
    inputHeight,
    channels,
    batch: fixed(b) ?? "dynamic",
    head,
    ...(stride !== undefined && Number.isFinite(stride) ? { stride } : {}),
    ...(props.version !== undefined ? { version: props.version } : {}),
    ...(props.description !== undefined ? { description: props.description } : {}),
  };
}
