/**
 * OPS.FUNNEL's event rows: reading them once from Excel's 2-D arrays,
 * grouping them by user, and putting one user's events in time order with
 * same-time events as one group (docs/functions/funnel.md, "Rows").
 *
 * Ids are interned once into integer codes and events mapped once to
 * step-name codes, straight from the 2-D arrays (no copies). Then ONE sort:
 * a counting sort of rows by user, then per user a native numeric sort of
 * packed (time, event) keys, skipped when the user's rows are already in
 * time order (the usual case for exported logs).
 */
import { Matrix, column, isBlankKey, isOmitted, keyText, rowLabel, sameLength } from "../../args";
import { MAX_SERIAL_EXCLUSIVE, MS_PER_DAY, toSerialMs } from "../../dates";
import { fail } from "../../errors";
import { BLANK_CODE, KeyInterner } from "../../intern";
import { Lease } from "../../pool";
import { StepPlan } from "./steps";
import { keepShapes } from "./keep";

/** The usable event rows, in row order, one entry per row in typed arrays. */
export interface EventRows {
  readonly count: number;
  readonly user: Int32Array;
  /** Integer milliseconds (toSerialMs), or the row index without times. */
  readonly time: Float64Array;
  /** Step-name code; plan.nameCount for an event that is not a step. */
  readonly code: Int32Array;
  readonly userCount: number;
  readonly hasTimes: boolean;
  /**
   * With `segments`: for each step-1 row (the rows that can decide a user's
   * segment), 1 + the code of its segment in `segments`, 0 for a blank
   * segment; the entries of other rows are not set. Read in the row loop,
   * in range order: reading each user's deciding cell afterwards jumps
   * around the range (three dependent cache misses a user, 20 ms of a
   * 1M-row call).
   */
  readonly segmentKey: Int32Array | null;
  readonly segments: KeyInterner | null;
}

/**
 * A column argument as an n×1 matrix, so the row loop reads m[i][0] without
 * first copying a million cells (a row or a single cell is rare and small
 * enough to reshape). A block is #VALUE! (column() says so).
 */
export function asColumnMatrix(arg: unknown, argName: string): Matrix {
  if (Array.isArray(arg) && arg.length > 1 && Array.isArray(arg[0]) && (arg[0] as unknown[]).length === 1) {
    return arg as Matrix;
  }
  return column(arg, argName).map((cell) => [cell]);
}

/** How many distinct event cells EventCoder compares by identity before its Map. */
const RECENT_CELLS = 16;
/** A value no cell is (`===`): cells are primitives. */
const NO_CELL: unknown = {};

/**
 * Maps event cells to step-name codes, caching by the raw cell so each
 * distinct cell is trimmed and looked up once. An event column holds a
 * handful of distinct names, and JSON-parsed equal strings are one object:
 * the first few distinct cells are kept in a short list compared by `===`
 * (a pointer comparison for such strings), ahead of the Map (one hash probe
 * per row was a sixth of a call on 1M rows).
 */
class EventCoder {
  private readonly byCell = new Map<unknown, number>();
  /**
   * Fixed-size from the start, so that every call's coder has the same
   * element kinds (an empty array literal that later takes strings changes
   * kind, and the optimized row loop, tuned to the last call's arrays, was
   * thrown away at each call's first row).
   */
  private readonly recentCells: unknown[] = new Array<unknown>(RECENT_CELLS).fill(NO_CELL);
  private readonly recentCodes = new Int32Array(RECENT_CELLS);
  private recentCount = 0;

  constructor(
    private readonly codeOfName: ReadonlyMap<string, number>,
    /** The code of events that are not steps. */
    readonly other: number,
  ) {}

  code(cell: unknown): number {
    const cells = this.recentCells;
    const count = this.recentCount;
    for (let i = 0; i < count; i++) if (cells[i] === cell) return this.recentCodes[i]!;
    return this.codeOfNew(cell);
  }

  private codeOfNew(cell: unknown): number {
    let code = this.byCell.get(cell);
    if (code === undefined) {
      code = isBlankKey(cell) ? BLANK_CODE : (this.codeOfName.get(keyText(cell)) ?? this.other);
      this.byCell.set(cell, code);
    }
    // NaN is never === itself: it stays in the Map.
    if (this.recentCount < RECENT_CELLS && cell === cell) {
      this.recentCells[this.recentCount] = cell;
      this.recentCodes[this.recentCount++] = code;
    }
    return code;
  }
}

/**
 * User ids to integer codes (KeyInterner: 7 and "7" are one user), with a
 * shortcut for a run of rows of one user (logs exported by user).
 */
