// De-identified names used inside an export: file names and contents carry these, never UIDs or patient ids.
// A frame of a multi-frame image is its own image; its name carries the frame (img_000007_f2), so a reader of the
// dataset can tell frames of one exposure apart from separate images.
export const imageName = (n: number, frame?: number) => `img_${String(n).padStart(6, "0")}${frame ? `_f${frame}` : ""}`;
export const patientName = (n: number) => `pt_${String(n).padStart(6, "0")}`;
