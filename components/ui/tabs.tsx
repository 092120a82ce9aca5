"use client";

import * as RadixTabs from "@radix-ui/react-tabs";
import type { ReactNode } from "react";
import { focusRing } from "./focus-ring";

// Tabs with arrow-key movement and the ARIA tab pattern (Radix Tabs).
export function Tabs({
  tabs,
  defaultValue,
  label,
}: {
  tabs: { value: string; label: string; content: ReactNode }[];
  defaultValue?: string;
  label: string;
}) {
  return (
    <RadixTabs.Root defaultValue={defaultValue ?? tabs[0]?.value} className="flex min-h-0 flex-col">
      <RadixTabs.List aria-label={label} className="mb-2 flex gap-1 border-b border-slate-800">
        {tabs.map((t) => (
          <RadixTabs.Trigger
            key={t.value}
            value={t.value}
            data-testid={`tab-${t.value}`}
            className={`rounded-t px-2 py-1 text-xs text-slate-300 data-[state=active]:bg-slate-800 data-[state=active]:text-white ${focusRing}`}
          >
            {t.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((t) => (
        <RadixTabs.Content key={t.value} value={t.value} className={`min-h-0 flex-1 overflow-auto ${focusRing}`}>
          {t.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
