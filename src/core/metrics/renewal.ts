/**
 * OPS.RENEWAL: revenue retention by cohort (docs/functions/renewal.md), a
 * sibling of OPS.RETENTION with the same periods, elapsed-period rule and
 * layout, over payment rows instead of activity rows.
 *
 *   OPS.RENEWAL(user_ids, dates, amounts, [period], [periods], [measure])
 *
 * - One row per payment. Rows with a blank user id or blank date are skipped
 *   (0 counts as blank there, as in every id/date column) and not checked
 *   further. A date that is not a date → #VALUE! naming the row.
 * - Amounts: a number (negative = refund), or blank, which counts 0 (as in
 *   OPS.PAYRATE). Anything else on a used row (text, TRUE) → #VALUE! naming
 *   the row.
 * - A user's net amount in a period is the sum of their amounts there. They
 *   PAY in that period when the net is positive; "positive" is net > 1e-9 ×
 *   the sum of the absolute amounts there, so a refund that cancels a
 *   payment (1.1 + 2.2 − 3.3, which binary arithmetic leaves at 4.4e-16)
 *   counts as no payment.
 * - A user's cohort is the first period they pay in; users who never pay are
 *   in no cohort. Rows before the cohort period are ignored (a refund dated
 *   before the payment it refunds). The cohort's Revenue is its payers' net
 *   amount in the cohort period (> 0).
 * - measure "revenue" (default): column k = the cohort's net amount in
 *   period cohort + k (refunds and users who stopped paying included) ÷ its
 *   Revenue: net revenue retention; it can exceed 1 (expansion) or be below
 *   0 (refunds). "payers": the share of the cohort's payers who pay again in
 *   period cohort + k.
 * - `period`: "month" (default), "week" (weeks start Monday) or "day";
 *   `periods` as in OPS.RETENTION (N, default 6 months / 8 weeks / 7 days, or
 *   a list such as {1,3,12}).
 * - Elapsed: a cell whose period (cohort + k) is later than the period of
 *   the latest date of the used rows (any amount) is "", never 0. The All
 *   row: Σ numerators ÷ Σ denominators over the cohorts where k has elapsed
 *   ("" when none).
 * - Output, spilled: Cohort | Payers | Revenue | Month k…, one row per cohort
 *   (first day of its period, as a serial), ascending, then All.
 * - No paying user → #N/A. Unknown `period`/`measure` → #VALUE! listing the
 *   allowed words; `periods` errors as in OPS.RETENTION.
 */
import { CellOut, Grid, OpsError, fail, guard } from "../errors";
import { t } from "../i18n";
import { column, isBlank, isBlankKey, optionWord, rowLabel, sameLength } from "../args";
import { MS_PER_DAY, toSerialMs } from "../dates";
import { BLANK_CODE, KeyInterner } from "../intern";
import { PERIOD_WORDS, Period, bucketOf, bucketStart, readPeriods } from "./retention";

export type RenewalMeasure = "revenue" | "payers";
export const RENEWAL_MEASURES: readonly RenewalMeasure[] = ["revenue", "payers"];
export const RENEWAL_DEFAULT_PERIOD: Period = "month";
/** A user pays in a period when net > NET_EPSILON × gross there (see the header). */
export const NET_EPSILON = 1e-9;

export function renewal(
  userIds: unknown,
  dates: unknown,
  amounts: unknown,
  period?: unknown,
  periods?: unknown,
  measure?: unknown,
): Grid | OpsError {
  return guard(() => {
    const ids = column(userIds, "user_ids");
    const when = column(dates, "dates");
    sameLength(ids, "user_ids", when, "dates");
    if (amounts === null || amounts === undefined) fail("#VALUE!", "emptyArgument", { arg: "amounts" });
    const money = column(amounts, "amounts");
    sameLength(ids, "user_ids", money, "amounts");
    const unit = optionWord(period ?? null, "period", PERIOD_WORDS, RENEWAL_DEFAULT_PERIOD);
    const ks = readPeriods(periods ?? null, unit);
    const how = optionWord(measure ?? null, "measure", RENEWAL_MEASURES, "revenue");
    return compute(readPayments(ids, when, money, unit), unit, ks, how);
  });
}

/** The used rows: user code, period bucket and amount per row. */
interface Payments {
  rows: number;
  user: Int32Array;
  bucket: Int32Array;
  amount: Float64Array;
  userCount: number;
}

function readPayments(ids: unknown[], dates: unknown[], amounts: unknown[], period: Period): Payments {
  const n = ids.length;
  const user = new Int32Array(n);
  const bucket = new Int32Array(n);
  const amount = new Float64Array(n);
  const users = new KeyInterner(0, undefined, { keepNames: false });
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const date = dates[i];
    if (isBlankKey(date)) continue;
    const u = users.code(ids[i]);
    if (u === BLANK_CODE) continue;
    const ms = toSerialMs(date);
    if (Number.isNaN(ms)) fail("#VALUE!", "badDate", { arg: "dates", row: rowLabel(i), value: String(date) });
    const a = amounts[i];
    let value = 0;
    if (!isBlank(a)) {
      if (typeof a !== "number" || !Number.isFinite(a)) fail("#VALUE!", "textInNumbers", { arg: "amounts", row: rowLabel(i), got: String(a) });
      value = a;
    }
    user[rows] = u;
    bucket[rows] = bucketOf(period, Math.floor(ms / MS_PER_DAY));
    amount[rows] = value;
    rows++;
  }
  return { rows, user, bucket, amount, userCount: users.size };
}

