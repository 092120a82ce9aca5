import { ReviewWorkspace } from "@/components/review/review-workspace";

type SearchParams = Record<string, string | string[] | undefined>;

// The reading view with the review overlay; the worklist's query string (filters, sort) rides along so next/previous follow its order.
export default async function StudyPage({ params, searchParams }: { params: Promise<{ studyId: string }>; searchParams: Promise<SearchParams> }) {
  const { studyId } = await params;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  return <ReviewWorkspace key={studyId} studyId={studyId} worklistQuery={query.toString()} />;
}
