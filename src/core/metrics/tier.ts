/**
 * OPS.TIER: customer tiering (S/A/B/C by default). Definition, examples and
 * errors: docs/functions/tier.md.
 *
 * - `pareto` (default; cutoffs {0.5,0.8,0.95}, strictly increasing in (0,1]):
 *   for a positive value v, before = (sum of values greater than v) ÷ (sum of
 *   all positive values); its tier is the first whose cutoff is greater than
 *   `before`, else the last. The customer crossing a cutoff belongs to the
 *   higher tier and equal values share a tier. Zero or negative → last tier.
 * - `rank` (cutoffs {0.1,0.3,0.6}): the same with before = (count of positive
 *   values greater than v) ÷ (count of positive values).
 * - `threshold` (cutoffs required, strictly decreasing): the first tier whose
 *   cutoff ≤ v, else the last; zero and negative values use the cutoffs too.
 *
 * Cost: one typed-array sort of the positive values, then one pass over them
 * with a running sum (a prefix sum) gives, per tier, the smallest value in it.
 * Tiers are monotone in the value, so each cell finds its tier by a binary
 * search over those floors: O(n log n) overall, no per-cell string work.
 *
 * Decisions where the contract is silent:
 * - In `values` the number 0 is a value (zero revenue), not blank: it gets the
 *   last tier (pareto/rank) or whatever the thresholds say.
 * - Booleans and non-finite numbers in `values` are treated like text.
 * - An override applies whatever the value, also to a blank or text value
 *   (a strategic customer may have no revenue figure yet); an unknown
 *   override is the cell's error even when the value is blank.
 * - Labels are trimmed; a blank label (the number 0 included, which is how
 *   Excel for Windows passes an empty cell) → #VALUE!. A number label is
 *   returned as that number; overrides match labels by their text.
 * - A blank cell inside a cutoffs list is "not a number" (#VALUE!).
 * - Floating point: `before` is compared with a tolerance of 1e-12, so a
 *   share that is exactly a cutoff in decimal arithmetic (0.3 ÷ 0.6) counts as
 *   reaching it even when the binary sum rounds just below.
 */
import { CellOut, Grid, OpsError, fail, guard, opsError } from "../errors";
import { Matrix, asMatrix, cells, isBlank, isBlankKey, isOmitted, keyText, optionWord } from "../args";

export const TIER_METHODS = ["pareto", "rank", "threshold"] as const;
export type TierMethod = (typeof TIER_METHODS)[number];

export const DEFAULT_CUTOFFS: Readonly<Record<"pareto" | "rank", readonly number[]>> = {
  pareto: [0.5, 0.8, 0.95],
  rank: [0.1, 0.3, 0.6],
};
export const DEFAULT_LABELS: readonly string[] = ["S", "A", "B", "C"];

/** Tolerance when comparing a share with a cutoff (see the header). */
export const SHARE_EPSILON = 1e-12;

/** Validated TIER settings. `labels` holds the cells to output, `labelKeys` their trimmed text. */
export interface TierSettings {
  method: TierMethod;
  cutoffs: number[];
  labels: (string | number)[];
  labelKeys: string[];
}