function compute(pay: Payments, period: Period, ks: readonly number[], measure: RenewalMeasure): Grid {
  const { rows, user, bucket, amount, userCount } = pay;
  if (rows === 0) fail("#N/A", "renewalNoPayers");
  let minBucket = 0x7fffffff;
  let maxBucket = -0x80000000;
  for (let r = 0; r < rows; r++) {
    if (bucket[r]! < minBucket) minBucket = bucket[r]!;
    if (bucket[r]! > maxBucket) maxBucket = bucket[r]!;
  }

  // Net and gross amount per (user, period), in order of first appearance.
  const span = maxBucket - minBucket + 1;
  const pairOf = new Map<number, number>();
  const pairUser: number[] = [];
  const pairBucket: number[] = [];
  const net: number[] = [];
  const gross: number[] = [];
  for (let r = 0; r < rows; r++) {
    const key = user[r]! * span + (bucket[r]! - minBucket);
    let p = pairOf.get(key);
    if (p === undefined) {
      p = pairUser.length;
      pairOf.set(key, p);
      pairUser.push(user[r]!);
      pairBucket.push(bucket[r]!);
      net.push(0);
      gross.push(0);
    }
    net[p] = net[p]! + amount[r]!;
    gross[p] = gross[p]! + Math.abs(amount[r]!);
  }
  const pairs = pairUser.length;
  const pays = new Uint8Array(pairs);
  for (let p = 0; p < pairs; p++) pays[p] = net[p]! > NET_EPSILON * gross[p]! ? 1 : 0;

  // Cohort of each user: the first period they pay in (NONE when they never do).
  const NONE = 0x7fffffff;
  const cohort = new Int32Array(userCount).fill(NONE);
  for (let p = 0; p < pairs; p++) {
    if (pays[p] && pairBucket[p]! < cohort[pairUser[p]!]!) cohort[pairUser[p]!] = pairBucket[p]!;
  }
  const cohortBuckets = [...new Set(Array.from(cohort).filter((c) => c !== NONE))].sort((a, b) => a - b);
  if (cohortBuckets.length === 0) fail("#N/A", "renewalNoPayers");
  const groupOf = new Map<number, number>();
  cohortBuckets.forEach((c, g) => groupOf.set(c, g));

  // Requested offsets: each distinct one gets a slot; columns point at slots.
  const slots = [...new Set(ks)];
  const slotOfOffset = new Map<number, number>();
  slots.forEach((k, s) => slotOfOffset.set(k, s));
  const K = slots.length;
  const G = cohortBuckets.length;
  const payers = new Float64Array(G);
  const revenue = new Float64Array(G);
  const numerator = new Float64Array(G * K);
  for (let u = 0; u < userCount; u++) if (cohort[u] !== NONE) payers[groupOf.get(cohort[u]!)!]!++;
  for (let p = 0; p < pairs; p++) {
    const c = cohort[pairUser[p]!]!;
    if (c === NONE) continue;
    const g = groupOf.get(c)!;
    const offset = pairBucket[p]! - c;
    if (offset === 0) {
      revenue[g] = revenue[g]! + net[p]!;
      continue;
    }
    const s = slotOfOffset.get(offset);
    if (s === undefined) continue;
    if (measure === "revenue") numerator[g * K + s] = numerator[g * K + s]! + net[p]!;
    else if (pays[p]) numerator[g * K + s]!++;
  }
  const denominator = measure === "revenue" ? revenue : payers;

  const columnKey = period === "day" ? "retentionDay" : period === "week" ? "retentionWeek" : "retentionMonth";
  const grid: Grid = [
    [t("retentionHeaderCohort"), t("renewalHeaderPayers"), t("renewalHeaderRevenue"), ...ks.map((k) => t(columnKey, { k }))],
  ];
  const totalNum = new Float64Array(K);
  const totalDen = new Float64Array(K);
  let totalPayers = 0;
  let totalRevenue = 0;
  for (let g = 0; g < G; g++) {
    const c = cohortBuckets[g]!;
    const row: CellOut[] = [bucketStart(period, c), payers[g]!, revenue[g]!];
    for (const k of ks) {
      const s = slotOfOffset.get(k)!;
      row.push(c + k <= maxBucket ? numerator[g * K + s]! / denominator[g]! : "");
    }
    for (let s = 0; s < K; s++) {
      if (c + slots[s]! > maxBucket) continue;
      totalNum[s] = totalNum[s]! + numerator[g * K + s]!;
      totalDen[s] = totalDen[s]! + denominator[g]!;
    }
    totalPayers += payers[g]!;
    totalRevenue += revenue[g]!;
    grid.push(row);
  }
  const all: CellOut[] = [t("retentionAll"), totalPayers, totalRevenue];
  for (const k of ks) {
    const s = slotOfOffset.get(k)!;
    all.push(totalDen[s] === 0 ? "" : totalNum[s]! / totalDen[s]!);
  }
  grid.push(all);
  return grid;
}
