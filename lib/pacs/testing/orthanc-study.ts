import type { Orthanc } from "@/lib/pacs/testing/orthanc";

// What Orthanc holds of one study, read through its REST API: instances with SOP class and a way to download each.
export type OrthancInstance = { id: string; sopClassUid: string; sopInstanceUid: string };

export async function orthancStudyInstances(orthanc: Orthanc, studyInstanceUid: string): Promise<OrthancInstance[]> {
  const ids = await orthanc.rest<string[]>("/tools/lookup", { method: "POST", body: studyInstanceUid });
  const study = (ids as unknown as Array<{ ID: string; Type: string }>).find((r) => r.Type === "Study");
  if (!study) return [];
  const instances = await orthanc.rest<Array<{ ID: string; MainDicomTags: { SOPInstanceUID: string } }>>(`/studies/${study.ID}/instances`);
  return Promise.all(
    instances.map(async (i) => ({
      id: i.ID,
      sopInstanceUid: i.MainDicomTags.SOPInstanceUID,
      sopClassUid: (await orthanc.rest<{ SOPClassUID: string }>(`/instances/${i.ID}/simplified-tags`)).SOPClassUID,
    })),
  );
}

export async function orthancFile(orthanc: Orthanc, instanceId: string): Promise<Uint8Array> {
  const res = await orthanc.restRaw(`/instances/${instanceId}/file`);
  if (!res.ok) throw new Error(`Orthanc file ${instanceId}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
