"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ReviewDto, ReviewPurpose, StudyReviewDto } from "@/lib/schemas/review";
import { reviewQueryKey, reviewUrl } from "./use-review";

type Amendable = NonNullable<StudyReviewDto["amendable"]>;

/**
 * A signed-off primary read is changed only by amending it: a new read that starts from its labels (lib/reviews/amend-review.ts).
 * The signed-off read stays the study's final read until the amendment is signed off.
 */
export function AmendRead({ studyId, purpose, amendable }: { studyId: string; purpose?: ReviewPurpose; amendable: Amendable }) {
  const qc = useQueryClient();
  const amend = useMutation({
    mutationFn: () => fetchJson<{ review: ReviewDto }>(reviewUrl(studyId, purpose, "/amend"), { method: "POST" }),
    onSuccess: ({ review }) =>
      qc.setQueryData<StudyReviewDto>(reviewQueryKey(studyId, purpose), (old) => old && { ...old, review, amendable: null }),
  });
  const when = new Date(amendable.signedOffAt).toLocaleString();
  return (
    <div
      className="flex items-center gap-3 rounded border border-sky-800 bg-sky-950 px-3 py-2 text-sm text-sky-100"
      data-testid="amend-banner"
    >
      <span className="flex-1">
        The primary read was signed off by {amendable.readerName} ({when}){amendable.round > 0 ? `, amendment ${amendable.round}` : ""}. To
        change it, amend it: your amendment starts from its boxes and replaces it once you sign it off.
        {amend.error && (
          <span className="block text-rose-300" role="alert" data-testid="amend-error">
            {amend.error.message}
          </span>
        )}
      </span>
      <button
        type="button"
        className="rounded bg-sky-700 px-2 py-1 text-white hover:bg-sky-600 disabled:opacity-50"
        disabled={amend.isPending}
        onClick={() => amend.mutate()}
        data-testid="amend-read"
      >
        {amend.isPending ? "Opening…" : "Amend read"}
      </button>
    </div>
  );
}
