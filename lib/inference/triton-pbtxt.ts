import type { TritonModelConfig, TritonTensorConfig } from "./triton-config";

// Writes a TritonModelConfig as config.pbtxt (protobuf text format of model_config.proto). Field names are the
// proto's snake_case names; enums are bare identifiers; strings are C-escaped with non-ASCII bytes as octal, which
// every protobuf text parser reads.

function quote(s: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(s)) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += "\\\\";
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, "0")}`;
  }
  return `"${out}"`;
}

const list = (xs: readonly number[]): string => `[ ${xs.join(", ")} ]`;

function tensor(t: TritonTensorConfig): string[] {
  return ["  {", `    name: ${quote(t.name)}`, `    data_type: ${t.dataType}`, `    dims: ${list(t.dims)}`, "  }"];
}

function tensors(field: string, ts: readonly TritonTensorConfig[]): string[] {
  return [
    `${field} [`,
    ...ts.flatMap((t, i) => {
      const lines = tensor(t);
      if (i < ts.length - 1) lines[lines.length - 1] += ",";
      return lines;
    }),
    "]",
  ];
}

export function toPbtxt(c: TritonModelConfig): string {
  const lines = [
    `name: ${quote(c.name)}`,
    `backend: ${quote(c.backend)}`,
    `max_batch_size: ${c.maxBatchSize}`,
    ...tensors("input", c.input),
    ...tensors("output", c.output),
  ];
  if (c.dynamicBatching) {
    lines.push(
      "dynamic_batching {",
      `  preferred_batch_size: ${list(c.dynamicBatching.preferredBatchSize)}`,
      `  max_queue_delay_microseconds: ${c.dynamicBatching.maxQueueDelayMicroseconds}`,
      "}",
    );
  }
  lines.push("instance_group [", c.instanceGroup.map((g) => `  { count: ${g.count} kind: ${g.kind} }`).join(",\n"), "]");
  const accelerators = c.optimization?.executionAccelerators.gpuExecutionAccelerator ?? [];
  if (accelerators.length > 0) {
    lines.push("optimization {", "  execution_accelerators {", "    gpu_execution_accelerator: [");
    accelerators.forEach((a, i) => {
      const params = Object.entries(a.parameters).map(([k, v]) => `        parameters { key: ${quote(k)} value: ${quote(v)} }`);
      lines.push("      {", `        name: ${quote(a.name)}`, ...params, i < accelerators.length - 1 ? "      }," : "      }");
    });
    lines.push("    ]", "  }", "}");
  }
  return `${lines.join("\n")}\n`;
}
