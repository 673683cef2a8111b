/**
 * OPS custom functions. Thin wrappers: Excel passes ranges as 2-D arrays,
 * omitted optional arguments as null; the core does the coercion and the
 * maths, the edge maps errors to CustomFunctions.Error.
 *
 * The bodies live in implementations.ts, a chunk of its own fetched on the
 * first OPS.* call and kept by the shared runtime afterwards: the metric code
 * and its messages stay out of the page's start-up scripts (README, bundle
 * budget). So every function here is async, which custom functions may be:
 * Excel awaits the promise, and a CustomFunctions.Error it rejects with shows
 * as that error.
 *
 * custom-functions-metadata-plugin reads the JSDoc below to generate
 * functions.json and appends the CustomFunctions.associate calls at build
 * time, so this module itself has no side effects on import.
 *
 * Every parameter that may receive a range or an array constant is a matrix
 * (any[][]): a scalar parameter would make Excel call the function once per
 * element. `any` is the honest type: cells may be numbers, text or booleans.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Implementations = typeof import("./implementations");
let implementations: Promise<Implementations> | undefined;

/** The function bodies, fetched once; a failed fetch (a dropped connection) is retried at the next call. */
function loadImplementations(): Promise<Implementations> {
  implementations ??= import(/* webpackChunkName: "ops-functions" */ "./implementations").catch((error: unknown) => {
    implementations = undefined;
    throw error;
  });
  return implementations;
}

/**
 * Cohort retention: of the users first seen in a period (or who signed up in it, with a start list), the share active again k periods later. Spills Cohort | Users | Day/Week/Month k, plus an All row. Its ranges travel in one request, bounded by Excel's request size (5 MB on the web: roughly 100–150k event rows); for larger tables use the OpsKit pane's Metrics tab (computed table).
 * @customfunction RETENTION
 * @param user_ids User id of each activity row (a column or a row).
 * @param dates Date of each activity row: Excel dates or text YYYY-MM-DD [HH:MM[:SS]].
 * @param [period] "day" (default), "week" (weeks start Monday) or "month".
 * @param [periods] N for columns 1..N (default 7 days, 8 weeks, 6 months), or a list such as {1,7,30}.
 * @param [mode] "classic" (default: active in exactly period k) or "unbounded" (active in period k or later).
 * @param [segments] Channel of each row, for channel retention: a user's segment is the one on their first activity (with a start list: one per start row, from the user's earliest start row).
 * @param [start_ids] User id of each start-list row, e.g. sign-ups: only these users count, each in the cohort of their earliest start date. Give start_dates too.
 * @param [start_dates] Start date of each start-list row (same rows as start_ids). Activity rows then only measure retention; they may be one blank cell.
 * @returns A retention table.
 */
export async function retention(
  user_ids: any[][],
  dates: any[][],
  period?: string,
  periods?: any[][],
  mode?: string,
  segments?: any[][],
  start_ids?: any[][],
  start_dates?: any[][],
): Promise<any[][]> {
  return (await loadImplementations()).retention(user_ids, dates, period, periods, mode, segments, start_ids, start_dates);
}

/**
 * Conversion funnel: users reaching each step, conversion from previous and first step, drop-off. Counts form (steps, counts) or event form (steps, user ids, events, times), optionally broken down by segment (first touch). Order "any" needs all of steps 1..i within the window (unlike PostHog's unordered funnel, which counts any i steps). Its ranges travel in one request, bounded by Excel's request size (5 MB on the web: roughly 100–150k event rows); for larger tables use the OpsKit pane's Metrics tab (computed table).
 * @customfunction FUNNEL
 * @param steps Step names in funnel order, e.g. browse, register, try, pay.
 * @param values Counts per step (counts form) or the user id of each event row (event form).
 * @param [events] Event name of each row (event form).
 * @param [times] Time of each row (Excel dates or ISO text); without it, row order is time order and there is no window.
 * @param [window_days] Days allowed from step 1 to the last step (default 14).
 * @param [order] "ordered" (default), "strict" (no other event in between) or "any".
 * @param [segments] Channel of each event row (event form): a user belongs to the segment on their earliest step-1 row (first touch). Adds a Segment column: one block of steps per segment, then All.
 * @returns A funnel table.
 */
