/**
 * OPS.FUNNEL: users reaching each step of a conversion funnel.
 *
 * Two forms (issue 8, "OPS.FUNNEL"):
 *  - counts form (`events` omitted): `steps` are k names, `values` k counts;
 *  - event form: `values` are user ids, `events` event names, `times`
 *    optional times. Each user counts once, at the furthest step reached by
 *    any attempt, under `order` = ordered (default) | strict | any, with a
 *    window of `window_days` (default 14) from the step-1 event.
 *
 * Definitions the algorithms below rely on:
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
 * Decisions where the contract is silent:
 *  - Duplicate step names are allowed (a→b→a); blank step names (0 counts as
 *    blank, as in event columns) are #VALUE!.
 *  - Counts need not decrease: a later count above an earlier one gives a
 *    conversion above 1 and a negative drop-off, as the user's figures say.
 *  - `window_days` and `order` are validated in the counts form too, even
 *    though they do not change its result; `window_days` is validated when
 *    `times` is omitted (no window then) for the same reason.
 *  - Rows skipped for a blank id or event are not validated further; every
 *    other row's time must be a date, even when its event is not a step
 *    (whether a time is valid must not depend on `steps` or `order`).
 *  - The window is rounded to the millisecond like the times.
 *  - Step names are shown as their trimmed text.
 *
 * Speed (1M event rows in about 0.1 s, on par with or faster than the same
 * query in DuckDB over an already loaded table): ids are interned once into
 * integer codes and events mapped once to step-name codes, straight from the
 * 2-D arrays (no copies). Then ONE sort: a counting sort of rows by user,
 * then per user a native numeric sort of packed (time, event) keys, skipped
 * when the user's rows are already in time order (the usual case for
 * exported logs). Each user is then one pass over their time groups with
 * typed-array state; no per-row objects or closures.
 */
import { CellOut, Grid, OpsError, fail, guard } from "../errors";
import { Matrix, column, isBlankKey, isOmitted, keyText, optionWord, optionalNumber, rowLabel, sameLength } from "../args";
import { MAX_SERIAL_EXCLUSIVE, MS_PER_DAY, toSerialMs } from "../dates";
import { BLANK_CODE, KeyInterner } from "../intern";
import { t } from "../i18n";

export type FunnelOrder = "ordered" | "strict" | "any";
export const FUNNEL_ORDERS: readonly FunnelOrder[] = ["ordered", "strict", "any"];
export const DEFAULT_WINDOW_DAYS = 14;

/** "No chain reaches this step yet" in the forward pass (times are ≥ 0 there). */
const NONE = -1;

/** The steps, resolved once: k steps over d distinct names. */
interface StepPlan {
  readonly k: number;
  readonly d: number;
  /** Step texts, for the output. */
  readonly labels: string[];
  /** Name code (0..d−1) of each step, 1-based: nameOf[1..k]. */
  readonly nameOf: Int32Array;
  readonly codeOfName: Map<string, number>;
  /** The steps named a, ascending: posList[posStart[a] .. posStart[a+1]). */
  readonly posStart: Int32Array;
  readonly posList: Int32Array;
}

export function funnel(
  steps: unknown,
  values: unknown,
  events?: unknown,
  times?: unknown,
  windowDays?: unknown,
  order?: unknown,
): Grid | OpsError {
  return guard(() => {
    const plan = readSteps(steps);
    const window = optionalNumber(windowDays ?? null, "window_days");
    if (window !== null && window <= 0) fail("#NUM!", "notPositive", { arg: "window_days", got: window });
    const how = optionWord(order ?? null, "order", FUNNEL_ORDERS, "ordered");
    const windowMs = Math.round((window ?? DEFAULT_WINDOW_DAYS) * MS_PER_DAY);

    if (isOmitted(events as Matrix | null | undefined)) {
      if (!isOmitted(times as Matrix | null | undefined)) fail("#VALUE!", "funnelTimesWithoutEvents");
      return countsForm(plan, values);
    }
    return eventForm(plan, values, events, times, windowMs, how);
  });
}