class IdCoder {
  private readonly interner: KeyInterner;
  private lastCell: unknown = undefined;
  private lastCode = BLANK_CODE;

  /**
   * `cells`: how many ids will be coded at most (sizes the interner's dense
   * range of whole numbers); `lease`: where the interner's tables come from.
   */
  constructor(cells: number, lease: Lease) {
    this.interner = new KeyInterner(cells, lease, { keepNames: false });
  }

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

/**
 * Reads values (ids), events and times once. Rows with a blank id, event or
 * time are skipped; any other row's time must be a date (#VALUE! naming the
 * row), even when its event is not a step. Events that are not steps are
 * kept only when `keepOther` (the `strict` order needs them).
 */
export function readEventRows(
  plan: StepPlan,
  values: unknown,
  events: unknown,
  times: unknown,
  segments: unknown,
  keepOther: boolean,
  lease: Lease,
): EventRows {
  const ids = asColumnMatrix(values, "values");
  const evs = asColumnMatrix(events, "events");
  sameLength(ids, "values", evs, "events");
  const hasTimes = !isOmitted(times as Matrix | null | undefined);
  const tms = hasTimes ? asColumnMatrix(times, "times") : null;
  if (tms) sameLength(ids, "values", tms, "times");
  const segs = isOmitted(segments as Matrix | null | undefined) ? null : asColumnMatrix(segments, "segments");
  if (segs) sameLength(ids, "values", segs, "segments");

  const n = ids.length;
  // Reused from call to call (pool.ts), not cleared: codeRows writes entries 0..count−1, all that is read.
  const user = lease.int32Raw(n);
  const time = lease.float64Raw(n);
  const code = lease.int32Raw(n);
  const segmentKey = segs ? lease.int32Raw(n) : null;
  const segmentCodes = segs ? new KeyInterner() : null;
  const eventCoder = new EventCoder(plan.codeOfName, plan.nameCount);
  const stepOne = plan.nameOfStep[1]!;
  const idCoder = new IdCoder(n, lease);
  const count = codeRows(ids, evs, tms, segs, eventCoder, idCoder, segmentCodes, stepOne, keepOther, user, time, code, segmentKey);
  return eventRows(count, user, time, code, idCoder.size, hasTimes, segmentKey, segmentCodes);
}

/** The EventRows object, built at one site (its layout is kept: keep.ts). */
function eventRows(
  count: number,
  user: Int32Array,
  time: Float64Array,
  code: Int32Array,
  userCount: number,
  hasTimes: boolean,
  segmentKey: Int32Array | null,
  segments: KeyInterner | null,
): EventRows {
  return { count, user, time, code, userCount, hasTimes, segmentKey, segments };
}

/**
 * The row loop of readEventRows, on its own so that it stays optimized
 * from one call to the next: a deoptimization anywhere in a function sends
 * its next call back to the interpreter, and a loop of a million rows that
 * starts interpreted runs a good part of its rows there (boxing every time
 * into a heap number) before on-stack replacement takes over. Returns the
 * number of usable rows.
 */
function codeRows(
  ids: Matrix,
  evs: Matrix,
  tms: Matrix | null,
  segs: Matrix | null,
  eventCoder: EventCoder,
  idCoder: IdCoder,
  segments: KeyInterner | null,
  stepOne: number,
  keepOther: boolean,
  user: Int32Array,
  time: Float64Array,
  code: Int32Array,
  segmentKey: Int32Array | null,
): number {
  const other = eventCoder.other;
  const n = ids.length;
  let count = 0;
  // Segment cells often repeat the previous step-1 row's (logs by user): skip the lookup then.
  let lastSegment: unknown = NO_CELL;
  let lastSegmentKey = 0;
  for (let i = 0; i < n; i++) {
    // Every row's segment cell is read, though only step-1 rows use it: in
    // sequence the reads cost a third of reading only the step-1 rows' cells,
    // which are scattered (measured: 7 vs 23 ms on 1M rows, 106k of step 1).
    const segmentCell = segs ? segs[i]![0] : null;
    const event = eventCoder.code(evs[i]![0]);
    if (event === BLANK_CODE) continue;
    let ms = i;
    if (tms) {
      const cell = tms[i]![0];
      // The usual case first, as its own branch that reads the cell only as a
      // double: written as one typeof branch (as below), the optimized loop kept
      // the cell as a tagged value and boxed every time into a heap number
      // (16 MB of garbage per million rows; measured, a pattern found by trial).
      if (typeof cell === "number" && cell >= 1 && cell < MAX_SERIAL_EXCLUSIVE) {
        ms = Math.round(cell * MS_PER_DAY);
      } else {
        if (typeof cell === "number") {
          if (cell === 0) continue; // an empty cell from Excel for Windows
          ms = NaN;
        } else {
          if (isBlankKey(cell)) continue;
          ms = toSerialMs(cell);
        }
        // Not a date: #VALUE! unless the id is blank (the cells are read again
        // there: `cell` used after these branches would be boxed too).
        if (ms !== ms) badTime(ids, tms, i);
      }
    }
    // Non-step events only matter to `strict`; the other orders drop them
    // here, after the time check, before they cost an id lookup or a sort slot.
    if (event === other && !keepOther) continue;
    const u = idCoder.code(ids[i]![0]);
    if (u === BLANK_CODE || ms !== ms) continue;
    user[count] = u;
    time[count] = ms;
    code[count] = event;
    if (segmentKey && segs && segments && event === stepOne) {
      const cell = segmentCell;
      if (cell !== lastSegment) {
        lastSegment = cell;
        // A segment 0 is a value, not a blank (as in OPS.RETENTION).
        lastSegmentKey = segments.code(cell, false) + 1;
      }
      segmentKey[count] = lastSegmentKey;
    }
    count++;
  }
  return count;
}


/** Row i's time is not a date: #VALUE! naming the row, unless its id is blank (the row is then skipped). */
function badTime(ids: Matrix, tms: Matrix, i: number): void {
  if (isBlankKey(ids[i]![0])) return;
  fail("#VALUE!", "badDate", { arg: "times", row: rowLabel(i), value: String(tms[i]![0]) });
}

/**
 * The rows grouped by user: a stable counting sort, so without times each
 * user's rows stay in row order, which is then their time order.
 */
export class RowsByUser {
  /**
   * The rows' times and codes grouped by user: user u's are entries
   * userStart[u] .. userStart[u+1]), in row order. Scattered here rather
   * than gathered through a row index when each user is loaded: a scattered
   * write does not hold up the loop the way a scattered read does.
   */
  readonly userStart: Int32Array;
  readonly time: Float64Array;
  readonly code: Int32Array;
  /** The most rows any one user has. */
  readonly longest: number;

