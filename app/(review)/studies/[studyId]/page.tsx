import { ReviewWorkspace } from "@/components/review/review-workspace";
import { reviewPurposeSchema } from "@/lib/schemas/review";

type SearchParams = Record<string, string | string[] | undefined>;

// The reading view with the review overlay; the worklist's query string (filters, sort) rides along so next/previous follow its order.
export default async function StudyPage({
  params,
  searchParams,
}: {
  params: Promise<{ studyId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { studyId } = await params;
  const query = new URLSearchParams();
  const { purpose: rawPurpose, task, ...rest } = await searchParams;
  for (const [key, value] of Object.entries(rest)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  // ?purpose= (double_read, consensus…) and ?task= (an annotation task) configure the same viewer; they are not worklist filters.
  const purpose = reviewPurposeSchema.safeParse(rawPurpose).data;
  const taskId = typeof task === "string" && task.length <= 64 ? task : undefined;
  return (
    <ReviewWorkspace
      key={`${studyId}/${purpose ?? ""}`}
      studyId={studyId}
      worklistQuery={query.toString()}
      purpose={purpose}
      taskId={taskId}
    />
  );
}
