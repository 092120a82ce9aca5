import Link from "next/link";

/** The review page of a study that does not exist (or was deleted): the reason and the way back. */
export function StudyNotFound({ message, worklistQuery }: { message: string; worklistQuery: string }) {
  return (
    <main className="space-y-3" data-testid="study-not-found">
      <p className="text-rose-400">{message}</p>
      <Link href={worklistQuery ? `/?${worklistQuery}` : "/"} className="text-sky-400 underline">
        Back to the worklist
      </Link>
    </main>
  );
}
