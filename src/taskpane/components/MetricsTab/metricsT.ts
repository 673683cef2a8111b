/** The Metrics tab's own catalogue on the shared i18next instance (namespace "metricsTab"), with the pane's language. */
import { useCallback } from "react";
import { i18n, usePaneT, type Locale } from "../../i18n";
import { metricsTabEn, type MetricsTabKey } from "./metricsTab.en";
import { metricsTabZhCN } from "./metricsTab.zh-CN";

export const METRICS_NS = "metricsTab";
const bundles: Record<Locale, Record<MetricsTabKey, string>> = { en: metricsTabEn, "zh-CN": metricsTabZhCN };
for (const locale of Object.keys(bundles) as Locale[]) {
  if (!i18n.hasResourceBundle(locale, METRICS_NS)) i18n.addResourceBundle(locale, METRICS_NS, bundles[locale]);
}

export type MetricsT = (key: MetricsTabKey, params?: Record<string, string | number>) => string;

export function useMetricsT(): { mt: MetricsT; locale: Locale } {
  const { locale } = usePaneT();
  const mt = useCallback<MetricsT>((key, params) => i18n.getFixedT(locale, METRICS_NS)(key, params), [locale]);
  return { mt, locale };
}

export function metricsT(locale: Locale, key: MetricsTabKey, params?: Record<string, string | number>): string {
  return i18n.getFixedT(locale, METRICS_NS)(key, params);
}
