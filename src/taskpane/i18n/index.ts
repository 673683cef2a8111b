/**
 * The pane's strings live in their own namespace ("pane") of the shared
 * catalogue from src/core/i18n, so one language switch moves the pane, the
 * generated sheets' defaults and the custom functions' messages together.
 * Components re-render on a switch through useSyncExternalStore.
 */
import { useCallback, useSyncExternalStore } from "react";
import { i18n, setLocale, toLocale, type Locale } from "../../core/i18n/start";
import { paneEn, type PaneKey } from "./en";
import { paneZhCN } from "./zh-CN";

export type { PaneKey };
export const PANE_NS = "pane";

const bundles: Record<Locale, Record<PaneKey, string>> = { en: paneEn, "zh-CN": paneZhCN };
for (const locale of Object.keys(bundles) as Locale[]) {
  if (!i18n.hasResourceBundle(locale, PANE_NS)) i18n.addResourceBundle(locale, PANE_NS, bundles[locale]);
}

const subscribeToLanguage = (onChange: () => void): (() => void) => i18n.subscribe(onChange);
const currentLanguage = (): Locale => i18n.language;

export type PaneT = (key: PaneKey, params?: Record<string, string | number>) => string;

/** The pane's translate function (typed keys) and the current language. */
export function usePaneT(): { t: PaneT; locale: Locale } {
  const language = useSyncExternalStore(subscribeToLanguage, currentLanguage, currentLanguage);
  const t = useCallback<PaneT>((key, params) => i18n.getFixedT(language, PANE_NS)(key, params), [language]);
  return { t, locale: toLocale(language) };
}

/** Translates outside React (e.g. in tests). */
export function paneT(locale: Locale, key: PaneKey, params?: Record<string, string | number>): string {
  return i18n.getFixedT(locale, PANE_NS)(key, params);
}

/** Switches the whole add-in's language. */
export function switchLanguage(locale: Locale): void {
  setLocale(locale);
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

export { i18n, toLocale };
export type { Locale };
