import {
  MaxFileSizeExceededError,
  MaxPartsExceededError,
  MaxTotalSizeExceededError,
  MultipartParseError,
  parseMultipartRequest,
} from "@remix-run/multipart-parser";
import { AppError } from "@/lib/errors";

export type StowPart = { index: number; mediaType: string; bytes: Uint8Array };
export type StowLimits = { maxPartBytes: number; maxTotalBytes: number; maxParts: number };

// PS3.18 §10.5: a STOW-RS body is multipart/related; type="application/dicom" (the JSON/XML metadata + bulk data form
// is not accepted). Checked before a byte of the body is read.
export function assertStowContentType(contentType: string | null): void {
  const ct = (contentType ?? "").toLowerCase();
  if (!ct.startsWith("multipart/related"))
    throw new AppError("unsupported_media_type", 'Send multipart/related; type="application/dicom" with one DICOM Part 10 file per part.');
  const type = /;\s*type="?([^";]+)"?/.exec(ct)?.[1]?.trim();
  if (type && type !== "application/dicom")
    throw new AppError("unsupported_media_type", `Only type="application/dicom" is accepted (got type="${type}").`);
  if (!/;\s*boundary=/.test(ct)) throw new AppError("bad_request", "The multipart/related content type has no boundary.");
}

// The parts one at a time as the body streams in (remix multipart-parser): memory is bounded by one part, and the
// size limits stop the stream as soon as they are crossed instead of after it was read.
export async function* readStowParts(req: Request, limits: StowLimits): AsyncGenerator<StowPart> {
  assertStowContentType(req.headers.get("content-type"));
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limits.maxTotalBytes)
    throw new AppError("payload_too_large", `The request is larger than ${Math.round(limits.maxTotalBytes / 1e6)} MB.`);
  let index = 0;
  try {
    for await (const part of parseMultipartRequest(req, {
      maxFileSize: limits.maxPartBytes,
      maxTotalSize: limits.maxTotalBytes,
      maxParts: limits.maxParts,
      maxHeaderSize: 16 * 1024,
    }))
      yield { index: index++, mediaType: (part.mediaType ?? "application/dicom").toLowerCase(), bytes: part.bytes };
  } catch (e) {
    if (e instanceof MaxFileSizeExceededError)
      throw new AppError("payload_too_large", `A part is larger than ${Math.round(limits.maxPartBytes / 1e6)} MB.`);
    if (e instanceof MaxTotalSizeExceededError)
      throw new AppError("payload_too_large", `The request is larger than ${Math.round(limits.maxTotalBytes / 1e6)} MB.`);
    if (e instanceof MaxPartsExceededError) throw new AppError("payload_too_large", `At most ${limits.maxParts} parts per request.`);
    if (e instanceof MultipartParseError) throw new AppError("bad_request", `The multipart body could not be read: ${e.message}`);
    throw e;
  }
}
