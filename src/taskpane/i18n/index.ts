/**
 * The pane's strings live in their own namespace ("pane") of the shared
 * catalogue from src/core/i18n, so one language switch moves the pane, the
 * generated sheets' defaults and the custom functions' messages together.
 * Components re-render on a switch through useSyncExternalStore.
 *
 * One language at a time in the browser: the pane's strings and the plan's
 * messages of each language are a chunk of their own (./locales/*), and the
 * pane loads the one it starts in before its first render, the other when
 * the user switches (the page's start-up budget). Under jest and in Node
 * (no webpack) both are registered at once, so tests and scripts translate
 * synchronously as before; webpack's DefinePlugin sets
 * __OPSKIT_LAZY_LOCALES__ and drops that branch from the bundle.
 */
import { useCallback, useSyncExternalStore } from "react";
import { i18n, registerMessagesFor, setLocale, toLocale, type Locale } from "../../core/i18n/start";
import type { PaneKey } from "./en";

export type { PaneKey };
export const PANE_NS = "pane";

/** What one language's chunk holds. */
interface LocaleBundle {
  pane: Readonly<Record<PaneKey, string>>;
  plan: Readonly<Record<string, string>>;
}

const loaded = new Set<Locale>();

function register(locale: Locale, bundle: LocaleBundle): void {
  i18n.addResourceBundle(locale, PANE_NS, bundle.pane);
  registerMessagesFor(locale, bundle.plan);
  loaded.add(locale);
}

declare const __OPSKIT_LAZY_LOCALES__: boolean | undefined;
// Written out in the condition (not through a variable) so webpack can see the branch is dead.
if (typeof __OPSKIT_LAZY_LOCALES__ === "undefined") {
  /* eslint-disable @typescript-eslint/no-require-imports -- synchronous on purpose: tests and Node scripts need both languages at once */
  register("en", (require("./locales/en") as { bundle: LocaleBundle }).bundle);
  register("zh-CN", (require("./locales/zh-CN") as { bundle: LocaleBundle }).bundle);
  /* eslint-enable @typescript-eslint/no-require-imports */
}

const importers: Record<Locale, () => Promise<{ bundle: LocaleBundle }>> = {
  en: () => import(/* webpackChunkName: "locale-en" */ "./locales/en"),
  "zh-CN": () => import(/* webpackChunkName: "locale-zh-CN" */ "./locales/zh-CN"),
};

/** True when a language's strings are in the catalogue. */
export function isLocaleLoaded(locale: Locale): boolean {
  return loaded.has(locale);
}

/** Fetches a language's strings (once). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return;
  register(locale, (await importers[locale]()).bundle);
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

function applyLanguage(locale: Locale): void {
  setLocale(locale);
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

/**
 * Switches the whole add-in's language: at once when its strings are loaded
 * (always under jest), else once they are; if they cannot be fetched, the
 * pane stays in its language.
 */
export function switchLanguage(locale: Locale): void {
  if (loaded.has(locale)) {
    applyLanguage(locale);
    return;
  }
  loadLocale(locale).then(
    () => applyLanguage(locale),
    (error: unknown) => console.warn(`OpsKit: the ${locale} strings could not be loaded`, error),
  );
}

export { i18n, toLocale };
export type { Locale };
