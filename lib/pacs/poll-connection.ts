// Auto-pull, one poll: QIDO-RS for studies of the connection's modalities since the watermark, pull the new ones.
// QIDO-RS matches StudyDate by day, so each poll sees the watermark's day again: PacsPull rows dedupe by Study
// Instance UID (a study is never pulled twice), except when the PACS now holds more instances than when it was
// pulled (a study still arriving), which pulls it again (ingest skips what it already has).
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { parseStudy, studySearchParams } from "@/lib/pacs/qido";
import { requestPulls, type PullRequest } from "@/lib/pacs/request-pulls";
import { dicomWebOf, studiesInApp } from "@/lib/pacs/search-pacs";
import { splitModalities } from "@/lib/pacs/connection-dto";
import type { PacsStudy } from "@/lib/schemas/pacs";

const PAGE = 200;
const DAY_MS = 86_400_000;

const localDay = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
// StudyDate/Time are the site's local wall clock, like this server's.
const studyMoment = (s: Pick<PacsStudy, "studyDate" | "studyTime">) =>
  s.studyDate ? new Date(`${s.studyDate}T${s.studyTime ?? "00:00:00"}`) : null;

export type PollResult = { skipped?: string; found: number; requested: number; watermark: string | null };

export async function pollConnection(connectionId: string): Promise<PollResult> {
  const { connection, client } = await dicomWebOf(connectionId);
  if (!connection.autoPull) return { skipped: "auto-pull is off", found: 0, requested: 0, watermark: null };
  // No watermark yet: start today, never with the PACS's whole history. One day back catches studies that reach
  // the PACS after midnight with yesterday's date.
  const since = connection.pullWatermark ?? new Date(new Date().setHours(0, 0, 0, 0));
  const dateFrom = localDay(new Date(since.getTime() - DAY_MS));
  const byUid = new Map<string, Omit<PacsStudy, "studyId">>();
  for (const modality of splitModalities(connection.modalities))
    for (let offset = 0; ; offset += PAGE) {
      const page = (await client.searchStudies(studySearchParams({ dateFrom, modality, limit: PAGE, offset })))
        .map(parseStudy)
        .filter((s) => s !== null);
      for (const s of page) byUid.set(s.studyInstanceUid, s);
      if (page.length < PAGE) break;
    }
  const uids = [...byUid.keys()];
  const known = new Map(
    (await db.pacsPull.findMany({ where: { connectionId, studyInstanceUid: { in: uids } } })).map((p) => [p.studyInstanceUid, p]),
  );
  const here = await studiesInApp(uids);
  const wanted: PullRequest[] = [];
  for (const s of byUid.values()) {
    const pull = known.get(s.studyInstanceUid);
    const grew = pull?.remoteInstances != null && s.instances !== null && pull.remoteInstances < s.instances;
    // Already here by another route (upload, C-STORE): not ours to pull.
    if ((!pull && !here.has(s.studyInstanceUid)) || grew)
      wanted.push({ studyInstanceUid: s.studyInstanceUid, remoteInstances: s.instances });
  }
  const requested = wanted.length
    ? (await requestPulls(SYSTEM_ACTOR, connectionId, wanted, "auto")).filter((r) => !r.alreadyRunning).length
    : 0;
  const newest = [...byUid.values()]
    .map(studyMoment)
    .filter((d): d is Date => d !== null && d.getTime() <= Date.now() + DAY_MS)
    .reduce((a, b) => (b > a ? b : a), since);
  if (newest.getTime() !== connection.pullWatermark?.getTime())
    await db.pacsConnection.update({ where: { id: connectionId }, data: { pullWatermark: newest } });
  return { found: byUid.size, requested, watermark: newest.toISOString() };
}
