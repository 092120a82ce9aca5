"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { helpSections, keyLabel } from "@/lib/viewer/key-map";

// Generated from the one key map (lib/viewer/key-map.ts): every key the viewer and the review answer to is listed.
export function HelpOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="Keyboard shortcuts"
      testId="viewer-help"
      className="w-[min(56rem,95vw)]"
      onKeyDown={(e) => e.key === "?" && onClose()}
      description="Drag: left button uses the active tool, middle pans, right zooms; the wheel zooms. Keys act on the image unless a text field or dialog has the focus."
    >
      <div className="grid gap-x-8 gap-y-3 md:grid-cols-2">
        {helpSections().map((s) => (
          <section key={s.title} data-testid={`help-${s.title.toLowerCase()}`}>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-400">{s.title}</h3>
            <table className="w-full">
              <tbody>
                {s.rows.map((r) => (
                  <tr key={r.label} data-testid="help-row">
                    <td className="whitespace-nowrap py-0.5 pr-4 align-top font-mono text-sky-300" data-testid="help-keys">
                      {r.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && " / "}
                          <kbd>{keyLabel(k)}</kbd>
                        </span>
                      ))}
                    </td>
                    <td className="py-0.5 text-slate-200">{r.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <div className="mt-4 flex justify-end">
        <DialogClose asChild>
          <Button variant="secondary" data-testid="help-close">
            Close (Esc)
          </Button>
        </DialogClose>
      </div>
    </Dialog>
  );
}
