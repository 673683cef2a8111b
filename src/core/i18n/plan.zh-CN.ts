import type { planEn } from "./plan.en";

/** Simplified Chinese strings for the plan sheets (same keys as plan.en.ts). */
export const planZhCN: Record<keyof typeof planEn, string> = {
};
