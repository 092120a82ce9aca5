import { z } from "zod";
import { StowResponseSchema } from "@/lib/schemas/stow";

// The DICOMweb part of the OpenAPI document: STOW-RS receive (the app as a DICOMweb server for PACS and routers).
const dicomJson = (description: string) => ({ description, content: { "application/dicom+json": { schema: z.toJSONSchema(StowResponseSchema, { io: "output" }) } } });
const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const stowBody = {
  required: true,
  description: "One DICOM Part 10 file per part. Each part is stored as it streams in; MAX_UPLOAD_MB per part, 5 × that per request.",
  content: { 'multipart/related; type="application/dicom"': { schema: { type: "string", format: "binary" } } },
};
const responses = {
  "200": dicomJson("All instances stored (or already held)"),
  "202": dicomJson("Some instances stored, some failed (Failed SOP Sequence with Failure Reason)"),
  "409": dicomJson("No instance stored"),
  "503": dicomJson("No instance stored: storage unavailable, send again later"),
  "400": error("Malformed multipart body, no parts, or an invalid UID in the path"),
  "401": error("No or invalid credentials (Bearer token, or HTTP Basic with the token as the password)"),
  "403": error("The token lacks the 'studies:write' scope, or the role is not radiologist/admin"),
  "406": error("Accept asks for something other than application/dicom+json"),
  "413": error("A part or the request is too large"),
  "415": error('Not multipart/related; type="application/dicom"'),
};
const security = [{ bearer: [] }, { basic: [] }];

export const dicomWebPaths = {
  "/dicomweb/studies": { post: { summary: "STOW-RS: store DICOM instances (each through the same ingest as uploads; a predict job per study)", security, requestBody: stowBody, responses } },
  "/dicomweb/studies/{StudyInstanceUID}": {
    post: {
      summary: "STOW-RS into one study: instances of another study fail with 0xA900",
      security,
      parameters: [{ name: "StudyInstanceUID", in: "path", required: true, schema: { type: "string", pattern: "^[0-9]+(\\.[0-9]+)*$", maxLength: 64 } }],
      requestBody: stowBody,
      responses,
    },
  },
};
export const basicTokenScheme = { type: "http", scheme: "basic", description: "HTTP Basic with an API token (cxr_…) as the password, any user name (for DICOMweb senders such as Orthanc)" };
