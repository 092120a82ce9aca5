import { canaryRuleSchema } from "@/lib/schemas/model";
import { readSetting } from "@/lib/settings/read-setting";

export const CANARY_RULE_SETTING = "canary.rule";
export const readCanaryRule = () => readSetting(CANARY_RULE_SETTING, canaryRuleSchema);
