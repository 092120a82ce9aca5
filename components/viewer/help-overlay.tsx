"use client";

import { KEY_BINDINGS, keyLabel } from "@/lib/viewer/key-map";

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="absolute inset-0 z-20 grid place-items-center bg-black/70" onClick={onClose} data-testid="viewer-help">
      <div className="max-h-full overflow-auto rounded border border-slate-700 bg-slate-900 p-5 text-sm" onClick={(e) => e.stopPropagation()}>
        <h2 className="mb-3 font-semibold">Keyboard shortcuts</h2>
        <p className="mb-3 text-slate-400">Drag: left button uses the active tool, middle pans, right zooms; the wheel zooms.</p>
        <table>
          <tbody>
            {KEY_BINDINGS.map((b) => (
              <tr key={b.label}>
                <td className="py-0.5 pr-4 font-mono text-sky-300">{b.keys.map(keyLabel).join(" / ")}</td>
                <td className="py-0.5 text-slate-200">{b.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
