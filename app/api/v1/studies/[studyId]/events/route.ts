import { withAuth } from "@/lib/api/with-auth";
import { paramOf } from "@/lib/api/parse-body";
import { streamStudyEvents } from "@/lib/studies/study-events";
import { loadStudyAiStateOrThrow } from "@/lib/studies/study-ai-state";

// GET /api/v1/studies/:studyId/events — server-sent events: `ai` with the study's AI state now and whenever a prediction lands.
export const GET = withAuth(async ({ req, params }) => {
  const studyId = paramOf(params, "studyId");
  await loadStudyAiStateOrThrow(studyId); // 404 before the stream opens
  return new Response(streamStudyEvents(studyId, req.signal), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