function readSteps(steps: unknown): StepPlan {
  if (steps === null || steps === undefined) fail("#VALUE!", "funnelNoSteps");
  const cells = column(steps, "steps");
  const k = cells.length;
  if (k === 0) fail("#VALUE!", "funnelNoSteps");
  const labels: string[] = [];
  const nameOf = new Int32Array(k + 1);
  const codeOfName = new Map<string, number>();
  for (let i = 0; i < k; i++) {
    const cell = cells[i];
    if (isBlankKey(cell)) fail("#VALUE!", "funnelBlankStep", { index: i + 1 });
    const name = keyText(cell);
    let code = codeOfName.get(name);
    if (code === undefined) {
      code = codeOfName.size;
      codeOfName.set(name, code);
    }
    labels.push(name);
    nameOf[i + 1] = code;
  }
  const d = codeOfName.size;
  const posStart = new Int32Array(d + 1);
  for (let j = 1; j <= k; j++) posStart[nameOf[j]! + 1]!++;
  for (let a = 0; a < d; a++) posStart[a + 1]! += posStart[a]!;
  const fillAt = posStart.slice(0, d);
  const posList = new Int32Array(k);
  for (let j = 1; j <= k; j++) posList[fillAt[nameOf[j]!]!++] = j;
  return { k, d, labels, nameOf, codeOfName, posStart, posList };
}

// ---------------------------------------------------------------------------
// Counts form

function countsForm(plan: StepPlan, values: unknown): Grid {
  const cells = values === null || values === undefined ? [] : column(values, "values");
  if (cells.length !== plan.k) fail("#VALUE!", "funnelStepsCountsMismatch", { stepCount: plan.k, valueCount: cells.length });
  const users = new Float64Array(plan.k + 1);
  for (let i = 0; i < plan.k; i++) {
    const v = cells[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      fail("#VALUE!", "notNonNegative", { arg: "values", row: rowLabel(i), got: String(v) });
    }
    users[i + 1] = v;
  }
  return table(plan, users, null);
}

/** The output table; `gaps` (event form with times) adds the median column. */
function table(plan: StepPlan, users: Float64Array, gaps: GapBuffer[] | null): Grid {
  const header: CellOut[] = [
    t("funnelHeaderStep"),
    t("funnelHeaderUsers"),
    t("funnelHeaderFromPrevious"),
    t("funnelHeaderFromFirst"),
    t("funnelHeaderDropOff"),
  ];
  if (gaps) header.push(t("funnelHeaderMedianDays"));
  const out: Grid = [header];
  const first = users[1]!;
  for (let j = 1; j <= plan.k; j++) {
    const n = users[j]!;
    const prev = j === 1 ? n : users[j - 1]!;
    const row: CellOut[] = [
      plan.labels[j - 1]!,
      n,
      prev === 0 ? "" : n / prev,
      first === 0 ? "" : n / first,
      prev - n,
    ];
    if (gaps) row.push(j === 1 ? "" : gaps[j]!.medianDays());
    out.push(row);
  }
  return out;
}

/** Gaps in ms of one step, growable; the median is taken once at the end. */
class GapBuffer {
  private data = new Float64Array(64);
  private size = 0;

  push(ms: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = ms;
  }

  medianDays(): number | "" {
    const n = this.size;
    if (n === 0) return "";
    const a = this.data;
    const mid = n >> 1;
    select(a, n, mid);
    let ms = a[mid]!;
    if (n % 2 === 0) {
      // After selection everything before mid is ≤ a[mid]: the lower middle is their maximum.
      let lower = a[0]!;
      for (let i = 1; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
      ms = (lower + ms) / 2;
    }
    return ms / MS_PER_DAY;
  }
}

/**
 * Quickselect (Hoare partition, median-of-three pivot): afterwards a[k] is
 * the k-th smallest of a[0..n), smaller ones before it, larger after.
 * Linear on average, so the medians cost less than sorting every gap.
 */
function select(a: Float64Array, n: number, k: number): void {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const m = (lo + hi) >> 1;
    // Order a[lo], a[m], a[hi] and use the middle one as the pivot.
    if (a[m]! < a[lo]!) swap(a, m, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[m]!) swap(a, hi, m);
    const pivot = a[m]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and j < i.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i]!;
  a[i] = a[j]!;
  a[j] = x;
}

