import type { InstanceDto, StudyDetail } from "@/lib/schemas/study";
import type { ViewerState } from "@/lib/viewer/tool-state";
import { STATUS_LABEL } from "@/components/studies/status-chips";
import { formatStudyDate } from "@/lib/studies/display-name";

const fmt = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? "—" : String(v));
// Tags the summary rows above already show (under a readable name).
const SHOWN_ABOVE = new Set([
  "Modality",
  "StudyDescription",
  "PhotometricInterpretation",
  "Rows",
  "Columns",
  "BitsStored",
  "WindowCenter",
  "WindowWidth",
]);
const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 10) / 10);

/** Key study and DICOM attributes beside the image, plus the current display state. */
export function DicomTagsPanel({ study, instance, state }: { study: StudyDetail["study"]; instance?: InstanceDto; state: ViewerState }) {
  const rows: [string, string][] = [
    ["Pseudonym", study.pseudonym],
    // Null for roles that work on pseudonyms only (annotators): those rows are not shown at all.
    ...(study.patientId !== null || study.patientName !== null || study.accessionNumber !== null
      ? ([
          ["Patient", fmt(study.patientName)],
          ["Patient ID", fmt(study.patientId)],
          ["Accession", fmt(study.accessionNumber)],
        ] as [string, string][])
      : []),
    ["Study date", formatStudyDate(study.studyDate)],
    ["Modality", fmt(study.modality)],
    ["Description", fmt(study.description)],
    ["Status", STATUS_LABEL[study.status] ?? fmt(study.status)],
  ];
  if (instance) {
    rows.push(
      ["Size", `${instance.columns} × ${instance.rows}`],
      ["Photometric", instance.photometric],
      ["Bits stored", String(instance.bitsStored)],
      [
        "File window",
        instance.windowCenter !== null && instance.windowWidth !== null ? `C ${instance.windowCenter} / W ${instance.windowWidth}` : "—",
      ],
      ...Object.entries(instance.tags)
        .filter(([k]) => !SHOWN_ABOVE.has(k))
        .map(([k, v]): [string, string] => [k, fmt(v)]),
    );
  }
  const preset = state.presetIndex !== null ? state.image?.presets[state.presetIndex]?.label : "custom";
  const display: [string, string][] = [
    ["Window", state.voi ? `C ${round(state.voi.center)} / W ${round(state.voi.width)} (${preset})` : "—"],
    ["Zoom", `${Math.round(state.scale * 100)} %`],
    ["Rotation", `${state.rotation}°${state.hflip ? " · flipped H" : ""}${state.vflip ? " · flipped V" : ""}`],
    ["Inverted", state.invert ? "yes" : "no"],
    ["Drag tool", state.mode === "window" ? "window/level" : state.mode],
  ];
  return (
    <aside className="h-full overflow-auto p-3 text-xs" data-testid="dicom-tags" aria-label="DICOM tags">
      <Section title="Study" rows={rows} />
      <Section title="Display" rows={display} testId="display-state" />
    </aside>
  );
}

function Section({ title, rows, testId }: { title: string; rows: [string, string][]; testId?: string }) {
  return (
    <section className="mb-4" data-testid={testId}>
      <h2 className="mb-1 font-semibold uppercase tracking-wide text-slate-400">{title}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-400">{k}</dt>
            <dd className="break-all text-slate-200" data-testid={`tag-${k.toLowerCase().replace(/\W+/g, "-")}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
