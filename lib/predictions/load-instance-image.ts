import { decodePixels } from "@/lib/dicom/decode-pixels";
import { parseDicom } from "@/lib/dicom/parse-dicom";
import { readMetadata, type DicomMetadata } from "@/lib/dicom/read-metadata";
import { renderToGrey8 } from "@/lib/dicom/voi";
import type { DicomDataset } from "@/lib/dicom/types";
import type { GreyImage } from "@/lib/inference/preprocess";

// DICOM bytes → the 8-bit image the model sees: modality LUT, the file's own VOI (else a percentile window),
// MONOCHROME1 inverted so air is dark — the same display pipeline the viewer and the export use.
export async function dicomToModelImage(bytes: Uint8Array): Promise<{ image: GreyImage; meta: DicomMetadata }> {
  const ds = parseDicom(bytes);
  return datasetToModelImage(ds, readMetadata(ds));
}

/** The same, for a data set already parsed (and validated) by the caller. */
export async function datasetToModelImage(ds: DicomDataset, meta: DicomMetadata): Promise<{ image: GreyImage; meta: DicomMetadata }> {
  const decoded = await decodePixels(ds, { metadata: meta });
  const data = renderToGrey8(decoded, meta);
  return { image: { width: decoded.columns, height: decoded.rows, data }, meta };
}