// ---------------------------------------------------------------------------
// Event form: reading rows

/**
 * A column argument as an n×1 matrix, so the row loop reads m[i][0] without
 * first copying a million cells (a row or a single cell is rare and small
 * enough to reshape). A block is #VALUE! (column() says so).
 */
function asColumnMatrix(arg: unknown, argName: string): Matrix {
  if (Array.isArray(arg) && arg.length > 1 && Array.isArray(arg[0]) && (arg[0] as unknown[]).length === 1) {
    return arg as Matrix;
  }
  return column(arg, argName).map((cell) => [cell]);
}

/**
 * Maps event cells to step-name codes, caching by the raw cell so each
 * distinct cell is trimmed and looked up once.
 */
class EventCoder {
  private readonly byCell = new Map<unknown, number>();

  constructor(
    private readonly codeOfName: Map<string, number>,
    /** The code of events that are not steps. */
    private readonly other: number,
  ) {}

  code(cell: unknown): number {
    const known = this.byCell.get(cell);
    if (known !== undefined) return known;
    const code = isBlankKey(cell) ? BLANK_CODE : (this.codeOfName.get(keyText(cell)) ?? this.other);
    this.byCell.set(cell, code);
    return code;
  }
}

/**
 * User ids to integer codes (KeyInterner: 7 and "7" are one user), with a
 * shortcut for a run of rows of one user (logs exported by user).
 */
class IdCoder {
  private readonly interner = new KeyInterner();
  private lastCell: unknown = undefined;
  private lastCode = BLANK_CODE;

  get size(): number {
    return this.interner.size;
  }

  code(cell: unknown): number {
    if (cell !== this.lastCell) {
      this.lastCell = cell;
      this.lastCode = this.interner.code(cell);
    }
    return this.lastCode;
  }
}

function eventForm(
  plan: StepPlan,
  values: unknown,
  events: unknown,
  times: unknown,
  windowMs: number,
  how: FunnelOrder,
): Grid {
  const ids = asColumnMatrix(values, "values");
  const evs = asColumnMatrix(events, "events");
  sameLength(ids, "values", evs, "events");
  const hasTimes = !isOmitted(times as Matrix | null | undefined);
  const tms = hasTimes ? asColumnMatrix(times, "times") : null;
  if (tms) sameLength(ids, "values", tms, "times");

  const keepOther = how === "strict";
  const other = plan.d;
  const eventCoder = new EventCoder(plan.codeOfName, other);
  const idCoder = new IdCoder();
  const n = ids.length;
  const rowUser = new Int32Array(n);
  const rowTime = new Float64Array(n);
  const rowCode = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const code = eventCoder.code(evs[i]![0]);
    if (code === BLANK_CODE) continue;
    let time = i;
    if (tms) {
      const cell = tms[i]![0];
      if (typeof cell === "number") {
        if (cell === 0) continue; // an empty cell from Excel for Windows
        time = cell >= 1 && cell < MAX_SERIAL_EXCLUSIVE ? Math.round(cell * MS_PER_DAY) : NaN;
      } else {
        if (isBlankKey(cell)) continue;
        time = toSerialMs(cell);
      }
      // A row with a blank id is skipped, not an error (checked only here, on the rare path).
      if (Number.isNaN(time) && !isBlankKey(ids[i]![0])) {
        fail("#VALUE!", "badDate", { arg: "times", row: rowLabel(i), value: String(cell) });
      }
    }
    // Non-step events only matter to `strict`; the other orders drop them
    // here, after the time check, before they cost an id lookup or a sort slot.
    if (code === other && !keepOther) continue;
    const user = idCoder.code(ids[i]![0]);
    if (user === BLANK_CODE || Number.isNaN(time)) continue;
    rowUser[m] = user;
    rowTime[m] = time;
    rowCode[m] = code;
    m++;
  }

  const reached = countReached(plan, idCoder.size, rowUser, rowTime, rowCode, m, hasTimes ? windowMs : Infinity, how, hasTimes);
  return table(plan, reached.users, reached.gaps);
}

