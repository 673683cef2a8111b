/**
 * The i18n layer: one message catalogue (catalogue.ts), filled synchronously
 * so pure core code (and custom functions) can translate without awaiting
 * anything.
 */
import { Catalogue } from "./catalogue";
import { en } from "./en";
import { zhCN } from "./zh-CN";
import { planEn } from "./plan.en";
import { planZhCN } from "./plan.zh-CN";
import { dataEn } from "./data.en";
import { dataZhCN } from "./data.zh-CN";
import { shareEn } from "./share.en";
import { shareZhCN } from "./share.zh-CN";
import { metricsEn } from "./metrics.en";
import { metricsZhCN } from "./metrics.zh-CN";
import { breakdownEn } from "./breakdown.en";
import { breakdownZhCN } from "./breakdown.zh-CN";

/** Every catalogued message key (functions, plan sheets, data sheets, sharing). */
export type MessageKey = keyof typeof en | keyof typeof planEn | keyof typeof dataEn | keyof typeof shareEn | keyof typeof breakdownEn | keyof typeof metricsEn;
export type MessageParams = Record<string, string | number>;
export type Locale = "en" | "zh-CN";
export const SUPPORTED_LOCALES: readonly Locale[] = ["en", "zh-CN"];

const resources: Record<Locale, { translation: Record<string, string> }> = {
  en: { translation: { ...en, ...planEn, ...dataEn, ...shareEn, ...breakdownEn, ...metricsEn } },
  "zh-CN": { translation: { ...zhCN, ...planZhCN, ...dataZhCN, ...shareZhCN, ...breakdownZhCN, ...metricsZhCN } },
};
const instance = new Catalogue<Locale>("en");
for (const locale of SUPPORTED_LOCALES) instance.addResourceBundle(locale, "translation", resources[locale].translation);

/** Maps an Office display language such as "zh-CN" or "en-US" to a supported locale. */
export function toLocale(displayLanguage: string | null | undefined): Locale {
  const tag = (displayLanguage ?? "").toLowerCase();
  return tag.startsWith("zh") ? "zh-CN" : "en";
}

export function setLocale(locale: Locale): void {
  instance.changeLanguage(locale);
}

export function getLocale(): Locale {
  return toLocale(instance.language);
}

/** Translates a catalogued message. */
export function t(key: MessageKey, params?: MessageParams): string {
  return instance.t(key, params);
}

/** The catalogue itself: the task pane adds its own namespace and subscribes to language changes. */
export const i18n = instance;

/** Translates in a given locale without changing the current one (generators write sheets in the plan's language). */
export function tIn(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return instance.getFixedT(locale)(key, params);
}
