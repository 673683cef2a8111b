/**
 * The i18n layer's start tier: the one message catalogue (catalogue.ts) with
 * the messages the task pane needs before it is interactive (the plan's
 * checks and defaults, plan.*.ts; in the pane's browser build they come with
 * the pane's strings, one language at a time). The other catalogues (functions, data
 * sheets, sharing, metrics) are registered by ./index.ts, which every module
 * outside the pane's start path imports; the pane's start path imports this
 * file, so those catalogues load with the code that uses them (the page's
 * start-up budget, test/scripts/bundleSize.test.ts). Both fill the catalogue
 * synchronously, so core code translates without awaiting anything.
 */
import { Catalogue } from "./catalogue";
import type { en } from "./en";
import type { planEn } from "./plan.en";
import type { dataEn } from "./data.en";
import type { shareEn } from "./share.en";
import type { metricsEn } from "./metrics.en";
import type { breakdownEn } from "./breakdown.en";

/** Every catalogued message key (functions, plan sheets, data sheets, sharing). */
export type MessageKey = keyof typeof en | keyof typeof planEn | keyof typeof dataEn | keyof typeof shareEn | keyof typeof breakdownEn | keyof typeof metricsEn;
export type MessageParams = Record<string, string | number>;
export type Locale = "en" | "zh-CN";
export const SUPPORTED_LOCALES: readonly Locale[] = ["en", "zh-CN"];

const instance = new Catalogue<Locale>("en");
declare const __OPSKIT_LAZY_LOCALES__: boolean | undefined;
// The task pane's browser build loads the plan messages with the pane's strings, one language
// at a time (src/taskpane/i18n); everywhere else (tests, Node, the custom functions through
// ./index.ts) they are here at once. Written out in the condition so webpack drops the branch.
if (typeof __OPSKIT_LAZY_LOCALES__ === "undefined") {
  /* eslint-disable @typescript-eslint/no-require-imports -- synchronous on purpose (see above) */
  instance.addResourceBundle("en", "translation", (require("./plan.en") as { planEn: Record<string, string> }).planEn);
  instance.addResourceBundle("zh-CN", "translation", (require("./plan.zh-CN") as { planZhCN: Record<string, string> }).planZhCN);
  /* eslint-enable @typescript-eslint/no-require-imports */
}

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

/** Adds one language's messages to the default namespace. */
export function registerMessagesFor(locale: Locale, bundle: Readonly<Record<string, string>>): void {
  instance.addResourceBundle(locale, "translation", bundle);
}

/** Adds messages to the default namespace (./index.ts registers the catalogues outside the start tier). */
export function registerMessages(bundles: Readonly<Record<Locale, Readonly<Record<string, string>>>>): void {
  for (const locale of SUPPORTED_LOCALES) instance.addResourceBundle(locale, "translation", bundles[locale]);
}

/** The catalogue itself: the task pane adds its own namespace and subscribes to language changes. */
export const i18n = instance;

/** Translates in a given locale without changing the current one (generators write sheets in the plan's language). */
export function tIn(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return instance.getFixedT(locale)(key, params);
}