// ---------------------------------------------------------------------------
// Event form: per-user passes

/** Scratch state shared by the per-user passes (allocated once per call). */
interface Work {
  readonly k: number;
  readonly d: number;
  readonly nameOf: Int32Array;
  readonly posStart: Int32Array;
  readonly posList: Int32Array;
  /** One user's events in time order: time (ms) and step-name code (d = not a step). */
  readonly evT: Float64Array;
  readonly evC: Int32Array;
  /** Packed sort keys for the user's events. */
  readonly keys: Float64Array;
  /** Time groups: events gBegin[g] .. gBegin[g+1]) share time gTime[g]. */
  readonly gBegin: Int32Array;
  readonly gTime: Float64Array;
  /** Per-step state, 1-based (index 0 and k+1 are sentinels). */
  readonly best: Float64Array;
  readonly suf: Float64Array;
  readonly bound: Int32Array;
  /** Step times of the attempt used for the medians. */
  readonly stepTime: Float64Array;
  /** Per-name counters (d+1 entries, the last for non-step events); kept all-zero between uses. */
  readonly cnt: Int32Array;
  readonly used: Int32Array;
  /** The attempt found by the last reach pass: first group and (strict) steps taken there. */
  startGroup: number;
  firstTaken: number;
}

function countReached(
  plan: StepPlan,
  nUsers: number,
  rowUser: Int32Array,
  rowTime: Float64Array,
  rowCode: Int32Array,
  m: number,
  windowMs: number,
  how: FunnelOrder,
  withMedians: boolean,
): { users: Float64Array; gaps: GapBuffer[] | null } {
  const { k, d } = plan;

  // Counting sort of rows by user (stable, so without times each user's
  // rows stay in row order, which is then their time order).
  const userStart = new Int32Array(nUsers + 1);
  for (let r = 0; r < m; r++) userStart[rowUser[r]! + 1]!++;
  let longest = 0;
  for (let u = 0; u < nUsers; u++) {
    const len = userStart[u + 1]!;
    if (len > longest) longest = len;
    userStart[u + 1] = userStart[u]! + len;
  }
  const fillAt = userStart.slice(0, nUsers);
  const byUser = new Int32Array(m);
  for (let r = 0; r < m; r++) byUser[fillAt[rowUser[r]!]!++] = r;

  const w: Work = {
    k,
    d,
    nameOf: plan.nameOf,
    posStart: plan.posStart,
    posList: plan.posList,
    evT: new Float64Array(longest),
    evC: new Int32Array(longest),
    keys: new Float64Array(longest),
    gBegin: new Int32Array(longest + 1),
    gTime: new Float64Array(longest),
    best: new Float64Array(k + 2),
    suf: new Float64Array(k + 2),
    bound: new Int32Array(k + 2),
    stepTime: new Float64Array(k + 2),
    cnt: new Int32Array(d + 1),
    used: new Int32Array(d + 1),
    startGroup: -1,
    firstTaken: 0,
  };
  // Codes 0..d packed below the time: a power of two keeps unpacking exact.
  const codeSpan = 2 ** Math.ceil(Math.log2(d + 1));

  const furthest = new Float64Array(k + 2);
  const gaps: GapBuffer[] | null = withMedians ? [] : null;
  if (gaps) for (let j = 0; j <= k; j++) gaps.push(new GapBuffer());

  const { evT, evC, stepTime } = w;
  for (let u = 0; u < nUsers; u++) {
    const s = userStart[u]!;
    const len = userStart[u + 1]! - s;
    // Gather the user's events, noting whether they are already in time order.
    let sorted = true;
    let previous = -Infinity;
    for (let p = 0; p < len; p++) {
      const r = byUser[s + p]!;
      const time = rowTime[r]!;
      if (time < previous) sorted = false;
      previous = time;
      evT[p] = time;
      evC[p] = rowCode[r]!;
    }
    if (!sorted) sortByTime(w, len, codeSpan);
    const nG = buildGroups(w, len);

    let reach: number;
    if (how === "ordered") {
      reach = orderedReach(w, nG, windowMs);
      if (gaps && reach >= 2) orderedTimes(w, nG, windowMs, reach);
    } else if (how === "strict") {
      reach = strictReach(w, nG, windowMs);
      if (gaps && reach >= 2) strictTimes(w, nG, reach);
    } else {
      reach = anyReach(w, nG, windowMs);
      if (gaps && reach >= 2) anyTimes(w, len, reach);
    }
    furthest[reach]!++;
    if (gaps) {
      for (let j = 2; j <= reach; j++) gaps[j]!.push(stepTime[j]! - stepTime[j - 1]!);
    }
  }

  // Users reaching step j = users whose furthest step is j or later.
  const users = new Float64Array(k + 1);
  let atLeast = 0;
  for (let j = k; j >= 1; j--) {
    atLeast += furthest[j]!;
    users[j] = atLeast;
  }
  return { users, gaps };
}

