import { AppError } from "@/lib/errors";

// Ultralytics writes metadata values with Python's str(): names is "{0: 'Mass', 1: \"Crohn's\"}" (or a list),
// imgsz is "[640, 640]", booleans are "True"/"False". Parse just those shapes.

function bad(what: string, text: string): never {
  throw new AppError("unprocessable", `Model metadata: cannot parse ${what} from ${JSON.stringify(text)}`);
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };

/** Reads a Python string literal starting at text[start]; returns the value and the index after it. */
function readString(text: string, start: number): [string, number] {
  const quote = text[start];
  let out = "";
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    const ch = text[i]!;
    if (ch !== "\\") {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1] ?? "";
    const hexLen = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
    if (hexLen > 0) {
      const code = Number.parseInt(text.slice(i + 2, i + 2 + hexLen), 16);
      if (Number.isNaN(code)) bad("string escape", text);
      out += String.fromCodePoint(code);
      i += 2 + hexLen;
    } else {
      out += ESCAPES[next] ?? `\\${next}`;
      i += 2;
    }
  }
  if (i >= text.length) bad("string", text);
  return [out, i + 1];
}

/** Parses `{0: 'a', 1: 'b'}` or `['a', 'b']` into an index-ordered array; indices must be 0..n-1. */
export function parseClassNames(text: string): string[] {
  const s = text.trim();
  const isDict = s.startsWith("{") && s.endsWith("}");
  if (!isDict && !(s.startsWith("[") && s.endsWith("]"))) bad("class names", text);
  const names: string[] = [];
  const seen = new Set<number>();
  let i = 1;
  let nextIndex = 0;
  const skipWs = () => {
    while (i < s.length && /[\s,]/.test(s[i]!)) i++;
  };
  for (skipWs(); i < s.length - 1; skipWs()) {
    let index = nextIndex++;
    if (isDict) {
      const m = /^(-?\d+)\s*:\s*/.exec(s.slice(i));
      if (!m) bad("class names", text);
      index = Number(m[1]);
      i += m[0].length;
    }
    if (s[i] !== "'" && s[i] !== '"') bad("class names", text);
    const [name, end] = readString(s, i);
    i = end;
    if (seen.has(index) || index < 0) bad("class names (duplicate or negative index)", text);
    seen.add(index);
    names[index] = name;
  }
  for (let k = 0; k < names.length; k++) if (names[k] === undefined) bad("class names (gap in indices)", text);
  return names;
}

/** "[640, 640]" → [640, 640]; "640" → [640, 640]. Returned as [height, width] like Ultralytics. */
export function parseImgsz(text: string): [number, number] {
  const nums = (text.match(/\d+/g) ?? []).map(Number);
  if (nums.length === 1) return [nums[0]!, nums[0]!];
  if (nums.length === 2) return [nums[0]!, nums[1]!];
  bad("imgsz", text);
}

export function parsePythonBool(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  return t === "True" ? true : t === "False" ? false : undefined;
}
