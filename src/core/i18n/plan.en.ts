/**
 * English strings for the schedule, roles (RACI), contingency sheets and plan validation.
 * Keys must be unique across all catalogues (en.ts, plan.en.ts, data.en.ts);
 * prefix them (e.g. "planXxx"). plan.zh-CN.ts mirrors every key.
 */
export const planEn = {
} as const;