/**
 * Puts one user's events in time order (the order within a time does not
 * matter: same-time events are a group). Rows are usually nearly in order
 * (a few same-day rows swapped), so an insertion sort of the pairs comes
 * first; if it has to move too much, (time − min) and the code are packed
 * into one double and sorted natively, without a comparator.
 */
function sortByTime(w: Work, len: number, codeSpan: number): void {
  const { evT, evC, keys } = w;
  if (insertionSortPairs(evT, evC, len, 4 * len + 32)) return;
  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < len; p++) {
    const tp = evT[p]!;
    if (tp < min) min = tp;
    if (tp > max) max = tp;
  }
  if ((max - min + 1) * codeSpan > Number.MAX_SAFE_INTEGER) {
    sortPairsSlow(w, len);
    return;
  }
  for (let p = 0; p < len; p++) keys[p] = (evT[p]! - min) * codeSpan + evC[p]!;
  keys.subarray(0, len).sort();
  for (let p = 0; p < len; p++) {
    const key = keys[p]!;
    const rel = Math.floor(key / codeSpan);
    evT[p] = rel + min;
    evC[p] = key - rel * codeSpan;
  }
}

/**
 * Insertion sort of (time, code) pairs by time, giving up (false) after
 * `budget` moves; the pairs are then still a permutation of the input.
 */
function insertionSortPairs(evT: Float64Array, evC: Int32Array, len: number, budget: number): boolean {
  for (let p = 1; p < len; p++) {
    const time = evT[p]!;
    if (time >= evT[p - 1]!) continue;
    const code = evC[p]!;
    let q = p - 1;
    while (q >= 0 && evT[q]! > time) {
      evT[q + 1] = evT[q]!;
      evC[q + 1] = evC[q]!;
      q--;
      if (--budget < 0) {
        evT[q + 1] = time;
        evC[q + 1] = code;
        return false;
      }
    }
    evT[q + 1] = time;
    evC[q + 1] = code;
  }
  return true;
}

/** Fallback when the time span is too wide to pack with the codes (thousands of years × many step names). */
function sortPairsSlow(w: Work, len: number): void {
  const { evT, evC } = w;
  const idx = Array.from({ length: len }, (_, p) => p).sort((a, b) => evT[a]! - evT[b]!);
  const times = idx.map((p) => evT[p]!);
  const codes = idx.map((p) => evC[p]!);
  evT.set(times);
  evC.set(codes);
}

function buildGroups(w: Work, len: number): number {
  const { evT, gBegin, gTime } = w;
  let nG = 0;
  for (let p = 0; p < len; p++) {
    const tp = evT[p]!;
    if (p === 0 || tp !== evT[p - 1]!) {
      gBegin[nG] = p;
      gTime[nG] = tp;
      nG++;
    }
  }
  gBegin[nG] = len;
  return nG;
}