  constructor(readonly rows: EventRows, lease: Lease) {
    const { count, user, userCount } = rows;
    const userStart = lease.int32(userCount + 1);
    for (let r = 0; r < count; r++) userStart[user[r]! + 1]!++;
    let longest = 0;
    for (let u = 0; u < userCount; u++) {
      const len = userStart[u + 1]!;
      if (len > longest) longest = len;
      userStart[u + 1] = userStart[u]! + len;
    }
    const fillAt = userStart.slice(0, userCount);
    // Every entry is written below: not cleared (pool.ts).
    const groupedTime = lease.float64Raw(count);
    const groupedCode = lease.int32Raw(count);
    const { time, code } = rows;
    for (let r = 0; r < count; r++) {
      const p = fillAt[user[r]!]!++;
      groupedTime[p] = time[r]!;
      groupedCode[p] = code[r]!;
    }
    this.userStart = userStart;
    this.time = groupedTime;
    this.code = groupedCode;
    this.longest = longest;
  }
}

/**
 * One user's events in time order, as time groups: events
 * groupStart[g] .. groupStart[g+1]) share the time groupTime[g]. Events at
 * the same time have no order among themselves. One instance is reused for
 * every user of a call.
 */
export class UserEvents {
  /** Event times (ms) and step-name codes (nameCount = not a step), in time order. */
  readonly time: Float64Array;
  readonly code: Int32Array;
  length = 0;
  readonly groupStart: Int32Array;
  readonly groupTime: Float64Array;
  groupCount = 0;
  /** Packed sort keys. */
  private readonly keys: Float64Array;
  /** Codes 0..nameCount packed below the time: a power of two keeps unpacking exact. */
  private readonly codeSpan: number;

  constructor(capacity: number, nameCount: number) {
    this.time = new Float64Array(capacity);
    this.code = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.groupStart = new Int32Array(capacity + 1);
    this.groupTime = new Float64Array(capacity);
    this.codeSpan = 2 ** Math.ceil(Math.log2(nameCount + 1));
  }

  /** Loads user u's events from the grouped rows, sorts them by time and builds the groups. */
  load(byUser: RowsByUser, u: number): void {
    const { userStart } = byUser;
    const rowTime = byUser.time;
    const rowCode = byUser.code;
    const { time, code } = this;
    const s = userStart[u]!;
    const len = userStart[u + 1]! - s;
    // Gather the user's events, noting whether they are already in time order.
    let sorted = true;
    let previous = -Infinity;
    for (let p = 0; p < len; p++) {
      const tp = rowTime[s + p]!;
      if (tp < previous) sorted = false;
      previous = tp;
      time[p] = tp;
      code[p] = rowCode[s + p]!;
    }
    this.length = len;
    if (!sorted) this.sortByTime();
    this.buildGroups();
  }