export async function funnel(
  steps: any[][],
  values: any[][],
  events?: any[][],
  times?: any[][],
  window_days?: any,
  order?: string,
  segments?: any[][],
): Promise<any[][]> {
  return (await loadImplementations()).funnel(steps, values, events, times, window_days, order, segments);
}

/**
 * Payment rate, ARPU, ARPPU or payer count. Payers and population as two counts, or as id ranges (distinct ids; payers count only when in the population). Also gives the activity rate: active ids vs all ids. Its ranges travel in one request, bounded by Excel's request size (5 MB on the web: roughly 100–150k event rows); for larger tables use the OpsKit pane's Metrics tab (computed table).
 * @customfunction PAYRATE
 * @param payers Number of paying users, or their ids.
 * @param population Number of users, or their ids (registered or active users).
 * @param [amounts] Revenue: one total (count form) or one amount per payer row (id form).
 * @param [measure] "rate" (default), "arpu", "arppu" or "payers".
 * @returns The payment rate (or the chosen measure).
 */
export async function payrate(payers: any[][], population: any[][], amounts?: any[][], measure?: string): Promise<number> {
  return (await loadImplementations()).payrate(payers, population, amounts, measure);
}

/**
 * Customer tier (S/A/B/C by default) for each value: pareto by value share, rank by customer share, or fixed thresholds; a manual override wins. Its ranges travel in one request, bounded by Excel's request size (5 MB on the web: roughly 100–150k event rows); for larger tables use the OpsKit pane's Metrics tab (computed table).
 * @customfunction TIER
 * @param values Customer values, e.g. yearly revenue.
 * @param [method] "pareto" (default), "rank" or "threshold".
 * @param [cutoffs] Pareto {0.5,0.8,0.95} / rank {0.1,0.3,0.6} by default; thresholds from high to low.
 * @param [labels] Tier labels, one more than cutoffs (default {"S","A","B","C"}).
 * @param [overrides] A tier placed by hand for strategic customers (same shape as values).
 * @returns One tier label per value.
 */
export async function tier(
  values: any[][],
  method?: string,
  cutoffs?: any[][],
  labels?: any[][],
  overrides?: any[][],
): Promise<any[][]> {
  return (await loadImplementations()).tier(values, method, cutoffs, labels, overrides);
}

/**
 * Revenue retention by cohort of first payment: the share of a cohort's revenue (net of refunds) that renews k periods later, or of its paying users who pay again. Spills Cohort | Payers | Revenue | Month/Week/Day k, plus an All row. Its ranges travel in one request, bounded by Excel's request size (5 MB on the web: roughly 100–150k event rows); for larger tables use the OpsKit pane's Metrics tab (computed table).
 * @customfunction RENEWAL
 * @param user_ids User id of each payment row (a column or a row).
 * @param dates Date of each payment: Excel dates or text YYYY-MM-DD [HH:MM[:SS]].
 * @param amounts Amount of each payment; refunds negative, a blank counts 0. A user pays in a period when their net amount there is positive.
 * @param [period] "month" (default), "week" (weeks start Monday) or "day".
 * @param [periods] N for columns 1..N (default 6 months, 8 weeks, 7 days), or a list such as {1,3,12}.
 * @param [measure] "revenue" (default: net revenue in period k ÷ the cohort's first-period revenue) or "payers" (share of the cohort's payers who pay in period k).
 * @returns A revenue retention table.
 */
export async function renewal(
  user_ids: any[][],
  dates: any[][],
  amounts: any[][],
  period?: string,
  periods?: any[][],
  measure?: string,
): Promise<any[][]> {
  return (await loadImplementations()).renewal(user_ids, dates, amounts, period, periods, measure);
}