/** Adds (+1) or removes (−1) a group's events to the per-name counters. */
function countGroup(w: Work, g: number, delta: number): void {
  const { gBegin, evC, cnt } = w;
  const e = gBegin[g + 1]!;
  for (let p = gBegin[g]!; p < e; p++) cnt[evC[p]!]! += delta;
}

/** Zeroes the counters of a group's names (cheaper than clearing all d when groups are small). */
function clearGroup(w: Work, g: number): void {
  const { gBegin, evC, cnt } = w;
  const e = gBegin[g + 1]!;
  for (let p = gBegin[g]!; p < e; p++) cnt[evC[p]!] = 0;
}

// --- ordered ---------------------------------------------------------------

/**
 * Furthest step of `ordered`, forward over the time groups.
 *
 * best[j] = the latest start (step-1 time) of any chain reaching step j so
 * far. A later start dominates: every later event can extend it and it
 * stays in the window longer. Because a chain reaching j contains one
 * reaching j−1 with the same start, best[] never increases with j.
 *
 * A group at time T may fill several consecutive steps at once (its events
 * can be arranged in any order). Steps j0+1..j can come from the group when
 * their names, counted with multiplicity, are among its events; for each j
 * the smallest such j0 (a two-pointer over the steps) is the best choice,
 * since best[] is largest there (j0 = 0 means "start here", at T).
 */
function orderedReach(w: Work, nG: number, windowMs: number): number {
  const { k, d, nameOf, posStart, posList, evC, gBegin, gTime, best, bound, cnt, used } = w;
  for (let j = 1; j <= k; j++) best[j] = NONE;
  let reach = 0;
  for (let g = 0; g < nG && reach < k; g++) {
    const time = gTime[g]!;
    const b = gBegin[g]!;
    if (gBegin[g + 1]! - b === 1) {
      // One event named a: it can fill any step named a, from the chain one
      // step short. Descending, so it never fills two steps of one chain.
      const a = evC[b]!;
      for (let q = posStart[a + 1]! - 1; q >= posStart[a]!; q--) {
        const j = posList[q]!;
        const from = j === 1 ? time : best[j - 1]!;
        if (from !== NONE && time - from <= windowMs && from > best[j]!) {
          best[j] = from;
          if (j > reach) reach = j;
        }
      }
      continue;
    }
    countGroup(w, g, 1);
    // bound[j] = smallest j0 with steps j0+1..j all fillable from this group.
    let lo = 0;
    for (let j = 1; j <= k; j++) {
      const a = nameOf[j]!;
      used[a]!++;
      while (used[a]! > cnt[a]!) {
        lo++;
        used[nameOf[lo]!]!--;
      }
      bound[j] = lo;
    }
    for (let a = 0; a < d; a++) used[a] = 0;
    clearGroup(w, g);
    // Descending, so best[j0] (j0 < j) is still the value before this group.
    for (let j = k; j >= 1; j--) {
      const j0 = bound[j]!;
      if (j0 === j) continue;
      const from = j0 === 0 ? time : best[j0]!;
      if (from !== NONE && time - from <= windowMs && from > best[j]!) {
        best[j] = from;
        if (j > reach) reach = j;
      }
    }
  }
  return reach;
}

/**
 * Step times of the earliest `ordered` attempt reaching step F.
 *
 * From a given start, greedily: each step at the earliest group that still
 * has an unused event of its name. That gives the pointwise-earliest times
 * from that start, so it reaches F within the window whenever any chain
 * from that start does. Usually the user's first step-1 time is the
 * earliest start reaching F; otherwise it is found backward over the groups
 * (earliestOrderedStart).
 */
function orderedTimes(w: Work, nG: number, windowMs: number, F: number): void {
  const { evC, gBegin, nameOf } = w;
  let first = 0;
  while (first < nG && !groupHas(evC, gBegin, first, nameOf[1]!)) first++;
  if (greedyFrom(w, first, nG, windowMs, F)) return;
  const start = earliestOrderedStart(w, nG, windowMs, F);
  // F was reached, so some group starts a full chain.
  if (start < 0 || !greedyFrom(w, start, nG, windowMs, F)) throw new Error("funnel: no start found for a reached step");
}