  /** Whether group g has an event named `name`. */
  groupHas(g: number, name: number): boolean {
    const e = this.groupStart[g + 1]!;
    for (let p = this.groupStart[g]!; p < e; p++) if (this.code[p] === name) return true;
    return false;
  }

  /** Number of events in group g. */
  groupSize(g: number): number {
    return this.groupStart[g + 1]! - this.groupStart[g]!;
  }

  /** Adds (+1) or removes (−1) group g's events to per-name counters. */
  tally(g: number, counts: Int32Array, delta: number): void {
    const { groupStart, code } = this;
    const e = groupStart[g + 1]!;
    for (let p = groupStart[g]!; p < e; p++) counts[code[p]!]! += delta;
  }

  /** Zeroes the counters of group g's names (cheaper than clearing all of them when groups are small). */
  untally(g: number, counts: Int32Array): void {
    const { groupStart, code } = this;
    const e = groupStart[g + 1]!;
    for (let p = groupStart[g]!; p < e; p++) counts[code[p]!] = 0;
  }

  /**
   * Puts the events in time order (the order within a time does not
   * matter: same-time events are a group). Rows are usually nearly in order
   * (a few same-day rows swapped), so an insertion sort of the pairs comes
   * first; if it has to move too much, (time − min) and the code are packed
   * into one double and sorted natively, without a comparator.
   */
  private sortByTime(): void {
    const { time, code, keys, codeSpan, length: len } = this;
    if (insertionSortPairs(time, code, len, 4 * len + 32)) return;
    let min = Infinity;
    let max = -Infinity;
    for (let p = 0; p < len; p++) {
      const tp = time[p]!;
      if (tp < min) min = tp;
      if (tp > max) max = tp;
    }
    if ((max - min + 1) * codeSpan > Number.MAX_SAFE_INTEGER) {
      this.sortPairsSlow();
      return;
    }
    for (let p = 0; p < len; p++) keys[p] = (time[p]! - min) * codeSpan + code[p]!;
    keys.subarray(0, len).sort();
    for (let p = 0; p < len; p++) {
      const key = keys[p]!;
      const rel = Math.floor(key / codeSpan);
      time[p] = rel + min;
      code[p] = key - rel * codeSpan;
    }
  }

  /** Fallback when the time span is too wide to pack with the codes (thousands of years × many step names). */
  private sortPairsSlow(): void {
    const { time, code, length: len } = this;
    const idx = Array.from({ length: len }, (_, p) => p).sort((a, b) => time[a]! - time[b]!);
    const times = idx.map((p) => time[p]!);
    const codes = idx.map((p) => code[p]!);
    time.set(times);
    code.set(codes);
  }

  private buildGroups(): void {
    const { time, groupStart, groupTime, length: len } = this;
    let nG = 0;
    for (let p = 0; p < len; p++) {
      const tp = time[p]!;
      if (p === 0 || tp !== time[p - 1]!) {
        groupStart[nG] = p;
        groupTime[nG] = tp;
        nG++;
      }
    }
    groupStart[nG] = len;
    this.groupCount = nG;
  }
}

/**
 * Insertion sort of (time, code) pairs by time, giving up (false) after
 * `budget` moves; the pairs are then still a permutation of the input.
 */
function insertionSortPairs(time: Float64Array, code: Int32Array, len: number, budget: number): boolean {
  for (let p = 1; p < len; p++) {
    const tp = time[p]!;
    if (tp >= time[p - 1]!) continue;
    const cp = code[p]!;
    let q = p - 1;
    while (q >= 0 && time[q]! > tp) {
      time[q + 1] = time[q]!;
      code[q + 1] = code[q]!;
      q--;
      if (--budget < 0) {
        time[q + 1] = tp;
        code[q + 1] = cp;
        return false;
      }
    }
    time[q + 1] = tp;
    code[q + 1] = cp;
  }
  return true;
}

// Their layouts kept (keep.ts): built after the classes, which are not hoisted.
{
  const rows = eventRows(0, new Int32Array(0), new Float64Array(0), new Int32Array(0), 0, false, null, null);
  keepShapes(new IdCoder(0, Lease.unpooled()), new EventCoder(new Map(), 0), rows, new RowsByUser(rows, Lease.unpooled()), new UserEvents(1, 1));
}
