// DICOM PN is "Family^Given^Middle^Prefix^Suffix"; app users have a display name ("Anna Müller", "Dr. A. Müller").
// A name already in PN form is kept; otherwise the last word is the family name and the rest the given names.
export function toPersonName(displayName: string): string {
  const name = displayName.trim().replace(/\s+/g, " ");
  if (name.includes("^") || !name) return name.slice(0, 64);
  const words = name.split(" ");
  if (words.length === 1) return words[0]!.slice(0, 64);
  const family = words.pop()!;
  return `${family}^${words.join(" ")}`.slice(0, 64);
}