function groupHas(evC: Int32Array, gBegin: Int32Array, g: number, code: number): boolean {
  const e = gBegin[g + 1]!;
  for (let p = gBegin[g]!; p < e; p++) if (evC[p] === code) return true;
  return false;
}

/** Greedy step times from the group `start`; true when step F is reached within the window. */
function greedyFrom(w: Work, start: number, nG: number, windowMs: number, F: number): boolean {
  const { nameOf, gTime, stepTime, cnt } = w;
  let j = 1;
  for (let g = start; j <= F && g < nG && gTime[g]! - gTime[start]! <= windowMs; g++) {
    countGroup(w, g, 1);
    while (j <= F && cnt[nameOf[j]!]! > 0) {
      cnt[nameOf[j]!]!--;
      stepTime[j++] = gTime[g]!;
    }
    clearGroup(w, g);
  }
  return j > F;
}

/**
 * The earliest group starting an `ordered` chain to step F within the
 * window, backward over the groups: suf[j] = the earliest end (step-F time)
 * of a chain for steps j..F among the later events (an earlier end
 * dominates). A group with a step-1 event starts a full chain when that end
 * is within the window; the last such group seen backward is the earliest.
 */
function earliestOrderedStart(w: Work, nG: number, windowMs: number, F: number): number {
  const { d, nameOf, posStart, posList, evC, gBegin, gTime, suf, bound, cnt, used } = w;
  for (let j = 1; j <= F; j++) suf[j] = Infinity;
  let start = -1;
  for (let g = nG - 1; g >= 0; g--) {
    const time = gTime[g]!;
    const b = gBegin[g]!;
    if (gBegin[g + 1]! - b === 1) {
      const a = evC[b]!;
      // Ascending, so suf[j+1] is still the value before this group.
      for (let q = posStart[a]!; q < posStart[a + 1]!; q++) {
        const j = posList[q]!;
        if (j > F) break;
        const end = j === F ? time : suf[j + 1]!;
        if (j === 1 && end - time <= windowMs) start = g;
        if (end < suf[j]!) suf[j] = end;
      }
      continue;
    }
    countGroup(w, g, 1);
    // bound[j] = largest m with steps j..m all fillable from this group.
    let hi = F + 1;
    for (let j = F; j >= 1; j--) {
      const a = nameOf[j]!;
      used[a]!++;
      while (used[a]! > cnt[a]!) {
        hi--;
        used[nameOf[hi]!]!--;
      }
      bound[j] = hi - 1;
    }
    for (let a = 0; a < d; a++) used[a] = 0;
    clearGroup(w, g);
    for (let j = 1; j <= F; j++) {
      const last = bound[j]!;
      if (last < j) continue;
      const end = last === F ? time : suf[last + 1]!;
      if (j === 1 && end - time <= windowMs) start = g;
      if (end < suf[j]!) suf[j] = end;
    }
  }
  return start;
}

// --- strict ----------------------------------------------------------------

/**
 * How many steps from step j on a group can fill: the longest run
 * j, j+1, … whose names, with multiplicity, are among the group's events.
 */
function prefixFit(w: Work, g: number, j: number): number {
  const { k, nameOf, evC, gBegin, cnt } = w;
  const b = gBegin[g]!;
  if (gBegin[g + 1]! - b === 1) return evC[b] === nameOf[j] ? 1 : 0;
  countGroup(w, g, 1);
  let fit = 0;
  while (j + fit <= k && cnt[nameOf[j + fit]!]! > 0) {
    cnt[nameOf[j + fit]!]!--;
    fit++;
  }
  clearGroup(w, g);
  return fit;
}

/**
 * Furthest step of `strict`. A strict chain takes some events of its first
 * time (the rest are arranged before it), then must use every event of each
 * following time (any event left over would sit inside the chain), and may
 * end with some events of its last time (the rest after it). So from each
 * start group, for each number of steps taken there, the chain is forced:
 * absorb whole groups while their events are exactly the next steps, then
 * take what fits of the first group that is not. Each absorbed group uses at
 * least one step, so an attempt visits at most k groups.
 */