export function tier(values: unknown, method?: unknown, cutoffs?: unknown, labels?: unknown, overrides?: unknown): Grid | OpsError {
  return guard(() => {
    const settings = readTierSettings(method ?? null, cutoffs ?? null, labels ?? null);
    const valueRows = asMatrix(values ?? null);
    const overrideRows = readOverrides(overrides ?? null, valueRows);

    // Numbers in row-major order; NaN marks a blank or invalid cell (left out of totals).
    let n = 0;
    for (const row of valueRows) n += row.length;
    const numbers = new Float64Array(n);
    let k = 0;
    for (const row of valueRows) {
      for (const v of row) numbers[k++] = typeof v === "number" && Number.isFinite(v) ? v : NaN;
    }
    const tiers = computeTiers(numbers, settings.method, settings.cutoffs);

    const labelIndex = new Map<string, number>();
    settings.labelKeys.forEach((key, i) => {
      if (!labelIndex.has(key)) labelIndex.set(key, i);
    });
    const allLabels = settings.labelKeys.join(", ");
    const errorCache = new Map<string, OpsError>();
    const cachedError = (key: "tierValueText" | "tierOverrideUnknown", got: string): OpsError => {
      const cacheKey = key + "\u0000" + got;
      let e = errorCache.get(cacheKey);
      if (e === undefined) {
        e = opsError("#VALUE!", key, { got, labels: allLabels });
        errorCache.set(cacheKey, e);
      }
      return e;
    };

    const valueErrorOrBlank = (v: unknown): CellOut =>
      isBlank(v) ? "" : cachedError("tierValueText", typeof v === "string" ? v.trim() : keyText(v));

    const out: Grid = new Array<CellOut[]>(valueRows.length);
    // A column of values (the common case) gets one shared, never-mutated
    // row per distinct result cell: 100k one-cell arrays cost more in
    // garbage collection than the whole tiering does.
    const sharedRows = new Map<CellOut, CellOut[]>();
    const rowOf = (cell: CellOut): CellOut[] => {
      let row = sharedRows.get(cell);
      if (row === undefined) sharedRows.set(cell, (row = [cell]));
      return row;
    };
    k = 0;
    for (let r = 0; r < valueRows.length; r++) {
      const row = valueRows[r]!;
      const overrideRow = overrideRows?.[r];
      if (row.length === 1 && overrideRow === undefined) {
        const t = tiers[k++]!;
        out[r] = rowOf(t >= 0 ? settings.labels[t]! : valueErrorOrBlank(row[0]));
        continue;
      }
      const outRow = new Array<CellOut>(row.length);
      for (let c = 0; c < row.length; c++, k++) {
        const override = overrideRow?.[c];
        if (override !== undefined && !isBlankKey(override)) {
          const idx = labelIndex.get(keyText(override));
          outRow[c] = idx === undefined ? cachedError("tierOverrideUnknown", keyText(override)) : settings.labels[idx]!;
          continue;
        }
        const t = tiers[k]!;
        outRow[c] = t >= 0 ? settings.labels[t]! : valueErrorOrBlank(row[c]);
      }
      out[r] = outRow;
    }
    return out;
  });
}

/** Reads and validates method, cutoffs and labels (aborts with #VALUE! saying which). */
export function readTierSettings(methodArg: unknown, cutoffsArg: unknown, labelsArg: unknown): TierSettings {
  const method = optionWord(methodArg, "method", TIER_METHODS, "pareto");

  let cutoffs: number[];
  if (isOmitted(cutoffsArg as Matrix | null, false)) {
    if (method === "threshold") fail("#VALUE!", "tierCutoffsRequired");
    cutoffs = DEFAULT_CUTOFFS[method].slice();
  } else {
    const raw = cells(cutoffsArg);
    cutoffs = new Array<number>(raw.length);
    raw.forEach((v, i) => {
      const index = i + 1;
      if (typeof v !== "number" || !Number.isFinite(v)) fail("#VALUE!", "tierCutoffNotNumber", { index, got: keyText(v ?? "") });
      if (method !== "threshold" && !(v > 0 && v <= 1)) fail("#VALUE!", "tierCutoffOutOfRange", { index, method, got: v });
      if (i > 0) {
        const prev = cutoffs[i - 1]!;
        if (method === "threshold" && !(v < prev)) fail("#VALUE!", "tierCutoffsDecreasing", { index, got: v });
        if (method !== "threshold" && !(v > prev)) fail("#VALUE!", "tierCutoffsIncreasing", { index, method, got: v });
      }
      cutoffs[i] = v;
    });
  }

  let labels: (string | number)[];
  if (isOmitted(labelsArg as Matrix | null, true)) {
    labels = DEFAULT_LABELS.slice();
  } else {
    labels = cells(labelsArg).map((v, i) => {
      if (isBlankKey(v)) fail("#VALUE!", "tierBlankLabel", { index: i + 1 });
      return typeof v === "number" && Number.isFinite(v) ? v : keyText(v);
    });
  }
  if (labels.length !== cutoffs.length + 1) {
    fail("#VALUE!", "tierLabelsCount", { labels: labels.length, cutoffs: cutoffs.length });
  }
  return { method, cutoffs, labels, labelKeys: labels.map((l) => keyText(l)) };
}

