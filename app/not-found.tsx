import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <p className="text-6xl font-bold text-slate-500">404</p>
      <h1 className="mt-4 text-xl font-semibold">Page not found</h1>
      <Link href="/" className="mt-6 inline-block text-sky-400 underline">
        Back to start
      </Link>
    </main>
  );
}
