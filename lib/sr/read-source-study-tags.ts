import { db } from "@/lib/db";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { getStorage } from "@/lib/storage/get-storage";

// Study-level attributes the database does not keep but a PACS files results by: copied from the stored source file.
export type SourceStudyTags = { studyTime?: string; studyId?: string; referringPhysicianName?: string; institutionName?: string };

export async function readSourceStudyTags(studyId: string): Promise<SourceStudyTags> {
  const instance = await db.instance.findFirst({
    where: { series: { studyId } },
    orderBy: { createdAt: "asc" },
    select: { storageKey: true },
  });
  if (!instance) return {};
  const raw = parseDicom(await (await getStorage()).get(instance.storageKey), { metadataOnly: true }).raw;
  const str = (tag: string) => raw.string(tag)?.trim() || undefined;
  return {
    studyTime: str("x00080030"),
    studyId: str("x00200010"),
    referringPhysicianName: str("x00080090"),
    institutionName: str("x00080080"),
  };
}
