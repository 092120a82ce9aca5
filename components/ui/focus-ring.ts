// The one visible keyboard-focus style (app/globals.css gives every focusable element the same ring by default).
export const focusRing =
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 focus-visible:ring-offset-slate-950";
