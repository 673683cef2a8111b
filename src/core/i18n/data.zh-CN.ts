import type { dataEn } from "./data.en";

/** Simplified Chinese strings for the data sheets (same keys as data.en.ts). */
export const dataZhCN: Record<keyof typeof dataEn, string> = {
};