/** The overrides matrix, or null when omitted; aborts when its shape differs from values. */
function readOverrides(arg: unknown, valueRows: Matrix): Matrix | null {
  if (isOmitted(arg as Matrix | null, true)) return null;
  const m = asMatrix(arg);
  const same = m.length === valueRows.length && m.every((row, r) => row.length === valueRows[r]!.length);
  if (!same) fail("#VALUE!", "tierOverridesShape");
  return m;
}

/**
 * Tier index (0 = first label) of each value; -1 for NaN entries, which are
 * left out of the totals. Cutoffs must already be valid for the method.
 * Pure and Office-free: the customer-tiering sheet generator reuses it.
 */
export function computeTiers(values: ArrayLike<number>, method: TierMethod, cutoffs: readonly number[]): Int32Array {
  const n = values.length;
  const out = new Int32Array(n);
  const last = cutoffs.length;

  if (method === "threshold") {
    // First tier whose cutoff ≤ v; cutoffs strictly decreasing, so binary search.
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      out[i] = Number.isNaN(v) ? -1 : firstIndex(last, (t) => cutoffs[t]! <= v);
    }
    return out;
  }

  // floors[t] = the smallest positive value whose tier is ≤ t (+Infinity if none).
  const floors = tierFloors(values, method, cutoffs);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) out[i] = -1;
    else if (!(v > 0)) out[i] = last;
    else out[i] = firstIndex(last, (t) => v >= floors[t]!);
  }
  return out;
}

/** Smallest index t in [0, count) with pred(t) true, pred monotone false…true; `count` when none. */
function firstIndex(count: number, pred: (t: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Sorted (descending) positive values. */
function sortedPositivesDesc(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > 0) count++;
  const pos = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > 0) pos[k++] = v;
  }
  pos.sort(); // typed arrays sort numerically, ascending
  pos.reverse();
  return pos;
}

function tierFloors(values: ArrayLike<number>, method: "pareto" | "rank", cutoffs: readonly number[]): Float64Array {
  const floors = new Float64Array(cutoffs.length).fill(Infinity);
  const pos = sortedPositivesDesc(values);
  const m = pos.length;
  if (m === 0) return floors;
  let total = 0;
  if (method === "pareto") for (let i = 0; i < m; i++) total += pos[i]!;
  else total = m;

  let greater = 0; // running sum (or count) of the values before the current tie group
  let t = 0; // tier of the current group; never decreases as values fall
  for (let i = 0; i < m; ) {
    const v = pos[i]!;
    const before = greater / total;
    while (t < cutoffs.length && !(cutoffs[t]! - before > SHARE_EPSILON)) t++;
    if (t < cutoffs.length) floors[t] = v; // the group's value is the smallest so far with tier ≤ t
    let j = i;
    while (j < m && pos[j] === v) {
      greater += method === "pareto" ? v : 1;
      j++;
    }
    i = j;
  }
  // Make floors[t] cover every tier ≤ t: a tier with no values inherits the floor of the tier above.
  for (let s = 1; s < floors.length; s++) if (floors[s] === Infinity) floors[s] = floors[s - 1]!;
  return floors;
}

/** One position of a Pareto table: the value's index, its share and the cumulative share through it. */
export interface ParetoShares {
  /** Indexes of the finite values, by value descending (ties keep input order). */
  order: Int32Array;
  /** Share of the positive total per position of `order` (0 for zero and negative values). */
  share: Float64Array;
  /** Cumulative share through each position of `order` (ends at 1 when any value is positive). */
  cumulative: Float64Array;
  /** Sum of the positive values. */
  total: number;
}

/** Share and cumulative share sorted by value, for a Pareto chart or the tiering sheet. NaN entries are skipped. */
export function paretoShares(values: ArrayLike<number>): ParetoShares {
  const idx: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    idx.push(i);
    if (v > 0) total += v;
  }
  idx.sort((a, b) => values[b]! - values[a]! || a - b);
  const order = Int32Array.from(idx);
  const share = new Float64Array(order.length);
  const cumulative = new Float64Array(order.length);
  let running = 0;
  for (let p = 0; p < order.length; p++) {
    const v = values[order[p]!]!;
    if (v > 0) running += v;
    share[p] = total > 0 && v > 0 ? v / total : 0;
    cumulative[p] = total > 0 ? running / total : 0;
  }
  return { order, share, cumulative, total };
}
