import { AppError } from "@/lib/errors";
import { assertMediaType, limitedBody, tooLarge } from "@/lib/api/read-body";

export type UploadedFile = { name: string; type: string; bytes: Uint8Array };

// Reads the files of one multipart field with clear errors for the wrong content type, size or a missing field. The
// body is counted as it streams: past maxTotalBytes the read stops with 413, chunked bodies included.
export async function readMultipartFiles(
  req: Request,
  field: string,
  limits: { maxFiles: number; maxTotalBytes: number },
): Promise<UploadedFile[]> {
  const media = assertMediaType(req, "multipart/form-data", `send multipart/form-data with the files in the '${field}' field.`);
  if (!media.params.boundary) throw new AppError("unsupported_media_type", "multipart/form-data needs a boundary parameter.");
  const { stream, exceeded } = limitedBody(req, limits.maxTotalBytes);
  let form: FormData;
  try {
    form = await new Response(stream, { headers: { "content-type": req.headers.get("content-type")! } }).formData();
  } catch {
    if (exceeded()) throw tooLarge(limits.maxTotalBytes);
    throw new AppError("bad_request", "The multipart body could not be read.");
  }
  const entries = form.getAll(field).filter((v): v is File => typeof v !== "string");
  if (entries.length === 0) throw new AppError("bad_request", `No files in the '${field}' field.`);
  if (entries.length > limits.maxFiles) throw new AppError("payload_too_large", `At most ${limits.maxFiles} files per request.`);
  return Promise.all(entries.map(async (f) => ({ name: f.name || "upload", type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
