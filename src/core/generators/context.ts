/**
 * What every generator receives besides its own input: the language to write
 * the sheet in and the final names of all sheets. Names are resolved before
 * generating (an existing "Schedule" may make ours "Schedule (2)"), because
 * formulas on one sheet refer to others by name.
 */
import type { Locale } from "../i18n";

export type SheetKind =
  | "settings"
  | "schedule"
  | "raci"
  | "contingency"
  | "kpi"
  | "tiering"
  | "summary"
  | "intake"
  | "metrics"
  | "activity"
  | "overview";

export const SHEET_KINDS: readonly SheetKind[] = [
  "overview", "schedule", "raci", "contingency", "kpi", "summary", "tiering", "intake", "metrics", "activity", "settings",
];

export type SheetNames = Record<SheetKind, string>;

export interface GeneratorContext {
  locale: Locale;
  sheetNames: SheetNames;
}

const DEFAULT_NAMES: Record<Locale, SheetNames> = {
  en: {
    overview: "Overview",
    schedule: "Schedule",
    raci: "Roles",
    contingency: "Contingency",
    kpi: "KPIs",
    summary: "Summary",
    tiering: "Customer tiers",
    intake: "Requirement intake",
    metrics: "Metrics",
    activity: "Activity",
    settings: "Settings",
  },
  "zh-CN": {
    overview: "概览",
    schedule: "执行计划",
    raci: "角色分工",
    contingency: "应急预案",
    kpi: "数据指标",
    summary: "复盘总结",
    tiering: "客户分级",
    intake: "需求分级",
    metrics: "指标计算",
    activity: "活动数据",
    settings: "设置",
  },
};

export function defaultSheetNames(locale: Locale): SheetNames {
  return { ...DEFAULT_NAMES[locale] };
}

export function defaultContext(locale: Locale = "en"): GeneratorContext {
  return { locale, sheetNames: defaultSheetNames(locale) };
}

// The rules for one sheet name live with the other sheet-name rules.
export { sanitizeSheetName, uniqueSheetName } from "../tablespec/sheetNames";
