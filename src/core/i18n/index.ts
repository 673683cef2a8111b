/**
 * The i18n layer: one i18next instance, initialised synchronously so pure
 * core code (and custom functions) can translate without awaiting anything.
 */
import i18next from "i18next";
import { en } from "./en";
import { zhCN } from "./zh-CN";
import { planEn } from "./plan.en";
import { planZhCN } from "./plan.zh-CN";
import { dataEn } from "./data.en";
import { dataZhCN } from "./data.zh-CN";
import { shareEn } from "./share.en";
import { shareZhCN } from "./share.zh-CN";

/** Every catalogued message key (functions, plan sheets, data sheets, sharing). */
export type MessageKey = keyof typeof en | keyof typeof planEn | keyof typeof dataEn | keyof typeof shareEn;
export type MessageParams = Record<string, string | number>;
export type Locale = "en" | "zh-CN";
export const SUPPORTED_LOCALES: readonly Locale[] = ["en", "zh-CN"];

const instance = i18next.createInstance();
void instance.init({
  lng: "en",
  fallbackLng: "en",
  initAsync: false,
  resources: {
    en: { translation: { ...en, ...planEn, ...dataEn, ...shareEn } },
    "zh-CN": { translation: { ...zhCN, ...planZhCN, ...dataZhCN, ...shareZhCN } },
  },
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

/** Maps an Office display language such as "zh-CN" or "en-US" to a supported locale. */
export function toLocale(displayLanguage: string | null | undefined): Locale {
  const tag = (displayLanguage ?? "").toLowerCase();
  return tag.startsWith("zh") ? "zh-CN" : "en";
}

export function setLocale(locale: Locale): void {
  void instance.changeLanguage(locale);
}

export function getLocale(): Locale {
  return toLocale(instance.language);
}

/** Translates a catalogued message. */
export function t(key: MessageKey, params?: MessageParams): string {
  return instance.t(key, params ?? {});
}

/** The i18next instance, for the task pane's react-i18next binding later. */
export const i18n = instance;

/** Translates in a given locale without changing the current one (generators write sheets in the plan's language). */
export function tIn(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return instance.getFixedT(locale)(key, params ?? {});
}
