import type { Element } from "dicom-parser";
import {
  datasetElements,
  latin1,
  overwrite,
  parseForSplice,
  withInserted,
  withLengthField,
  withSwapped,
  withValue,
  type ParsedFile,
} from "./dicom-splice";

// A seeded, deterministic header fuzzer over real DICOM files: every mutant breaks one rule a DICOM node checks (UIDs,
// VRs, enumerated values, lengths, LUTs, the tag stream), so every mutant must be refused. Same seeds + same seed
// number → the same mutants, so a failure is reproducible from its name.
export type FuzzSeed = { name: string; bytes: Uint8Array };
export type Mutant = { name: string; family: string; bytes: Uint8Array };
type Rng = () => number;
type Mutation = (f: ParsedFile, rng: Rng) => Uint8Array | null;

const UIDS = ["x0020000d", "x0020000e", "x00080018", "x00080016"];
const META_UIDS = ["x00020002", "x00020003", "x00020010"];
const TEXT = ["x00100010", "x00100020", "x00081030", "x00080050", "x00080090"];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const el = (f: ParsedFile, key: string): Element | undefined => f.ds.elements[key];
const present = (f: ParsedFile, keys: string[]) => keys.map((k) => el(f, k)).filter((e): e is Element => e !== undefined && e.length > 0);
const valueOf = (f: ParsedFile, e: Element) =>
  Array.from(f.bytes.subarray(e.dataOffset, e.dataOffset + e.length), (b) => String.fromCharCode(b))
    .join("")
    .replace(/[\0 ]+$/, "");
const us = (v: number) => Uint8Array.of(v & 255, v >> 8);
const replaceUs = (f: ParsedFile, key: string, values: number[], rng: Rng) => {
  const e = el(f, key);
  return e && e.length >= 2 ? overwrite(f, e.dataOffset, us(pick(rng, values))) : null;
};
const replaceText =
  (keys: string[], values: string[]): Mutation =>
  (f, rng) => {
    const targets = present(f, keys).concat(keys.map((k) => el(f, k)).filter((e): e is Element => e !== undefined && e.length === 0));
    return targets.length ? withValue(f, pick(rng, targets), latin1(pick(rng, values))) : null;
  };

