// PS3.5 §9.1: a UID is dot-separated numeric components, at most 64 characters, no component empty or with a leading
// zero. A file whose UIDs break this cannot be stored, queried or sent back to a PACS faithfully.
export const MAX_UID_LENGTH = 64;

/** Why `uid` is not a valid UID, or null when it is. `uid` is the value without its trailing NUL padding. */
export function uidProblem(uid: string): string | null {
  if (uid.length === 0) return "is empty";
  if (uid.length > MAX_UID_LENGTH) return `is ${uid.length} characters long (at most ${MAX_UID_LENGTH})`;
  const bad = /[^0-9.]/.exec(uid);
  if (bad) return `contains ${describeChar(bad[0])} (only digits and dots are allowed)`;
  const components = uid.split(".");
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    if (c.length === 0) return `has an empty component at position ${i + 1}`;
    if (c.length > 1 && c.startsWith("0")) return `has a leading zero in component ${i + 1} ("${c}")`;
  }
  return null;
}

export function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code > 0x7e ? `the byte 0x${code.toString(16).padStart(2, "0").toUpperCase()}` : `"${ch}"`;
}
