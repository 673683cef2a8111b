/**
 * The i18n layer: every message catalogue. Re-exports the API of start.ts
 * (the catalogue and the start tier, the plan messages) and registers the
 * rest: functions, data sheets, sharing, metrics. Import this from core code;
 * only the task pane's start path imports ./start directly.
 */
import { en } from "./en";
import { zhCN } from "./zh-CN";
import { dataEn } from "./data.en";
import { dataZhCN } from "./data.zh-CN";
import { shareEn } from "./share.en";
import { shareZhCN } from "./share.zh-CN";
import { metricsEn } from "./metrics.en";
import { metricsZhCN } from "./metrics.zh-CN";
import { breakdownEn } from "./breakdown.en";
import { breakdownZhCN } from "./breakdown.zh-CN";
import { planEn } from "./plan.en";
import { planZhCN } from "./plan.zh-CN";
import { registerMessages } from "./start";

export * from "./start";

registerMessages({
  // The plan messages again: sheets may be written in a language the pane is not shown in.
  en: { ...planEn, ...en, ...dataEn, ...shareEn, ...breakdownEn, ...metricsEn },
  "zh-CN": { ...planZhCN, ...zhCN, ...dataZhCN, ...shareZhCN, ...breakdownZhCN, ...metricsZhCN },
});
