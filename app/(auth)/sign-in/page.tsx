import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in · CXR Review" };

export default function SignInPage() {
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-800 bg-slate-900/60 p-6">
      <h1 className="mb-1 text-xl font-semibold">CXR Review</h1>
      <p className="mb-6 text-sm text-slate-400">Sign in to read and review chest X-rays.</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
