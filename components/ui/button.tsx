import type { ComponentPropsWithRef } from "react";
import { focusRing } from "./focus-ring";

type Variant = "primary" | "secondary" | "danger";
const styles: Record<Variant, string> = {
  primary: "bg-sky-700 hover:bg-sky-600 text-white", // white on sky-700: 5.9:1 (WCAG AA)
  secondary: "bg-slate-700 hover:bg-slate-600 text-slate-100",
  danger: "bg-rose-700 hover:bg-rose-600 text-white",
};

export function Button({ variant = "primary", className = "", ...props }: ComponentPropsWithRef<"button"> & { variant?: Variant }) {
  return (
    <button
      className={`rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${focusRing} ${styles[variant]} ${className}`}
      {...props}
    />
  );
}
