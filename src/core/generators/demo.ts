/**
 * The sample workbook (`npm run demo`): the sample launch plan's sheets, a
 * customer tiering sheet for 200 sample customers, the Activity data and a
 * Metrics sheet of live OPS.* formulas. Pure: the scripts write it to .xlsx.
 *
 * The demo is dated from the day it is generated (`today`): the plan started
 * the Monday of the week before, so its first tasks are done, one is under
 * way and the rest lie ahead on the Gantt; the activity covers the 90 days up
 * to the day before. The KPI sheet's Actual cells are the wizard's indicator
 * formulas (src/core/plan/indicatorFormulas.ts) over the Activity data, so
 * actuals, progress and status are live. Tests use the fixed DEMO_TODAY.
 */
import type { Locale } from "../i18n";
import type { Plan, TaskStatus } from "../plan/types";
import type { WorkbookSpec } from "../tablespec/types";
import { samplePlan } from "../plan/fromTemplate";
import { scheduleDates } from "../plan/scheduleDates";
import { buildIndicatorFormula, type RangeRole } from "../plan/indicatorFormulas";
import { isoOfSerial, mondayOf, parseIsoSerial } from "../dates";
import { defaultContext, type GeneratorContext } from "./context";
import { buildPlanWorkbook, PLAN_SHEET_KINDS } from "./workbook";
import { generateTiering, type TieringCustomer } from "./tiering";
import { sampleCustomers } from "./sampleData";
import { activityRanges, generateActivity, generateMetrics, sampleActivity, type SampleActivity } from "./metrics";

/** The demo's "today" when none is given (tests, golden files): the day after the original sample activity. */
export const DEMO_TODAY = "2026-05-31";

/** Days of sample activity, ending the day before `today`. */
export const DEMO_ACTIVITY_DAYS = 90;

export interface DemoOptions {
  /** ISO date the demo is generated (default DEMO_TODAY). */
  today?: string;
}

export interface DemoData {
  ctx: GeneratorContext;
  /** ISO date the demo is dated from. */
  today: string;
  /** The sample plan, dated from `today`, with its indicators linked to the Activity data. */
  plan: Plan;
  customers: TieringCustomer[];
  activity: SampleActivity;
}

/**
 * The sample plan in progress on `today`: it starts the Monday of the week
 * before; tasks that ended before today are done, a task spanning today is
 * half done, the rest not started.
 */
export function demoPlan(locale: Locale, today: string): Plan {
  const day = Math.floor(parseIsoSerial(today));
  const plan = samplePlan(locale, isoOfSerial(mondayOf(day) - 7));
  const dates = scheduleDates(plan);
  for (const task of plan.schedule.tasks) {
    const d = dates.get(task.id);
    if (!d) continue;
    const status: TaskStatus = d.end < day ? "done" : d.start <= day ? "inProgress" : "notStarted";
    task.status = status;
    task.percentComplete = status === "done" ? 1 : status === "inProgress" ? 0.5 : 0;
  }
  return plan;
}

/** The plan's indicators with the wizard's live formulas over the Activity sheet (kinds without a recipe keep theirs). */
export function linkIndicators(plan: Plan, activity: SampleActivity, ctx: GeneratorContext): Plan {
  const r = activityRanges(activity, ctx);
  const ranges: Record<RangeRole, string> = { ids: r.users, dates: r.times, users: r.users, payers: r.payers, amounts: r.amounts, active: r.active };
  return {
    ...plan,
    indicators: plan.indicators.map((ind) => {
      const formula = buildIndicatorFormula(ind.kind, ranges);
      return formula ? { ...ind, actualFormula: formula } : ind;
    }),
  };
}

export function demoData(locale: Locale = "en", options: DemoOptions = {}): DemoData {
  const today = options.today ?? DEMO_TODAY;
  const day = Math.floor(parseIsoSerial(today));
  if (Number.isNaN(day)) throw new Error(`demo: today must be an ISO date YYYY-MM-DD (got "${today}")`);
  const ctx = defaultContext(locale);
  const activity = sampleActivity(3000, 42, day - DEMO_ACTIVITY_DAYS, DEMO_ACTIVITY_DAYS);
  return {
    ctx,
    today,
    plan: linkIndicators(demoPlan(locale, today), activity, ctx),
    customers: sampleCustomers(200, 20260301, locale),
    activity,
  };
}

export function buildDemoWorkbook(data: DemoData = demoData()): WorkbookSpec {
  const { ctx, customers, activity } = data;
  const plan = buildPlanWorkbook(data.plan, ctx, PLAN_SHEET_KINDS);
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
