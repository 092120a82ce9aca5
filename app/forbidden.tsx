import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto mt-24 max-w-md text-center" data-testid="forbidden-page">
      <p className="text-6xl font-bold text-slate-500">403</p>
      <h1 className="mt-4 text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-400">Your role does not give access to this page.</p>
      <Link href="/" className="mt-6 inline-block text-sky-400 underline">
        Back to start
      </Link>
    </main>
  );
}
