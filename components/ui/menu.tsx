"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";
import { focusRing } from "./focus-ring";

// A menu button (Radix DropdownMenu): arrow keys move, Enter picks, Esc closes and returns focus to the button.
export function MenuButton({
  label,
  title,
  open,
  onOpenChange,
  testId,
  children,
}: {
  label: ReactNode;
  title: string;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Menu.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <Menu.Trigger
        className={`rounded px-2 py-1 text-xs font-medium bg-slate-800 text-slate-200 hover:bg-slate-700 data-[state=open]:bg-sky-700 ${focusRing}`}
        aria-label={title}
        title={title}
        data-testid={testId}
      >
        {label}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-52 rounded-md border border-slate-700 bg-slate-900 p-1 text-sm shadow-xl"
          data-testid={testId ? `${testId}-content` : undefined}
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

export function MenuItem({
  onSelect,
  shortcut,
  checked,
  disabled,
  testId,
  children,
}: {
  onSelect: () => void;
  shortcut?: string;
  checked?: boolean;
  disabled?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Menu.Item
      onSelect={onSelect}
      disabled={disabled}
      data-testid={testId}
      aria-checked={checked}
      className="flex cursor-pointer select-none items-center gap-3 rounded px-2 py-1 text-slate-200 outline-none data-[disabled]:opacity-40 data-[highlighted]:bg-sky-800"
    >
      <span className="w-3 text-sky-300">{checked ? "✓" : ""}</span>
      <span className="flex-1">{children}</span>
      {shortcut && <kbd className="font-mono text-xs text-slate-400">{shortcut}</kbd>}
    </Menu.Item>
  );
}

export function MenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-slate-700" />;
}
