import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { jsonContent, operation } from "@/lib/api/openapi-operation";
import { BatchPredictResponseSchema, MAX_BATCH_FILES, predictQuerySchema, PredictResponseSchema } from "@/lib/schemas/predict";
import { binaryFile } from "@/lib/schemas/openapi/studies";

// The public predict API: no patient identifiers in, none out.
const auth = { tokenScope: "predict" } as const;

export const predictPaths: ZodOpenApiPathsObject = {
  "/api/v1/predict": {
    post: operation({
      summary: "Detect findings on one image (DICOM, PNG or JPEG). Also at /predict.",
      description:
        "A multi-frame DX or CR DICOM is predicted frame by frame: `predictions` lists every frame's boxes, each with its 1-based `frame` (DICOM Referenced Frame Number), and `image.frames` says how many frames were predicted. Other multi-frame objects (cine, ultrasound) get 422 with the reason; more than MAX_FRAMES_PER_IMAGE frames get 413. `?stage=staging` uses the staging version (404 when there is none).",
      auth,
      query: predictQuerySchema,
      multipart: z.object({ file: binaryFile }),
      ok: { 200: jsonContent(PredictResponseSchema) },
      errors: [
        "bad_request",
        "payload_too_large",
        "unsupported_media_type",
        "unprocessable",
        "unsupported",
        "not_found",
        "rate_limited",
        "unavailable",
      ],
    }),
  },
  "/api/v1/predict/batch": {
    post: operation({
      summary: "Detect findings on several images; one result per file, in order, errors per file. Also at /predict/batch.",
      auth,
      query: predictQuerySchema,
      multipart: z.object({ files: z.array(binaryFile).min(1).max(MAX_BATCH_FILES) }),
      ok: { 200: jsonContent(BatchPredictResponseSchema) },
      errors: ["rate_limited", "unavailable"],
    }),
  },
};
