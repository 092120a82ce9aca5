"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input } from "@/components/ui/field";

export function SignInForm() {
  const router = useRouter();
  const callbackUrl = useSafeCallback();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError("");
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setBusy(false);
    if (res?.status === 429) return setError("Too many sign-in attempts. Wait a few minutes, then try again.");
    if (!res || res.error) return setError("E-mail or password is wrong, or the account is disabled.");
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="sign-in-form">
      <Field label="E-mail">
        <Input name="email" type="email" autoComplete="username" required data-testid="sign-in-email" />
      </Field>
      <Field label="Password">
        <Input name="password" type="password" autoComplete="current-password" required data-testid="sign-in-password" />
      </Field>
      <ErrorText>{error}</ErrorText>
      <Button type="submit" disabled={busy} className="w-full" data-testid="sign-in-submit">
        {busy ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

// Only same-site paths are followed after sign-in.
function useSafeCallback(): string {
  const raw = useSearchParams().get("callbackUrl") ?? "/";
  try {
    const u = new URL(raw, "http://local");
    return u.origin === "http://local" ? u.pathname + u.search : "/";
  } catch {
    return "/";
  }
}
