/**
 * OPS.FUNNEL: users reaching each step of a conversion funnel.
 * The contract, every rule and error: docs/functions/funnel.md.
 *
 *  - counts form (`events` omitted): `steps` are k names, `values` k counts;
 *  - event form: `values` are user ids, `events` event names, `times`
 *    optional times. Each user counts once, at the furthest step reached by
 *    any attempt, under `order` = ordered (default) | strict | any, with a
 *    window of `window_days` (default 14) from the step-1 event;
 *  - with `segments` (event form only): one block of steps per segment
 *    (first touch: the segment on the user's earliest step-1 row), then All.
 *
 * The folder:
 *  - steps.ts   the `steps` argument as integer codes;
 *  - rows.ts    reading the event rows, grouping them by user, one user's
 *               events in time order as same-time groups;
 *  - order.ts   the interface each order implements (reach, times) and the
 *               two-pointer they share; ordered.ts, strict.ts, any.ts the
 *               orders; orders.ts the table keyed by the order word;
 *  - segments.ts first-touch attribution of users to segments;
 *  - select.ts  the medians (quickselect);
 *  - the row-sized work arrays and the id tables come from core/pool.ts,
 *               reused from call to call;
 *  - keep.ts    keeps one object of each kind alive, so optimized code
 *               survives the GC between calls;
 *  - index.ts   arguments, the per-user loop, the output table, and a
 *               warm-up when the module loads.
 *
 * Definitions the algorithms rely on:
 *  - Events at the same time have no order among themselves; a user's result
 *    is the best over every arrangement of each group of same-time events.
 *    Times are integer milliseconds (toSerialMs), so "same time" is exact.
 *    Without `times`, row order is time order: every row is its own group
 *    and there is no window.
 *  - Each event fills at most one step of an attempt, so steps a→b→a need
 *    two a events (in every order, `any` too).
 *  - Median days from previous: per user, the attempt used is the earliest
 *    one reaching their furthest step F: the one whose first event is
 *    earliest, and within it each step at its earliest possible time
 *    (lexicographically smallest (start, c1, …, cF), where ci is the time at
 *    which steps 1..i are all done). Gaps are ci − c(i−1), never negative.
 *
 * Speed (1M event rows in about 0.1 s, on par with or faster than the same
 * query in DuckDB over an already loaded table): see rows.ts; each user is
 * then one pass over their time groups with typed-array state; no per-row
 * objects or closures.
 */
import { CellOut, Grid, OpsError, fail, guard } from "../../errors";
import { Matrix, column, isOmitted, optionWord, optionalNumber, rowLabel } from "../../args";
import { MS_PER_DAY } from "../../dates";
import { t } from "../../i18n";
import { StepPlan, readSteps } from "./steps";
import { RowsByUser, UserEvents, readEventRows } from "./rows";
import { FUNNEL_ORDERS, FunnelOrder, ORDERS } from "./orders";
import { GapBuffer } from "./select";
import { OrderRule } from "./order";
import { SegmentGroups, attributeSegments } from "./segments";
import { Lease, withLease } from "../../pool";

export type { FunnelOrder } from "./orders";
export { FUNNEL_ORDERS } from "./orders";
export const DEFAULT_WINDOW_DAYS = 14;

export function funnel(
  steps: unknown,
  values: unknown,
  events?: unknown,
  times?: unknown,
  windowDays?: unknown,
  order?: unknown,
  segments?: unknown,
): Grid | OpsError {
  return guard(() => {
    const plan = readSteps(steps);
    const window = optionalNumber(windowDays ?? null, "window_days");
    if (window !== null && window <= 0) fail("#NUM!", "notPositive", { arg: "window_days", got: window });
    const how = optionWord(order ?? null, "order", FUNNEL_ORDERS, "ordered");
    const windowMs = Math.round((window ?? DEFAULT_WINDOW_DAYS) * MS_PER_DAY);

    if (isOmitted(events as Matrix | null | undefined)) {
      if (!isOmitted(times as Matrix | null | undefined)) fail("#VALUE!", "funnelTimesWithoutEvents");
      if (!isOmitted(segments as Matrix | null | undefined)) fail("#VALUE!", "funnelSegmentsWithoutEvents");
      return countsForm(plan, values);
    }
    return eventForm(plan, values, events, times, segments ?? null, windowMs, how);
  });
}

// ---------------------------------------------------------------------------
// Counts form

function countsForm(plan: StepPlan, values: unknown): Grid {
  const cells = values === null || values === undefined ? [] : column(values, "values");
  if (cells.length !== plan.stepCount) {
    fail("#VALUE!", "funnelStepsCountsMismatch", { stepCount: plan.stepCount, valueCount: cells.length });
  }
  const users = new Float64Array(plan.stepCount + 1);
  for (let i = 0; i < plan.stepCount; i++) {
    const v = cells[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      fail("#VALUE!", "notNonNegative", { arg: "values", row: rowLabel(i), got: String(v) });
    }
    users[i + 1] = v;
  }
  return table(plan, users, null, null);
}

// ---------------------------------------------------------------------------
// Event form

/** Per group (each segment, then All last): users reaching each step and, with times, the gaps behind the medians. */
interface Reached {
  /** users[g * (k + 1) + j]: users of group g reaching step j (1-based). */
  users: Float64Array;
  /** gaps[g * (k + 1) + j]: gaps from step j − 1 to j of group g's users. */
  gaps: GapBuffer[] | null;
}