const MUTATIONS: Record<string, Mutation> = {
  // UIDs (PS3.5 §9.1): a foreign character, a leading zero or empty component, too long, path-like.
  "uid-character": (f, rng) => {
    const targets = present(f, [...UIDS, ...META_UIDS]).filter((e) => valueOf(f, e).length > 2);
    if (!targets.length) return null;
    const e = pick(rng, targets);
    const at = e.dataOffset + Math.floor(rng() * (valueOf(f, e).length - 1));
    return overwrite(f, at, Uint8Array.of(pick(rng, [0x2f, 0x41, 0x20, 0x01, 0xf2, 0x2d, 0x5c, 0x00])));
  },
  "uid-component": (f, rng) => {
    const targets = present(f, [...UIDS, ...META_UIDS]);
    if (!targets.length) return null;
    const e = pick(rng, targets);
    const v = valueOf(f, e);
    const starts = [...v.matchAll(/(^|\.)(\d{2,})/g)].map((m) => m.index! + m[1]!.length);
    const dot = v.indexOf(".");
    if (starts.length) return overwrite(f, e.dataOffset + pick(rng, starts), latin1("0"));
    return dot >= 0 ? overwrite(f, e.dataOffset + dot + 1, latin1(".")) : null;
  },
  "uid-length": replaceText(UIDS, [
    "1.2.826.0.1.3680043.10.1." + "1234567890".repeat(4),
    "2.25." + "9".repeat(197),
    "../../etc/passwd",
    "1.2.3.",
    ".1.2.3",
    "1.2..3",
  ]),
  // VRs: a checked attribute encoded with the wrong VR, or two bytes that are no VR at all.
  "vr-swap": (f, rng) => {
    if (!f.explicit) return null;
    const targets = present(f, ["x00080060", "x00100010", "x00100020", "x00080020", "x0020000d", "x00280004", "x00081030"]);
    if (!targets.length) return null;
    const e = pick(rng, targets);
    const vr = pick(
      rng,
      ["AE", "SH", "ST", "LT", "DS", "IS", "CS", "PN"].filter((v) => v !== e.vr),
    );
    return overwrite(f, e.dataOffset - 4, latin1(vr));
  },
  "vr-garbage": (f, rng) => {
    if (!f.explicit) return null;
    const targets = datasetElements(f).filter((e) => e.tag !== "x7fe00010" && !e.items);
    return targets.length
      ? overwrite(
          f,
          pick(rng, targets).dataOffset - 4,
          pick(rng, [Uint8Array.of(0, 0), latin1("zz"), Uint8Array.of(0xff, 0x01), latin1("U?")]),
        )
      : null;
  },
  // Enumerated values and the Image Pixel module's consistency.
  photometric: replaceText(["x00280004"], ["MONOCHROM\u00f21", "MONOCHROME3", "PALETTE COLOR", "HSV", "CMYK", "monochrome2", ""]),
  "samples-per-pixel": (f, rng) => replaceUs(f, "x00280002", [0, 2, 4, 3, 255], rng),
  "bits-allocated": (f, rng) => replaceUs(f, "x00280100", [0, 1, 12, 24, 32, 64], rng),
  "bits-stored": (f, rng) => replaceUs(f, "x00280101", [0, 17, 24, 40], rng),
  "high-bit": (f, rng) => {
    const stored = f.ds.uint16("x00280101");
    return stored === undefined
      ? null
      : replaceUs(
          f,
          "x00280102",
          [stored, stored + 1, stored - 2, 0].filter((v) => v !== stored - 1 && v >= 0),
          rng,
        );
  },
  "pixel-representation": (f, rng) => replaceUs(f, "x00280103", [2, 3, 255, 0x8000], rng),
  "patient-sex": replaceText(["x00100040"], ["X", "MALE", "m", "?"]),
  // Patient / study module values: impossible dates and times, control characters, values longer than their VR.
  date: replaceText(
    ["x00080020", "x00100030", "x00080021"],
    ["20241345", "2024-01-01", "20230229", "00000000", "2024013", "19991232", "ABCDEFGH"],
  ),
  time: replaceText(["x00080030"], ["256000", "12:30:00", "1261", "120075"]),
  "control-character": replaceText(TEXT, ["Doe^John\u0007", "ID\u00001234", "Chest\nPA", "A\u001b\u0001", "\u007fX"]),
  "value-length": replaceText(
    ["x00100020", "x00080050", "x00080060", "x00081030"],
    ["P".repeat(65), "A".repeat(17) + "1".repeat(50), "X".repeat(300)],
  ),
  "window-width": replaceText(["x00281051"], ["0", "-100", "0.5"]),
  "decimal-string": replaceText(["x00281053", "x00281052", "x00280030"], ["abc", "1,5", "1.2.3", "NaN"]),
  // Lengths and the tag stream: a length past the end of the file, a file cut inside its header, tags out of order.
  "length-past-end": (f, rng) => {
    const e = el(f, "x7fe00010");
    if (!e || e.hadUndefinedLength) return null;
    return withLengthField(f, e, e.length + 2 + 2 * Math.floor(rng() * 5000));
  },
  "truncated-header": (f, rng) => {
    const pixel = el(f, "x7fe00010");
    const end = pixel ? pixel.dataOffset - 8 : f.bytes.length;
    return end > 200 ? f.bytes.slice(0, 140 + Math.floor(rng() * (end - 140))) : null;
  },
  "tag-order": (f, rng) => {
    const els = datasetElements(f).filter((e) => e.tag !== "x7fe00010" && !e.hadUndefinedLength);
    if (els.length < 3) return null;
    const i = Math.floor(rng() * (els.length - 1));
    return withSwapped(f, els[i]!, els[i + 1]!);
  },
  // LUTs: a VOI or Modality LUT whose data disagree with the descriptor, or with an invalid entry size.
  "lut-data": (f, rng) => {
    const entries = 64 + Math.floor(rng() * 64);
    const bits = pick(rng, [16, 16, 12, 4]);
    const dataEntries = bits === 16 ? entries + pick(rng, [1, 2, 7, -3, 100]) : entries;
    const lut = Uint16Array.from({ length: Math.max(1, dataEntries) }, (_, i) => i * 8);
    const tag = pick(rng, [0x00283010, 0x00283000]);
    if (f.ds.elements["x" + tag.toString(16).padStart(8, "0")]) return null;
    return withInserted(f, {
      tag,
      vr: "SQ",
      value: [
        [
          { tag: 0x00283002, vr: "US", value: [entries, 0, bits] },
          { tag: 0x00283006, vr: "OW", value: lut },
        ],
      ],
    });
  },
};

export const MUTATION_FAMILIES = Object.keys(MUTATIONS);

/** `count` mutants, spread over the seeds and the mutation families, deterministic for a given `seed`. */
export function fuzzHeaders(seeds: FuzzSeed[], count: number, seed = 1): Mutant[] {
  const rng = mulberry32(seed);
  const files = seeds.map((s) => ({ name: s.name, parsed: parseForSplice(s.bytes) })).filter((s) => s.parsed !== null);
  const out: Mutant[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 20 && files.length; attempt++) {
    const family = MUTATION_FAMILIES[attempt % MUTATION_FAMILIES.length]!; // families interleaved, files in turn
    const file = files[Math.floor(attempt / MUTATION_FAMILIES.length) % files.length]!;
    const bytes = MUTATIONS[family]!(file.parsed!, rng);
    if (bytes) out.push({ name: `${family}#${out.length}@${file.name}`, family, bytes });
  }
  return out;
}

// mulberry32: a tiny seeded PRNG (deterministic across platforms, unlike Math.random).
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
