import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const control = "w-full rounded border border-slate-700 bg-slate-900 px-2 py-1.5 text-sm focus:border-sky-500";

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block text-slate-400">{label}</span>
      {children}
    </label>
  );
}

export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={control} {...props} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={control} {...props} />;
}

export function ErrorText({ children }: { children: ReactNode }) {
  return children ? (
    <p role="alert" className="text-sm text-rose-400">
      {children}
    </p>
  ) : null;
}