function strictReach(w: Work, nG: number, windowMs: number): number {
  const { k, gBegin, gTime } = w;
  let furthest = 0;
  w.startGroup = -1;
  w.firstTaken = 0;
  for (let g = 0; g < nG && furthest < k; g++) {
    const atStart = prefixFit(w, g, 1);
    // More steps at the first time is better for the medians (earlier step
    // times), so on a tie the larger count, tried first, is kept.
    for (let taken = atStart; taken >= 1; taken--) {
      let reach = taken;
      let next = taken + 1;
      for (let h = g + 1; next <= k && h < nG && gTime[h]! - gTime[g]! <= windowMs; h++) {
        const fit = prefixFit(w, h, next);
        reach = next - 1 + fit;
        if (fit !== gBegin[h + 1]! - gBegin[h]!) break;
        next += fit;
      }
      if (reach > furthest) {
        furthest = reach;
        w.startGroup = g;
        w.firstTaken = taken;
        if (furthest === k) break;
      }
    }
  }
  return furthest;
}

/** Step times of the strict attempt strictReach kept (the earliest start reaching F). */
function strictTimes(w: Work, nG: number, F: number): void {
  const { gBegin, gTime, stepTime } = w;
  const g = w.startGroup;
  let next = 1;
  while (next <= w.firstTaken && next <= F) stepTime[next++] = gTime[g]!;
  for (let h = g + 1; next <= F && h < nG; h++) {
    const fit = prefixFit(w, h, next);
    for (let q = 0; q < fit && next <= F; q++) stepTime[next++] = gTime[h]!;
    if (fit !== gBegin[h + 1]! - gBegin[h]!) break;
  }
}

// --- any -------------------------------------------------------------------

/**
 * Furthest step of `any`: the longest prefix of steps whose names, with
 * multiplicity, all occur within one span of the window. A sliding window
 * over the time groups (starting at each group) keeps per-name counts; the
 * prefix is cut at the first step whose name has run out, i.e. for name a
 * seen c times, at the (c+1)-th step named a.
 */
function anyReach(w: Work, nG: number, windowMs: number): number {
  const { k, d, posStart, posList, gTime, cnt } = w;
  let furthest = 0;
  w.startGroup = -1;
  let right = 0;
  for (let g = 0; g < nG; g++) {
    while (right < nG && gTime[right]! - gTime[g]! <= windowMs) countGroup(w, right++, 1);
    let reach = k;
    for (let a = 0; a < d; a++) {
      const seen = cnt[a]!;
      if (posStart[a]! + seen < posStart[a + 1]!) {
        const cut = posList[posStart[a]! + seen]! - 1;
        if (cut < reach) reach = cut;
      }
    }
    if (reach > furthest) {
      furthest = reach;
      w.startGroup = g;
      if (furthest === k) break;
    }
    countGroup(w, g, -1);
  }
  for (let a = 0; a < d; a++) cnt[a] = 0;
  return furthest;
}

/**
 * Step times of the earliest `any` attempt reaching F: from the earliest
 * window start, each step gets the earliest unused event of its name (the
 * r-th step named a gets the r-th a), and step i's time is when steps 1..i
 * are all done (the running maximum).
 */
function anyTimes(w: Work, len: number, F: number): void {
  const { d, nameOf, posStart, posList, evT, evC, gBegin, stepTime, cnt, used } = w;
  for (let j = 1; j <= F; j++) cnt[nameOf[j]!]!++;
  let assigned = 0;
  for (let p = gBegin[w.startGroup]!; assigned < F && p < len; p++) {
    const a = evC[p]!;
    if (a < d && used[a]! < cnt[a]!) {
      stepTime[posList[posStart[a]! + used[a]!]!] = evT[p]!;
      used[a]!++;
      assigned++;
    }
  }
  for (let a = 0; a < d; a++) {
    cnt[a] = 0;
    used[a] = 0;
  }
  for (let j = 2; j <= F; j++) if (stepTime[j]! < stepTime[j - 1]!) stepTime[j] = stepTime[j - 1]!;
}
