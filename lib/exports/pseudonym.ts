// De-identified names used inside an export: file names and contents carry these, never UIDs or patient ids.
export const imageName = (n: number) => `img_${String(n).padStart(6, "0")}`;
export const patientName = (n: number) => `pt_${String(n).padStart(6, "0")}`;
