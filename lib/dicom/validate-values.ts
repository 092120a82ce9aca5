import { describeChar, uidProblem } from "./validate-uid";

// Value checks per VR (PS3.5 §6.2) for the attributes the ingest validator reads: each returns why a value breaks
// its VR, or null. Values arrive as latin-1 text of the raw bytes, trailing padding already removed.
export type CheckedVr = "AS" | "CS" | "DA" | "DS" | "IS" | "LO" | "PN" | "SH" | "TM" | "UI" | "US";

const MAX_LENGTH: Partial<Record<CheckedVr, number>> = { AS: 4, CS: 16, DA: 8, DS: 16, IS: 12, LO: 64, SH: 16, TM: 14 };
// Text VRs whose character repertoire is the default one only (no ESC, no bytes ≥ 0x80).
const DEFAULT_REPERTOIRE = new Set<CheckedVr>(["AS", "CS", "DA", "DS", "IS", "TM", "UI"]);

export function valueProblem(vr: CheckedVr, text: string): string | null {
  if (vr === "US") return null; // binary: its length is checked by the caller
  if (vr === "UI") return uidProblem(text);
  const control = controlCharacter(text, DEFAULT_REPERTOIRE.has(vr));
  if (control) return `contains ${control}, which ${vr} does not allow`;
  for (const value of text.split("\\")) {
    const problem = singleValueProblem(vr, value);
    if (problem) return problem;
  }
  return null;
}

function singleValueProblem(vr: CheckedVr, value: string): string | null {
  const max = MAX_LENGTH[vr];
  if (max !== undefined && value.length > max) return `has a value of ${value.length} characters (${vr} allows at most ${max})`;
  if (value.trim() === "") return null; // an empty value is allowed for the optional attributes checked here
  switch (vr) {
    case "CS":
      return /^[A-Z0-9 _]*$/.test(value)
        ? null
        : `"${printable(value)}" is not a code string (upper-case letters, digits, space and underscore only)`;
    case "DA":
      return isDate(value) ? null : `"${printable(value)}" is not a date (YYYYMMDD)`;
    case "TM":
      return isTime(value.trim()) ? null : `"${printable(value)}" is not a time (HHMMSS.FFFFFF)`;
    case "DS":
      return /^ *[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)? *$/.test(value) ? null : `"${printable(value)}" is not a decimal string`;
    case "IS":
      return /^ *[+-]?\d+ *$/.test(value) ? null : `"${printable(value)}" is not an integer string`;
    case "AS":
      return /^\d{3}[DWMY]$/.test(value) ? null : `"${printable(value)}" is not an age (nnnD, nnnW, nnnM or nnnY)`;
    case "PN":
      return value.split("=").every((group) => group.length <= 64) ? null : "has a name component group longer than 64 characters";
    default:
      return null;
  }
}

/** A calendar date YYYYMMDD (the month has that day). */
export function isDate(value: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // Date.UTC would read years below 100 as 19xx
  return y > 0 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isTime(value: string): boolean {
  const m = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:\.\d{1,6})?)?)?$/.exec(value);
  if (!m) return false;
  return Number(m[1]) < 24 && (m[2] === undefined || Number(m[2]) < 60) && (m[3] === undefined || Number(m[3]) < 61); // 60: leap second
}

// ESC (0x1B) introduces a character set switch (ISO 2022) in SH/LO/PN; bytes ≥ 0x80 belong to the declared character
// set. Anything else below 0x20 (and DEL) is a corrupt value.
function controlCharacter(text: string, defaultRepertoireOnly: boolean): string | null {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && !(code === 0x1b && !defaultRepertoireOnly)) || code === 0x7f) return describeChar(ch);
    if (defaultRepertoireOnly && code > 0x7f) return describeChar(ch);
  }
  return null;
}

const printable = (s: string) =>
  Array.from(s, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e ? "?" : c))
    .join("")
    .slice(0, 40);
