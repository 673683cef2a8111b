/**
 * The sample workbook (`npm run demo`): the sample launch plan's sheets, a
 * customer tiering sheet for 200 sample customers, the Activity data and a
 * Metrics sheet of live OPS.* formulas. Pure: the scripts write it to .xlsx.
 */
import type { Locale } from "../i18n";
import type { WorkbookSpec } from "../tablespec/types";
import { samplePlan } from "../plan/fromTemplate";
import { defaultContext, type GeneratorContext } from "./context";
import { buildPlanWorkbook, PLAN_SHEET_KINDS } from "./workbook";
import { generateTiering, type TieringCustomer } from "./tiering";
import { sampleCustomers } from "./sampleData";
import { generateActivity, generateMetrics, sampleActivity, type SampleActivity } from "./metrics";

export interface DemoData {
  ctx: GeneratorContext;
  customers: TieringCustomer[];
  activity: SampleActivity;
}

export function demoData(locale: Locale = "en"): DemoData {
  return { ctx: defaultContext(locale), customers: sampleCustomers(200, 20260301, locale), activity: sampleActivity(3000, 42) };
}

export function buildDemoWorkbook(data: DemoData = demoData()): WorkbookSpec {
  const { ctx, customers, activity } = data;
  const plan = buildPlanWorkbook(samplePlan(ctx.locale), ctx, PLAN_SHEET_KINDS);
  const tiering = generateTiering(customers, {}, ctx);
  const sheets = [
    ...plan.sheets.filter((s) => s.kind !== "settings"),
    tiering,
    generateMetrics(activity, customers.length, ctx),
    generateActivity(activity, ctx),
    ...plan.sheets.filter((s) => s.kind === "settings"),
  ];
  return { sheets, ...(plan.names ? { names: plan.names } : {}) };
}
