/**
 * The OPS custom functions' bodies: Excel's arguments (2-D arrays, omitted
 * optional arguments as null or undefined) handed to the core, the result
 * made safe for Excel by the edge. functions.ts, the entry Excel calls, loads
 * this module on the first OPS.* call, so the metric code and its message
 * catalogue are not part of the page's start-up scripts; tests and the bench
 * call these directly. Signatures match functions.ts one for one.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- cells may be numbers, text or booleans (see functions.ts) */
import { retention as retentionCore } from "../core/metrics/retention";
import { funnel as funnelCore } from "../core/metrics/funnel";
import { payrate as payrateCore } from "../core/metrics/payrate";
import { tier as tierCore } from "../core/metrics/tier";
import { renewal as renewalCore } from "../core/metrics/renewal";
import { spill, single } from "./edge";
export function retention(
  user_ids: any[][],
  dates: any[][],
  period?: string,
  periods?: any[][],
  mode?: string,
  segments?: any[][],
  start_ids?: any[][],
  start_dates?: any[][],
): any[][] {
  return spill(
    retentionCore(user_ids, dates, period ?? null, periods ?? null, mode ?? null, segments ?? null, start_ids ?? null, start_dates ?? null),
  );
}

export function funnel(
  steps: any[][],
  values: any[][],
  events?: any[][],
  times?: any[][],
  window_days?: any,
  order?: string,
  segments?: any[][],
): any[][] {
  return spill(funnelCore(steps, values, events ?? null, times ?? null, window_days ?? null, order ?? null, segments ?? null));
}

export function payrate(payers: any[][], population: any[][], amounts?: any[][], measure?: string): number {
  return single(payrateCore(payers, population, amounts ?? null, measure ?? null));
}

export function tier(
  values: any[][],
  method?: string,
  cutoffs?: any[][],
  labels?: any[][],
  overrides?: any[][],
): any[][] {
  return spill(tierCore(values, method ?? null, cutoffs ?? null, labels ?? null, overrides ?? null));
}

export function renewal(
  user_ids: any[][],
  dates: any[][],
  amounts: any[][],
  period?: string,
  periods?: any[][],
  measure?: string,
): any[][] {
  return spill(renewalCore(user_ids, dates, amounts, period ?? null, periods ?? null, measure ?? null));
}
