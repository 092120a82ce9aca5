import { z } from "zod";
import { readSetting } from "@/lib/settings/read-setting";

export const EVALUATION_SETTING = "evaluation";
export const evaluationSettingSchema = z.object({
  /** Share of patients whose signed-off studies are held out for evaluation (see held-out.ts). */
  heldOutFraction: z.number().min(0).max(1).default(0.2),
});

export const readEvaluationSettings = () => readSetting(EVALUATION_SETTING, evaluationSettingSchema);
