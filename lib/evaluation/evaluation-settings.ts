import { z } from "zod";
import { readSetting } from "@/lib/settings/read-setting";
import { DEFAULT_HELD_OUT_FRACTION } from "@/lib/evaluation/held-out";

export const EVALUATION_SETTING = "evaluation";
export const evaluationSettingSchema = z.object({
  /** Share of patients whose signed-off studies are held out for evaluation (see held-out.ts). */
  heldOutFraction: z.number().min(0).max(1).default(DEFAULT_HELD_OUT_FRACTION),
});

export const readEvaluationSettings = () => readSetting(EVALUATION_SETTING, evaluationSettingSchema);
