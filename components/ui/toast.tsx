"use client";

import * as RadixToast from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type Toast = { id: number; title: string; tone: "info" | "error" };
const ToastContext = createContext<(title: string, tone?: Toast["tone"]) => void>(() => {});

/** Short, polite announcements (Radix Toast: a live region, F8 jumps to them, Esc dismisses). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback(
    (title: string, tone: Toast["tone"] = "info") => setToasts((t) => [...t, { id: Date.now() + Math.random(), title, tone }]),
    [],
  );
  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider swipeDirection="right" duration={4000}>
        {children}
        {toasts.map((t) => (
          <RadixToast.Root
            key={t.id}
            onOpenChange={(open) => !open && setToasts((all) => all.filter((x) => x.id !== t.id))}
            data-testid="toast"
            className={`rounded border px-3 py-2 text-sm shadow ${t.tone === "error" ? "border-rose-700 bg-rose-950 text-rose-100" : "border-slate-700 bg-slate-900 text-slate-100"}`}
          >
            <RadixToast.Title>{t.title}</RadixToast.Title>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="fixed bottom-4 right-4 z-50 flex w-80 flex-col gap-2 outline-none" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
