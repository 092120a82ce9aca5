"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { KeyboardEvent, ReactNode } from "react";

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  /** Where focus goes when the dialog opens (default: its first focusable element). */
  onOpenAutoFocus?: (e: Event) => void;
  onKeyDown?: (e: KeyboardEvent) => void;
}

// A modal dialog: focus is trapped inside, Esc and a click outside close it, it is labelled by its title, and focus
// goes back to where it was when it closes (Radix Dialog).
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  testId,
  className = "w-96",
  onOpenAutoFocus,
  onKeyDown,
}: Props) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/70" />
        <RadixDialog.Content
          className={`fixed left-1/2 top-1/2 z-50 max-h-[90dvh] max-w-[95vw] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-md border border-slate-700 bg-slate-900 p-5 text-sm shadow-xl focus:outline-none ${className}`}
          data-testid={testId}
          onOpenAutoFocus={onOpenAutoFocus}
          onKeyDown={onKeyDown}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <RadixDialog.Title className="mb-2 font-semibold">{title}</RadixDialog.Title>
          {description && <RadixDialog.Description className="mb-3 text-slate-300">{description}</RadixDialog.Description>}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export const DialogClose = RadixDialog.Close;