function eventForm(
  plan: StepPlan,
  values: unknown,
  events: unknown,
  times: unknown,
  segments: unknown,
  windowMs: number,
  how: FunnelOrder,
): Grid {
  const entry = ORDERS[how];
  // The row-sized work arrays and the id tables come from the pool and go back when the call ends.
  return withLease((lease) => {
    const rows = readEventRows(plan, values, events, times, segments, entry.needsOtherEvents, lease);
    const groups = rows.segmentKey ? attributeSegments(rows, plan, lease) : null;
    const rule = entry.make(plan, rows.hasTimes ? windowMs : Infinity);
    const reached = countReached(plan, new RowsByUser(rows, lease), rule, rows.hasTimes, groups, lease);
    return table(plan, reached.users, reached.gaps, groups);
  });
}

/**
 * Each user once, at their furthest step, in their segment (if any) and in
 * All; with medians, the gaps of the earliest attempt reaching it.
 */
function countReached(
  plan: StepPlan, byUser: RowsByUser, rule: OrderRule, withMedians: boolean, groups: SegmentGroups | null, lease: Lease,
): Reached {
  const k = plan.stepCount;
  const stride = k + 1;
  const all = groups ? groups.count : 0;
  const groupOfUser = groups ? groups.ofUser : null;
  const user = new UserEvents(byUser.longest, plan.nameCount);
  const stepTime = new Float64Array(k + 2);
  const furthestCount = new Float64Array((all + 1) * stride);
  const gaps: GapBuffer[] | null = withMedians
    ? Array.from({ length: (all + 1) * stride }, (_, i) => new GapBuffer(i >= all * stride ? 64 : 4, lease))
    : null;
  const userCount = byUser.rows.userCount;
  for (let u = 0; u < userCount; u++) {
    user.load(byUser, u);
    const reach = rule.reach(user);
    // Reaching no step (no step-1 event) leaves a user in no segment.
    if (reach === 0) continue;
    const own = groupOfUser ? groupOfUser[u]! : -1;
    furthestCount[all * stride + reach]!++;
    if (own >= 0) furthestCount[own * stride + reach]!++;
    if (gaps && reach >= 2) {
      rule.times(user, reach, stepTime);
      for (let j = 2; j <= reach; j++) {
        const gap = stepTime[j]! - stepTime[j - 1]!;
        gaps[all * stride + j]!.push(gap);
        if (own >= 0) gaps[own * stride + j]!.push(gap);
      }
    }
  }
  // Users reaching step j = users whose furthest step is j or later.
  const users = new Float64Array((all + 1) * stride);
  for (let g = 0; g <= all; g++) {
    let atLeast = 0;
    for (let j = k; j >= 1; j--) {
      atLeast += furthestCount[g * stride + j]!;
      users[g * stride + j] = atLeast;
    }
  }
  return { users, gaps };
}

// ---------------------------------------------------------------------------
// Output

/**
 * The output table; `gaps` (event form with times) adds the median column.
 * With segments: a Segment column, one block of k rows per segment, then All.
 */
function table(plan: StepPlan, users: Float64Array, gaps: GapBuffer[] | null, groups: SegmentGroups | null): Grid {
  const header: CellOut[] = [
    t("funnelHeaderStep"),
    t("funnelHeaderUsers"),
    t("funnelHeaderFromPrevious"),
    t("funnelHeaderFromFirst"),
    t("funnelHeaderDropOff"),
  ];
  if (gaps) header.push(t("funnelHeaderMedianDays"));
  if (groups) header.unshift(t("funnelHeaderSegment"));
  const out: Grid = [header];
  const labels = groups ? [...groups.labels, t("funnelAll")] : [null];
  labels.forEach((label, g) => {
    const base = g * (plan.stepCount + 1);
    const first = users[base + 1]!;
    for (let j = 1; j <= plan.stepCount; j++) {
      const n = users[base + j]!;
      const prev = j === 1 ? n : users[base + j - 1]!;
      const row: CellOut[] = [plan.labels[j - 1]!, n, prev === 0 ? "" : n / prev, first === 0 ? "" : n / first, prev - n];
      if (gaps) row.push(j === 1 ? "" : gaps[base + j]!.medianDays());
      if (label !== null) row.unshift(label);
      out.push(row);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------
// Warm-up

/**
 * A few tiny calls when the module loads, one per form and order, with text
 * and whole-number ids, so that V8's type feedback covers every path of the
 * row and user loops before the first real call. Without it, the first real
 * call compiles each loop on the fly (on-stack replacement) knowing nothing
 * of the code after it, and V8 kept reusing that code: every later call
 * deoptimized at the same points after the loops of RowsByUser,
 * attributeSegments and countReached and ran the rest in the interpreter
 * (--trace-deopt, "Insufficient type feedback", each call). Costs about 4 ms
 * at load, mostly compiling what the first real call would compile anyway;
 * the calls share no state with later ones but the pool's memory
 * (core/pool.ts), whose arrays are written before they are read.
 */
function warmUp(): void {
  const steps = [["a"], ["b"], ["c"]];
  const events = [["a"], ["x"], ["b"], ["c"], ["a"], ["b"], ["a"], ["c"]];
  const times = [[46000.25], [46000.5], [46001.75], [46002.5], [46003.125], [46030.5], [46000.5], [46001.5]];
  const segments = [["s"], ["s"], ["t"], ["t"], ["s"], ["t"], ["u"], ["u"]];
  const textIds = [["p"], ["p"], ["p"], ["q"], ["q"], ["q"], ["r"], ["r"]];
  const numberIds = [[1001], [1001], [1001], [1002], [1002], [1002], [1003], [1003]];
  for (const ids of [textIds, numberIds]) {
    for (const how of FUNNEL_ORDERS) {
      funnel(steps, ids, events, times, 14, how);
      funnel(steps, ids, events, times, 14, how, segments);
      funnel(steps, ids, events, null, null, how);
    }
  }
}
warmUp();
