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

const FORBIDDEN = /[:\\/?*[\]]/g;

/** Makes a valid Excel sheet name: no : \ / ? * [ ], not blank, ≤ 31 characters, no leading/trailing apostrophe. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31).trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

/**
 * Picks a free name: "Schedule", else "Schedule (2)", "Schedule (3)", ...
 * (Excel compares sheet names case-insensitively.)
 */
export function uniqueSheetName(desired: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = sanitizeSheetName(desired);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
