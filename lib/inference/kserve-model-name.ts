// A registered version's model name on the KServe v2 / Triton server, from the INFERENCE_KSERVE_MODEL template:
// the app asks for this name and `npm run triton:repo` writes the model under it.
export function kserveModelName(template: string, version: { name: string; version: string; sha256: string }): string {
  const vars: Record<string, string> = { name: version.name, version: version.version, sha256: version.sha256 };
  return template.replace(/\{(name|version|sha256)\}/g, (_, k: string) => vars[k]!);
}
