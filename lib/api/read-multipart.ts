import { AppError } from "@/lib/errors";

export type UploadedFile = { name: string; type: string; bytes: Uint8Array };

// Reads the files of one multipart field with clear errors for the wrong content type, size or a missing field.
export async function readMultipartFiles(req: Request, field: string, limits: { maxFiles: number; maxTotalBytes: number }): Promise<UploadedFile[]> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    throw new AppError("unsupported_media_type", `Send multipart/form-data with the files in the '${field}' field.`);
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > limits.maxTotalBytes) throw new AppError("payload_too_large", `The request is larger than ${Math.round(limits.maxTotalBytes / 1e6)} MB.`);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", "The multipart body could not be read.");
  }
  const entries = form.getAll(field).filter((v): v is File => typeof v !== "string");
  if (entries.length === 0) throw new AppError("bad_request", `No files in the '${field}' field.`);
  if (entries.length > limits.maxFiles) throw new AppError("payload_too_large", `At most ${limits.maxFiles} files per request.`);
  return Promise.all(entries.map(async (f) => ({ name: f.name || "upload", type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
