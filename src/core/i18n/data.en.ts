/**
 * English strings for the KPI, customer tiering, summary, requirement intake and settings sheets.
 * Keys must be unique across all catalogues (en.ts, plan.en.ts, data.en.ts);
 * prefix them (e.g. "dataXxx"). data.zh-CN.ts mirrors every key.
 */
export const dataEn = {
} as const;
