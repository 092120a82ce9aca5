// The image is the reader's home: text entry and dialogs hand focus back to it so the next key is a shortcut again.
export const VIEWPORT_ELEMENT_ID = "cxr-viewport";

export function focusImage(): void {
  document.getElementById(VIEWPORT_ELEMENT_ID)?.focus({ preventScroll: true });
}

const FIELD_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** A text field, select or editable element: keys typed there are text, not shortcuts. */
export function isField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || FIELD_TAGS.has(el.tagName));
}

/** Inside an open dialog or menu: that widget owns the keyboard, the shortcuts behind it stay still. */
export function isInsideModal(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el?.closest?.('[role="dialog"], [role="alertdialog"], [role="menu"]');
}
