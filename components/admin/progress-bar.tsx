// A thin progress bar for background jobs (0..1).
export function ProgressBar({ value, label, testId }: { value: number; label?: string; testId?: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="flex items-center gap-2" data-testid={testId} data-progress={pct}>
      <div
        className="h-2 w-32 overflow-hidden rounded bg-slate-800"
        role="progressbar"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className="h-full bg-sky-500 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs text-slate-400">{label ?? `${pct}%`}</span>
    </div>
  );
}
