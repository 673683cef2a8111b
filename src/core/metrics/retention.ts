/**
 * OPS.RETENTION: cohort retention. The contract, every rule and error:
 * docs/functions/retention.md.
 *
 * A user's cohort is the period (day, week starting Monday, calendar month)
 * of their first activity. Column k holds the share of a cohort's users who
 * were active in period cohort + k (`classic`) or in that period or any later
 * one (`unbounded`). A column whose period is later than the period of the
 * latest date in the data has not elapsed yet: it is "" (never 0), and the
 * All row (or a segment row) weighs only the cohorts where it has elapsed.
 *
 * With a start list (`start_ids`, `start_dates`, e.g. sign-ups) only the
 * listed users count: a user's cohort is the period of their earliest start
 * date, retention is measured on the activity rows, and activity of users
 * outside the list is ignored (its dates still checked and still part of
 * the latest date).
 *
 * Speed: every row is read once, in place, into typed arrays (user code,
 * day); everything after that works on integers in a few linear passes. No
 * per-row objects or closures.
 *
 * Two facts keep the counting simple:
 * - A user retained at offset k always has a row in period cohort + k (or
 *   later), so k has elapsed for that user's cohort: retained counts need no
 *   elapsed filter. Only the denominators do.
 * - "k has elapsed for user u" is age(u) = latest period - cohort(u) >= k, and
 *   "u is retained at k" in unbounded mode is reach(u) = last - first >= k.
 *   Both are "a per-user number >= k", so one histogram per group over the
 *   rank of that number among the requested k, then a suffix sum, gives every
 *   column at once (O(users + groups x columns), whatever the columns).
 */
import { Grid, OpsError, fail, guard } from "../errors";
import { t } from "../i18n";
import { Matrix, asMatrix, cells, isBlank, isBlankKey, isOmitted, optionWord, rowLabel } from "../args";
import { MAX_SERIAL_EXCLUSIVE, MS_PER_DAY, monthIndexOfSerial, serialOfMonthIndex, toSerialMs, wholeDayOfSerial } from "../dates";
import { BLANK_CODE, KeyInterner, UNKNOWN_CODE, idPrefixOf, prefixedKey, rangeToCover } from "../intern";
import { Lease, withLease } from "../pool";

export type Period = "day" | "week" | "month";
export type Mode = "classic" | "unbounded";

export const PERIOD_WORDS: readonly Period[] = ["day", "week", "month"];
export const MODE_WORDS: readonly Mode[] = ["classic", "unbounded"];
/** Columns 1..N when `periods` is omitted. */
export const DEFAULT_PERIOD_COUNT: Readonly<Record<Period, number>> = { day: 7, week: 8, month: 6 };
/** Excel's last column is 16,384; two go to the label and the user count. */
export const MAX_PERIOD = 16_382;

/**
 * Above this many bits (users x requested offsets) the classic dedupe groups
 * rows by user instead of using a bitset. Mutable only so tests can force
 * the fallback path.
 */
export const tuning = { bitsetLimitBits: 1 << 26 };

// ---------------------------------------------------------------------------
// Periods as integers
// ---------------------------------------------------------------------------

/**
 * Bucket number of a whole-day serial: consecutive periods have consecutive
 * numbers, so "period k after the cohort" is bucket + k.
 * day: the serial; week: weeks counted so that each starts on a Monday;
 * month: year * 12 + month - 1.
 */
export function bucketOf(period: Period, serialDay: number): number {
  if (period === "day") return serialDay;
  if (period === "week") return Math.floor((serialDay + 5) / 7);
  return monthIndexOfSerial(serialDay);
}

/** Serial of the first day of a bucket (the day; its Monday; the 1st of the month). */
export function bucketStart(period: Period, bucket: number): number {
  if (period === "day") return bucket;
  if (period === "week") return bucket * 7 - 5;
  return serialOfMonthIndex(bucket);
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

/**
 * The requested offsets, in column order. One cell always means N (columns
 * 1..N, blank → the period's default); several cells are a list (blank cells
 * in it are ignored).
 */
export function readPeriods(arg: unknown, period: Period): number[] {
  const all = cells(arg);
  if (all.length <= 1) {
    const only = all[0];
    const n = all.length === 0 || isBlank(only) ? DEFAULT_PERIOD_COUNT[period] : checkedPeriod(only);
    return Array.from({ length: n }, (_, i) => i + 1);
  }
  const list: number[] = [];
  for (const value of all) if (!isBlank(value)) list.push(checkedPeriod(value));
  if (list.length === 0) fail("#VALUE!", "periodsEmpty");
  return list;
}

function checkedPeriod(value: unknown): number {
  if (typeof value !== "number") fail("#VALUE!", "notNumber", { arg: "periods", got: String(value) });
  if (!(value >= 1 && value <= MAX_PERIOD && Number.isInteger(value))) {
    fail("#NUM!", "notWholeInRange", { arg: "periods", min: 1, max: MAX_PERIOD, got: value });
  }
  return value;
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

/** The usable rows, one entry per row in typed arrays. */
interface Activity {
  rows: number;
  user: Int32Array;
  /** Whole-day serial (after rounding the time to the millisecond). */
  day: Int32Array;
  /** Integer milliseconds since serial 0; kept only with segments (earliest row by time). */
  ms: Float64Array | null;
  /** Segment key per row: 0 = blank, else segment code + 1; null without segments. */
  segment: Int32Array | null;
  userCount: number;
  /** Segment code → text, codes in order of first appearance among usable rows. */
  segmentNames: readonly string[];
  /** With a start list: the latest day of the rows of users outside it (read, checked, not kept); else 0. */
  outsidersLatestDay: number;
}

/**
 * A column argument read in place. `column()` from args copies the cells into
 * a new array (boxing every date), tens of milliseconds and garbage at a
 * million rows; here cell i is read straight from Excel's matrix.
 */
interface ColumnArg {
  matrix: Matrix;
  length: number;
  /** One row: cell i is matrix[0][i]; else cell i is matrix[i][0]. */
  byRow: boolean;
}

/** Same shape rule as `column()`: one column or one row; a block → #VALUE!. */
function columnArg(arg: unknown, argName: string): ColumnArg {
  const matrix = asMatrix(arg);
  const rows = matrix.length;
  const cols = rows > 0 ? matrix[0]!.length : 0;
  if (rows > 1 && cols > 1) fail("#VALUE!", "notColumn", { arg: argName, rows, cols });
  const byRow = rows <= 1;
  return { matrix, length: byRow ? cols : rows, byRow };
}

function cellOf(c: ColumnArg, i: number): unknown {
  return c.byRow ? c.matrix[0]![i] : c.matrix[i]![0];
}

/**
 * The row loops read each column at a load site of its own (`matrix[i][0]`
 * written out per column), not through cellOf: one shared site sees the ids'
 * arrays and the dates' arrays of doubles, turns polymorphic, and then boxes
 * every date into a new heap number (16 MB of garbage per million rows, and
 * the scavenges it costs). `rowOf` gives the one-row form's cells.
 */
function rowOf(c: ColumnArg): readonly unknown[] | null {
  return c.byRow ? (c.matrix[0] ?? []) : null;
}

function checkSameLength(a: ColumnArg, aName: string, b: ColumnArg, bName: string): void {
  if (a.length !== b.length) fail("#VALUE!", "rowsMismatch", { a: aName, b: bName, na: a.length, nb: b.length });
}

/**
 * Reads ids, dates (and segments) once: skips blank rows, interns ids, parses
 * dates. `listedOnly` (a start list is in `users`): only listed users' rows
 * are kept; another user's row is looked up, not added (a sign-up list of one
 * month against a year of activity would otherwise intern every user of the
 * year), and its date is still checked and counts for the latest day.
 */
function readActivity(
  ids: ColumnArg, dates: ColumnArg, segments: ColumnArg | null, users: KeyInterner, lease: Lease, listedOnly = false,
): Activity {
  const n = ids.length;
  const user = lease.int32(n);
  const day = lease.int32(n);
  const ms = segments ? lease.float64(n) : null;
  const segment = segments ? lease.int32(n) : null;
  const segs = new KeyInterner(0, lease);
  // Event logs often repeat the previous row's id or segment: skip the hash lookup then.
  let lastId: unknown = undefined;
  let lastUser = BLANK_CODE;
  let lastSeg: unknown = undefined;
  let lastSegKey = 0;
  let rows = 0;
  let outsidersLatestDay = 0;
  const dateMatrix = dates.matrix;
  const dateRow = rowOf(dates);
  const idMatrix = ids.matrix;
  const idRow = rowOf(ids);
  const segmentMatrix = segments ? segments.matrix : null;
  const segmentRow = segments ? rowOf(segments) : null;
  for (let i = 0; i < n; i++) {
    const date = dateRow !== null ? dateRow[i] : dateMatrix[i]![0];
    // Test the date for blank before interning, so a dateless row adds no user.
    const isNumber = typeof date === "number";
    if (isNumber ? date === 0 : isBlank(date)) continue;
    const id = idRow !== null ? idRow[i] : idMatrix[i]![0];
    if (id !== lastId) {
      lastId = id;
      lastUser = listedOnly ? users.lookup(id) : users.code(id);
    }
    if (lastUser < 0) {
      if (lastUser === UNKNOWN_CODE) outsidersLatestDay = Math.max(outsidersLatestDay, dayOfCell(date, "dates", i));
      continue;
    }
    user[rows] = lastUser;
    // The common case, a serial in range without segments, needs only its day.
    if (isNumber && ms === null && date >= 1 && date < MAX_SERIAL_EXCLUSIVE) {
      day[rows++] = wholeDayOfSerial(date);
      continue;
    }
    const time = msOfCell(date, "dates", i);
    day[rows] = Math.floor(time / MS_PER_DAY);
    if (ms && segment && segments) {
      ms[rows] = time;
      const value = segmentRow !== null ? segmentRow[i] : segmentMatrix![i]![0];
      if (value !== lastSeg) {
        lastSeg = value;
        // Segment 0 is a value, not a blank: the contract names only id/event/date/time columns.
        lastSegKey = segs.code(value, false) + 1;
      }
      segment[rows] = lastSegKey;
    }
    rows++;
  }
  return { rows, user, day, ms, segment, userCount: users.size, segmentNames: segs.names, outsidersLatestDay };
}

/** Whole day of a non-blank date cell; a non-date → #VALUE! naming the row (the row loops' slow path). */
function dayOfCell(date: unknown, argName: string, i: number): number {
  if (typeof date === "number" && date >= 1 && date < MAX_SERIAL_EXCLUSIVE) return wholeDayOfSerial(date);
  return Math.floor(msOfCell(date, argName, i) / MS_PER_DAY);
}

/** Integer milliseconds since serial 0 of a non-blank date cell; a non-date → #VALUE! naming the row. */
function msOfCell(date: unknown, argName: string, i: number): number {
  const time = toSerialMs(date);
  if (Number.isNaN(time)) fail("#VALUE!", "badDate", { arg: argName, row: rowLabel(i), value: String(date) });
  return time;
}

/** Unbounded mode's whole need from the rows: each user's first and last active day. */
interface DaySpans {
  /** Usable rows read (blank id or date skipped). */
  rows: number;
  /** Users interned (with a start list: its users only, outsiders are looked up, not added). */
  userCount: number;
  /** Per user code: the first and last active day; 2^31 − 1 and −2^31 for a user without activity. */
  first: Int32Array;
  last: Int32Array;
  /** The latest day of any usable row (0 without rows). */
  latestDay: number;
}

/**
 * Unbounded mode without activity segments: the same rows, checks and errors
 * as readActivity, but each row goes straight into its user's first and last
 * day, so no per-row arrays are written and read back (one pass, not three).
 */
function readDaySpans(ids: ColumnArg, dates: ColumnArg, users: KeyInterner, lease: Lease, listedOnly = false): DaySpans {
  const n = ids.length;
  let capacity = Math.max(1024, users.size);
  let first: Int32Array = lease.int32(capacity, 0x7fffffff);
  let last: Int32Array = lease.int32(capacity, -0x80000000);
  let lastId: unknown = undefined;
  let lastUser = BLANK_CODE;
  let latestDay = 0;
  let rows = 0;
  const dateMatrix = dates.matrix;
  const dateRow = rowOf(dates);
  const idMatrix = ids.matrix;
  const idRow = rowOf(ids);
  for (let i = 0; i < n; i++) {
    const date = dateRow !== null ? dateRow[i] : dateMatrix[i]![0];
    const isNumber = typeof date === "number";
    if (isNumber ? date === 0 : isBlank(date)) continue;
    const id = idRow !== null ? idRow[i] : idMatrix[i]![0];
    if (id !== lastId) {
      lastId = id;
      lastUser = listedOnly ? users.lookup(id) : users.code(id);
      if (lastUser >= capacity) {
        capacity = Math.max(2 * capacity, lastUser + 1);
        first = grown(lease, first, capacity, 0x7fffffff);
        last = grown(lease, last, capacity, -0x80000000);
      }
    }
    if (lastUser < 0) {
      // A user outside the start list: not counted, but the date is checked and counts for the latest day.
      if (lastUser === UNKNOWN_CODE) latestDay = Math.max(latestDay, dayOfCell(date, "dates", i));
      continue;
    }
    const day = isNumber && date >= 1 && date < MAX_SERIAL_EXCLUSIVE ? wholeDayOfSerial(date) : dayOfCell(date, "dates", i);
    if (day < first[lastUser]!) first[lastUser] = day;
    if (day > last[lastUser]!) last[lastUser] = day;
    if (day > latestDay) latestDay = day;
    rows++;
  }
  return { rows, userCount: users.size, first, last, latestDay };
}

/** The widest range of id keys readDaySpansByIdOffset indexes directly: slots per cell, and at most. */
const ID_OFFSET_SLOTS_PER_CELL = 2;
const ID_OFFSET_MAX_SLOTS = 1 << 22;

/**
 * readDaySpans for ids that are all whole numbers, or all texts of one
 * prefix and 1 to 9 digits ("u0000123", "CUST-000123"; their key is
 * intern.ts's prefixedKey), in a range of keys at most twice the row count:
 * each row goes to its key's offset in the range, with no interning, and the
 * users are then numbered in key order. A database export gives ids of
 * either kind; in random order the interner's table and then the user's
 * first and last day were two dependent random loads per row, and this is
 * one. The first non-blank id chooses the kind.
 *
 * The range grows as ids come (by doubling, as the interner's dense range
 * does), so ids that do not fit are found out as they come: at the first
 * id of the other kind or shape (another prefix, an untrimmed text, a
 * fraction) or too far out it gives up (null) and readDaySpans reads the
 * rows again. The same rows, checks and errors as readDaySpans (a blank id
 * skips its row unchecked; the first non-date among the other rows is
 * #VALUE!), so giving up after a #VALUE! row cannot happen.
 */
function readDaySpansByIdOffset(ids: ColumnArg, dates: ColumnArg, lease: Lease): DaySpans | null {
  const n = ids.length;
  const kind = idKind(ids);
  if (kind === null) return null;
  const prefix = kind.prefix;
  const range = new IdRange(Math.min(ID_OFFSET_MAX_SLOTS, Math.max(4096, ID_OFFSET_SLOTS_PER_CELL * n)), lease);
  let lastId: unknown = undefined;
  let lastKey = 0;
  let latestDay = 0;
  let rows = 0;
  const dateMatrix = dates.matrix;
  const dateRow = rowOf(dates);
  const idMatrix = ids.matrix;
  const idRow = rowOf(ids);
  for (let i = 0; i < n; i++) {
    const date = dateRow !== null ? dateRow[i] : dateMatrix[i]![0];
    const isNumber = typeof date === "number";
    if (isNumber ? date === 0 : isBlank(date)) continue;
    const id = idRow !== null ? idRow[i] : idMatrix[i]![0];
    let key: number;
    if (prefix === null) {
      if (typeof id !== "number") {
        if (isBlank(id)) continue;
        return null;
      }
      if (id === 0) continue;
      key = id;
    } else if (id === lastId) {
      // Rows grouped by user repeat the previous id (one shared string object up to 10 characters): its key is known.
      key = lastKey;
    } else {
      key = typeof id === "string" ? prefixedKey(id, prefix) : -1;
      if (key < 0) {
        if (isBlankKey(id)) continue;
        return null;
      }
      lastId = id;
      lastKey = key;
    }
    let offset = key - range.base;
    // A fraction or a key outside the range fails one of the tests (offset | 0 is exact only for integers).
    if (!(offset >= 0 && offset < range.slots && (offset | 0) === offset)) {
      if (!range.cover(key)) return null;
      offset = key - range.base;
    }
    const day = isNumber && date >= 1 && date < MAX_SERIAL_EXCLUSIVE ? wholeDayOfSerial(date) : dayOfCell(date, "dates", i);
    const first = range.first;
    const last = range.last;
    if (day < first[offset]!) first[offset] = day;
    if (day > last[offset]!) last[offset] = day;
    if (day > latestDay) latestDay = day;
    rows++;
  }
  const { userCount, first, last } = range.users(lease);
  return { rows, userCount, first, last, latestDay };
}

/**
 * The kind of the first non-blank id: a number ({ prefix: null }), a text of
 * a prefix and digits ({ prefix }), or null (any other text: readDaySpans).
 * Equal keys are equal texts, and so equal trimmed texts: every text taken
 * starts with the same prefix (spaces and all) and ends in a digit.
 */
function idKind(ids: ColumnArg): { prefix: string | null } | null {
  for (let i = 0; i < ids.length; i++) {
    const id = cellOf(ids, i);
    if (isBlankKey(id)) continue;
    if (typeof id === "number") return { prefix: null };
    if (typeof id !== "string") return null;
    const prefix = idPrefixOf(id);
    return prefix === null ? null : { prefix };
  }
  return { prefix: null };
}

/** readDaySpansByIdOffset's first and last day per whole-number id, over a range that grows. */
class IdRange {
  base = 0;
  slots = 0;
  first: Int32Array;
  last: Int32Array;

  constructor(private readonly limit: number, private readonly lease: Lease) {
    this.first = lease.int32(0);
    this.last = lease.int32(0);
  }

  /** Makes the range hold `id`; false when it is not a 32-bit whole number or the range would pass the limit. */
  cover(id: number): boolean {
    if ((id | 0) !== id) return false;
    const range = rangeToCover(this.base, this.slots, id, this.limit);
    if (range === null) return false;
    const shift = this.base - range.base;
    this.first = grown(this.lease, this.first, range.length, 0x7fffffff, shift);
    this.last = grown(this.lease, this.last, range.length, -0x80000000, shift);
    this.base = range.base;
    this.slots = range.length;
    return true;
  }

  /** The ids met, numbered in id order: how many, and each one's first and last day. */
  users(lease: Lease): { userCount: number; first: Int32Array; last: Int32Array } {
    const { slots } = this;
    let userCount = 0;
    for (let o = 0; o < slots; o++) if (this.last[o]! !== -0x80000000) userCount++;
    const first = lease.int32(userCount);
    const last = lease.int32(userCount);
    let u = 0;
    for (let o = 0; o < slots; o++) {
      if (this.last[o]! === -0x80000000) continue;
      first[u] = this.first[o]!;
      last[u++] = this.last[o]!;
    }
    return { userCount, first, last };
  }
}

/** `a` moved into a longer leased array filled with `fillWith`, at `shift` entries from its start; `a` goes back to the lease. */
function grown(lease: Lease, a: Int32Array, length: number, fillWith: number, shift = 0): Int32Array {
  const out = lease.int32(length, fillWith);
  if (a.length > 0) out.set(a, shift); // an empty `a` may have no place in `out` (a range's first id)
  lease.release(a);
  return out;
}

/**
 * The bucket of every row, plus the latest one: of the rows' days and
 * `latestDay` (a start list's latest day, or an outsider's activity).
 */
function bucketRows(act: Activity, period: Period, latestDay: number, lease: Lease): { bucket: Int32Array; maxBucket: number } {
  const { rows, day } = act;
  let minDay = 0x7fffffff;
  let maxDay = latestDay;
  for (let r = 0; r < rows; r++) {
    if (day[r]! < minDay) minDay = day[r]!;
    if (day[r]! > maxDay) maxDay = day[r]!;
  }
  const bucket = period === "day" ? day : lease.int32(rows);
  if (period === "week") {
    for (let r = 0; r < rows; r++) bucket[r] = Math.floor((day[r]! + 5) / 7);
  } else if (period === "month" && rows > 0) {
    // Calendar arithmetic per row is slow; a day → month table over the data's span is not.
    const table = monthTable(minDay, maxDay);
    for (let r = 0; r < rows; r++) bucket[r] = table[day[r]! - minDay]!;
  }
  return { bucket, maxBucket: bucketOf(period, maxDay) };
}

/** Month index of every day from minDay to maxDay, filled month by month. */
function monthTable(minDay: number, maxDay: number): Int32Array {
  const table = new Int32Array(maxDay - minDay + 1); // days of the data's span: small
  const last = monthIndexOfSerial(maxDay);
  for (let m = monthIndexOfSerial(minDay); m <= last; m++) {
    const from = Math.max(serialOfMonthIndex(m), minDay);
    const to = Math.min(serialOfMonthIndex(m + 1), maxDay + 1);
    table.fill(m, from - minDay, to - minDay);
  }
  return table;
}

/** Per user: the first (cohort) and the last bucket. */
function scanUsers(act: Activity, bucket: Int32Array, lease: Lease): { first: Int32Array; last: Int32Array } {
  const { rows, user, userCount } = act;
  const first = lease.int32(userCount, 0x7fffffff);
  const last = lease.int32(userCount, -0x80000000);
  for (let r = 0; r < rows; r++) {
    const u = user[r]!;
    const b = bucket[r]!;
    if (b < first[u]!) first[u] = b;
    if (b > last[u]!) last[u] = b;
  }
  return { first, last };
}

/** The period of each day, in place of a copy; the "no activity" sentinel −2^31 stays. */
function bucketsOfDays(period: Period, days: Int32Array, lease: Lease): Int32Array {
  if (period === "day") return days;
  const out = lease.int32(days.length);
  for (let u = 0; u < days.length; u++) out[u] = days[u] === -0x80000000 ? -0x80000000 : bucketOf(period, days[u]!);
  return out;
}

/** Per user: the earliest row by time (ties: the first such row). */
function earliestRows(act: Activity, lease: Lease): Int32Array {
  const { rows, user, userCount } = act;
  const ms = act.ms!;
  const earliestMs = lease.float64(userCount, Infinity);
  const earliestRow = lease.int32(userCount);
  for (let r = 0; r < rows; r++) {
    const u = user[r]!;
    // Strictly earlier only: on a tie the first such row keeps the user.
    if (ms[r]! < earliestMs[u]!) {
      earliestMs[u] = ms[r]!;
      earliestRow[u] = r;
    }
  }
  return earliestRow;
}

// ---------------------------------------------------------------------------
// Start list (start_ids, start_dates)
// ---------------------------------------------------------------------------

/** The start list, one entry per listed user (codes 0..userCount−1 of the shared interner). */
interface StartList {
  userCount: number;
  /** Whole-day serial of each user's earliest start date. */
  day: Int32Array;
  /** Row (in the range) of each user's earliest start date; ties keep the first row. */
  row: Int32Array;
  /** Segment key of that row (0 = blank, else code + 1); null without segments. */
  segment: Int32Array | null;
  segmentNames: readonly string[];
  /** The latest usable start date's day. */
  latestDay: number;
}

/**
 * Reads the start list into `users` (so its users get the first codes):
 * blank id or date rows are skipped, a non-date is #VALUE! naming the row.
 */
function readStartList(ids: ColumnArg, dates: ColumnArg, segments: ColumnArg | null, users: KeyInterner, lease: Lease): StartList {
  const n = ids.length;
  let earliestMs = lease.float64(Math.min(n, 1024), Infinity);
  let row = lease.int32(earliestMs.length);
  let latestMs = -Infinity;
  const dateMatrix = dates.matrix;
  const dateRow = rowOf(dates);
  const idMatrix = ids.matrix;
  const idRow = rowOf(ids);
  for (let i = 0; i < n; i++) {
    const date = dateRow !== null ? dateRow[i] : dateMatrix[i]![0];
    if (typeof date === "number" ? date === 0 : isBlank(date)) continue;
    const u = users.code(idRow !== null ? idRow[i] : idMatrix[i]![0]);
    if (u === BLANK_CODE) continue;
    const time = msOfCell(date, "start_dates", i);
    if (u >= earliestMs.length) {
      const bigger = lease.float64(Math.min(n, earliestMs.length * 2), Infinity);
      bigger.set(earliestMs);
      lease.release(earliestMs);
      earliestMs = bigger;
      const biggerRow = lease.int32(bigger.length);
      biggerRow.set(row);
      lease.release(row);
      row = biggerRow;
    }
    // Strictly earlier only: on a tie the first such row keeps the user.
    if (time < earliestMs[u]!) {
      earliestMs[u] = time;
      row[u] = i;
    }
    if (time > latestMs) latestMs = time;
  }
  const userCount = users.size;
  const day = lease.int32(userCount);
  for (let u = 0; u < userCount; u++) day[u] = Math.floor(earliestMs[u]! / MS_PER_DAY);
  let segment: Int32Array | null = null;
  const segs = new KeyInterner(0, lease);
  if (segments) {
    segment = lease.int32(userCount);
    // Segment 0 is a value, not a blank (as with activity segments).
    for (let u = 0; u < userCount; u++) segment[u] = segs.code(cellOf(segments, row[u]!), false) + 1;
  }
  return {
    userCount,
    day,
    row: row.subarray(0, userCount),
    segment,
    segmentNames: segs.names,
    latestDay: userCount > 0 ? Math.floor(latestMs / MS_PER_DAY) : 0,
  };
}

/** Per listed user: the cohort bucket (earliest start) and the last active bucket. */
function scanListedUsers(
  act: Activity, bucket: Int32Array, start: StartList, period: Period, lease: Lease,
): { first: Int32Array; last: Int32Array } {
  const first = lease.int32(start.userCount);
  for (let u = 0; u < start.userCount; u++) first[u] = bucketOf(period, start.day[u]!);
  const last = lease.int32(start.userCount, -0x80000000);
  const { rows, user } = act;
  for (let r = 0; r < rows; r++) {
    const u = user[r]!;
    if (bucket[r]! > last[u]!) last[u] = bucket[r]!;
  }
  return { first, last };
}

/** Segments of the start list, in order of each segment's first user's earliest start row. */
function startSegmentGroups(start: StartList, lease: Lease): Groups {
  const segment = start.segment!;
  const keys = start.segmentNames.length + 1;
  const firstRow = new Int32Array(keys).fill(0x7fffffff);
  for (let u = 0; u < start.userCount; u++) {
    const key = segment[u]!;
    if (start.row[u]! < firstRow[key]!) firstRow[key] = start.row[u]!;
  }
  const order: number[] = [];
  for (let key = 0; key < keys; key++) if (firstRow[key]! !== 0x7fffffff) order.push(key);
  order.sort((a, b) => firstRow[a]! - firstRow[b]!);
  const groupOfKey = new Int32Array(keys);
  order.forEach((key, g) => (groupOfKey[key] = g));
  const of = lease.int32(start.userCount);
  for (let u = 0; u < of.length; u++) of[u] = groupOfKey[segment[u]!]!;
  const labels = order.map((key) => (key === 0 ? t("blankSegment") : start.segmentNames[key - 1]!));
  return { count: order.length, of, labels };
}

/**
 * Classic with a start list, when a bitset of listed users × requested
 * offsets fits: the cohorts are known before the activity is read (each
 * listed user's earliest start), so each row goes straight to its (user,
 * offset) bit in one pass, with no per-row arrays written and read back
 * (readActivity, bucketRows, scanListedUsers and classicByBitset were four
 * passes). The same rows, checks and errors as readActivity with a start
 * list: an outsider's row is checked and counts for the latest day only.
 */
function listedClassicInOnePass(
  ids: ColumnArg, dates: ColumnArg, users: KeyInterner, start: StartList, period: Period, ks: readonly number[], bySegment: boolean, lease: Lease,
): Grid {
  const { sorted } = offsetsOf(ks);
  const k = sorted.length;
  const slotOf = slotTable(sorted);
  const maxOffset = slotOf.length - 1;
  const userCount = start.userCount;
  const first = bucketsOfDays(period, start.day, lease);
  const months = period === "month" ? cohortMonths(first, maxOffset) : null;
  const monthLo = months ? months.lo : 0;
  const monthOfDay = months ? months.table : null;
  const seen = lease.uint32(Math.ceil((userCount * k) / 32));
  const n = ids.length;
  let lastId: unknown = undefined;
  let lastUser = BLANK_CODE;
  let latestDay = start.latestDay;
  const dateMatrix = dates.matrix;
  const dateRow = rowOf(dates);
  const idMatrix = ids.matrix;
  const idRow = rowOf(ids);
  for (let i = 0; i < n; i++) {
    const date = dateRow !== null ? dateRow[i] : dateMatrix[i]![0];
    const isNumber = typeof date === "number";
    if (isNumber ? date === 0 : isBlank(date)) continue;
    const id = idRow !== null ? idRow[i] : idMatrix[i]![0];
    if (id !== lastId) {
      lastId = id;
      lastUser = users.lookup(id);
    }
    if (lastUser < 0) {
      if (lastUser === UNKNOWN_CODE) latestDay = Math.max(latestDay, dayOfCell(date, "dates", i));
      continue;
    }
    const day = isNumber && date >= 1 && date < MAX_SERIAL_EXCLUSIVE ? wholeDayOfSerial(date) : dayOfCell(date, "dates", i);
    if (day > latestDay) latestDay = day;
    let bucket = day;
    if (period === "week") bucket = Math.floor((day + 5) / 7);
    else if (monthOfDay !== null) {
      // Outside the table: before every cohort or after the last one's last requested month.
      const at = day - monthLo;
      if (at < 0 || at >= monthOfDay.length) continue;
      bucket = monthOfDay[at]!;
    }
    const offset = bucket - first[lastUser]!;
    if (offset > maxOffset || offset < 0) continue; // below 0: activity before a start date
    const slot = slotOf[offset]!;
    if (slot < 0) continue;
    const bit = lastUser * k + slot;
    seen[bit >>> 5] = seen[bit >>> 5]! | (1 << (bit & 31));
  }
  const groups = bySegment ? startSegmentGroups(start, lease) : cohortGroups(first, period, lease);
  const retained = () => countSeen(seen, groups, k);
  return count(groups, first, bucketOf(period, latestDay), retained, ks, period, bySegment, lease);
}

/** Month index of each day from the first cohort's first day to the last cohort's last requested month: all a row can be counted in. */
function cohortMonths(first: Int32Array, maxOffset: number): { lo: number; table: Int32Array } {
  let lo = 0x7fffffff;
  let hi = -0x80000000;
  for (let u = 0; u < first.length; u++) {
    if (first[u]! < lo) lo = first[u]!;
    if (first[u]! > hi) hi = first[u]!;
  }
  if (first.length === 0) return { lo: 0, table: new Int32Array(0) };
  const loDay = serialOfMonthIndex(lo);
  const hiDay = serialOfMonthIndex(hi + maxOffset + 1) - 1;
  return { lo: loDay, table: monthTable(loDay, hiDay) };
}

/** counts[g * k + slot] from a users × k bitset: the users of group g with that bit set. */
function countSeen(seen: Uint32Array, groups: Groups, k: number): Int32Array {
  const counts = new Int32Array(groups.count * k);
  for (let u = 0; u < groups.of.length; u++) {
    const base = groups.of[u]! * k;
    for (let slot = 0; slot < k; slot++) {
      const bit = u * k + slot;
      if ((seen[bit >>> 5]! & (1 << (bit & 31))) !== 0) counts[base + slot] = counts[base + slot]! + 1;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------
// Groups: one output row each (cohorts, or segments)
// ---------------------------------------------------------------------------

interface Groups {
  count: number;
  of: Int32Array;
  labels: (number | string)[];
}

/** Cohorts in ascending order, labelled by the serial of their first day. */
function cohortGroups(first: Int32Array, period: Period, lease: Lease): Groups {
  let lo = 0x7fffffff;
  let hi = -0x80000000;
  for (let u = 0; u < first.length; u++) {
    if (first[u]! < lo) lo = first[u]!;
    if (first[u]! > hi) hi = first[u]!;
  }
  // Dense index over the span, then numbered in ascending order.
  const index = new Int32Array(hi - lo + 1).fill(-1);
  for (let u = 0; u < first.length; u++) index[first[u]! - lo] = 0;
  const labels: number[] = [];
  for (let s = 0; s < index.length; s++) {
    if (index[s] === 0) {
      index[s] = labels.length;
      labels.push(bucketStart(period, lo + s));
    }
  }
  const of = lease.int32(first.length);
  for (let u = 0; u < first.length; u++) of[u] = index[first[u]! - lo]!;
  return { count: labels.length, of, labels };
}

/** Segments in order of first appearance, only those some user belongs to. */
function segmentGroups(act: Activity, lease: Lease): Groups {
  const segment = act.segment!;
  const earliestRow = earliestRows(act, lease);
  const keys = act.segmentNames.length + 1;
  const firstRow = new Int32Array(keys).fill(-1);
  for (let r = act.rows - 1; r >= 0; r--) firstRow[segment[r]!] = r;
  const used = new Uint8Array(keys);
  for (let u = 0; u < earliestRow.length; u++) used[segment[earliestRow[u]!]!] = 1;
  const order: number[] = [];
  for (let key = 0; key < keys; key++) if (used[key]) order.push(key);
  order.sort((a, b) => firstRow[a]! - firstRow[b]!);
  const groupOfKey = new Int32Array(keys);
  order.forEach((key, g) => (groupOfKey[key] = g));
  const of = lease.int32(earliestRow.length);
  for (let u = 0; u < of.length; u++) of[u] = groupOfKey[segment[earliestRow[u]!]!]!;
  const labels = order.map((key) => (key === 0 ? t("blankSegment") : act.segmentNames[key - 1]!));
  return { count: order.length, of, labels };
}

// ---------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------

/** The distinct requested offsets, ascending; each output column points at one. */
interface Offsets {
  sorted: Int32Array;
  /** Output column → index into `sorted`. */
  slotOfColumn: Int32Array;
}

function offsetsOf(ks: readonly number[]): Offsets {
  const sorted = Int32Array.from(new Set(ks)).sort();
  const slotOfColumn = Int32Array.from(ks, (k) => sorted.indexOf(k));
  return { sorted, slotOfColumn };
}

/** How many requested offsets are ≤ x (binary search). */
function rankOf(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * counts[g * K + i] = users u of group g with value[u] ≥ sorted[i], where K is
 * the number of distinct offsets: a histogram of rank(value) per group, then
 * a suffix sum.
 */
function countAtLeast(groups: Groups, value: Int32Array, sorted: Int32Array): Int32Array {
  const k = sorted.length;
  const hist = new Int32Array(groups.count * (k + 1));
  for (let u = 0; u < value.length; u++) {
    const at = groups.of[u]! * (k + 1) + rankOf(sorted, value[u]!);
    hist[at] = hist[at]! + 1;
  }
  const counts = new Int32Array(groups.count * k);
  for (let g = 0; g < groups.count; g++) {
    let atLeast = 0;
    for (let i = k - 1; i >= 0; i--) {
      atLeast += hist[g * (k + 1) + i + 1]!;
      counts[g * k + i] = atLeast;
    }
  }
  return counts;
}

/** Requested-offset slot of every offset 0..max requested (-1 when not requested). */
function slotTable(sorted: Int32Array): Int32Array {
  const table = new Int32Array(sorted[sorted.length - 1]! + 1).fill(-1);
  sorted.forEach((k, i) => (table[k] = i));
  return table;
}

/**
 * Classic: counts[g * K + i] = users of group g active in exactly period
 * first + sorted[i]. A user has many rows in one period, so each
 * (user, slot) pair is counted once: a bitset when users x slots is small,
 * else rows grouped by user with a per-slot stamp.
 */
function countClassic(act: Activity, bucket: Int32Array, first: Int32Array, groups: Groups, sorted: Int32Array, lease: Lease): Int32Array {
  const k = sorted.length;
  const slotOf = slotTable(sorted);
  const counts = new Int32Array(groups.count * k);
  if (act.userCount * k <= tuning.bitsetLimitBits) classicByBitset(act, bucket, first, groups.of, slotOf, k, counts, lease);
  else classicByUser(act, bucket, first, groups.of, slotOf, k, counts, lease);
  return counts;
}

function classicByBitset(
  act: Activity, bucket: Int32Array, first: Int32Array, groupOf: Int32Array, slotOf: Int32Array, k: number, counts: Int32Array, lease: Lease,
): void {
  const { rows, user } = act;
  const seen = lease.uint32(Math.ceil((act.userCount * k) / 32));
  const maxOffset = slotOf.length - 1;
  for (let r = 0; r < rows; r++) {
    const u = user[r]!;
    const offset = bucket[r]! - first[u]!;
    if (offset > maxOffset || offset < 0) continue; // below 0: activity before a start date
    const slot = slotOf[offset]!;
    if (slot < 0) continue;
    const bit = u * k + slot;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if ((seen[word]! & mask) !== 0) continue;
    seen[word] = seen[word]! | mask;
    const at = groupOf[u]! * k + slot;
    counts[at] = counts[at]! + 1;
  }
}

/** Same counts with O(rows + users) memory: counting-sort rows by user, stamp each slot with the user. */
function classicByUser(
  act: Activity, bucket: Int32Array, first: Int32Array, groupOf: Int32Array, slotOf: Int32Array, k: number, counts: Int32Array, lease: Lease,
): void {
  const { rows, user, userCount } = act;
  const start = lease.int32(userCount + 1);
  for (let r = 0; r < rows; r++) start[user[r]! + 1] = start[user[r]! + 1]! + 1;
  for (let u = 0; u < userCount; u++) start[u + 1] = start[u + 1]! + start[u]!;
  const fill = lease.int32(userCount);
  fill.set(start.subarray(0, userCount));
  const byUser = lease.int32(rows);
  for (let r = 0; r < rows; r++) byUser[fill[user[r]!]!++] = r;
  const stamp = new Int32Array(k).fill(-1);
  const maxOffset = slotOf.length - 1;
  for (let u = 0; u < userCount; u++) {
    const base = groupOf[u]! * k;
    for (let p = start[u]!; p < start[u + 1]!; p++) {
      const offset = bucket[byUser[p]!]! - first[u]!;
      if (offset > maxOffset || offset < 0) continue; // below 0: activity before a start date
      const slot = slotOf[offset]!;
      if (slot < 0 || stamp[slot] === u) continue;
      stamp[slot] = u;
      counts[base + slot] = counts[base + slot]! + 1;
    }
  }
}

// ---------------------------------------------------------------------------
// The function
// ---------------------------------------------------------------------------

/**
 * OPS.RETENTION on arguments exactly as Excel passes them (2-D arrays, null
 * for omitted ones). Returns the spilled grid, or the whole-call error.
 */
export function retention(
  userIds: unknown,
  dates: unknown,
  period?: unknown,
  periods?: unknown,
  mode?: unknown,
  segments?: unknown,
  startIds?: unknown,
  startDates?: unknown,
): Grid | OpsError {
  return guard(() => {
    const ids = columnArg(userIds, "user_ids");
    const when = columnArg(dates, "dates");
    checkSameLength(ids, "user_ids", when, "dates");
    const unit = optionWord(period, "period", PERIOD_WORDS, "day");
    const ks = readPeriods(periods, unit);
    const how = optionWord(mode, "mode", MODE_WORDS, "classic");
    const hasStartIds = !isOmitted(startIds as Matrix | null | undefined);
    const hasStartDates = !isOmitted(startDates as Matrix | null | undefined);
    if (hasStartIds !== hasStartDates) fail("#VALUE!", "retentionStartHalf", { given: hasStartIds ? "start_ids" : "start_dates" });
    const startIdArg = hasStartIds ? columnArg(startIds, "start_ids") : null;
    const startDateArg = hasStartDates ? columnArg(startDates, "start_dates") : null;
    if (startIdArg && startDateArg) checkSameLength(startIdArg, "start_ids", startDateArg, "start_dates");
    let segs: ColumnArg | null = null;
    if (!isOmitted(segments as Matrix | null | undefined)) {
      segs = columnArg(segments, "segments");
      // With a start list, a user's segment comes from their start row.
      if (startIdArg) checkSameLength(startIdArg, "start_ids", segs, "segments");
      else checkSameLength(ids, "user_ids", segs, "segments");
    }

    const cells = ids.length + (startIdArg ? startIdArg.length : 0);
    return withLease((lease) => {
      const users = new KeyInterner(cells, lease, { keepNames: false });
      if (startIdArg && startDateArg) {
        const start = readStartList(startIdArg, startDateArg, segs, users, lease);
        if (start.userCount === 0) fail("#N/A", "retentionNoStartRows");
        if (how === "unbounded") return unboundedFromSpans(readDaySpans(ids, when, users, lease, true), unit, ks, segs !== null, start, lease);
        if (how === "classic" && start.userCount * offsetsOf(ks).sorted.length <= tuning.bitsetLimitBits) {
          return listedClassicInOnePass(ids, when, users, start, unit, ks, segs !== null, lease);
        }
        const act = readActivity(ids, when, null, users, lease, true);
        const latestDay = Math.max(act.outsidersLatestDay, start.latestDay);
        return compute(act, unit, ks, how, segs !== null, { start, latestDay }, lease);
      }
      if (how === "unbounded" && segs === null) {
        const spans = readDaySpansByIdOffset(ids, when, lease) ?? readDaySpans(ids, when, users, lease);
        if (spans.rows === 0) fail("#N/A", "noActivityRows");
        return unboundedFromSpans(spans, unit, ks, false, null, lease);
      }
      const act = readActivity(ids, when, segs, users, lease);
      if (act.rows === 0) fail("#N/A", "noActivityRows");
      return compute(act, unit, ks, how, segs !== null, null, lease);
    });
  });
}

function compute(
  act: Activity,
  period: Period,
  ks: readonly number[],
  mode: Mode,
  bySegment: boolean,
  listed: { start: StartList; latestDay: number } | null,
  lease: Lease,
): Grid {
  let first: Int32Array;
  let last: Int32Array;
  let maxBucket: number;
  let bucket: Int32Array | null = null;
  if (mode === "classic") {
    ({ bucket, maxBucket } = bucketRows(act, period, listed ? listed.latestDay : 0, lease));
    ({ first, last } = listed ? scanListedUsers(act, bucket, listed.start, period, lease) : scanUsers(act, bucket, lease));
  } else {
    // Unbounded needs only each user's first and last period, and periods keep the order of days:
    // scan days, then map per user (no bucket per row).
    const days = listed ? scanListedUsers(act, act.day, listed.start, "day", lease) : scanUsers(act, act.day, lease);
    let maxDay = listed ? listed.latestDay : 0;
    for (let u = 0; u < days.last.length; u++) if (days.last[u]! > maxDay) maxDay = days.last[u]!;
    first = bucketsOfDays(period, days.first, lease);
    last = bucketsOfDays(period, days.last, lease);
    maxBucket = bucketOf(period, maxDay);
  }
  const groups = bySegment ? (listed ? startSegmentGroups(listed.start, lease) : segmentGroups(act, lease)) : cohortGroups(first, period, lease);
  const retained = bucket === null
    ? (sorted: Int32Array) => countReached(groups, first, last, sorted, lease)
    : (sorted: Int32Array) => countClassic(act, bucket, first, groups, sorted, lease);
  return count(groups, first, maxBucket, retained, ks, period, bySegment, lease);
}

/**
 * Unbounded from each user's first and last active day (readDaySpans):
 * periods keep the order of days, so only per-user values are mapped.
 * With a start list, the cohort is the period of the earliest start and
 * only listed users (codes below start.userCount) count.
 */
function unboundedFromSpans(
  spans: DaySpans, period: Period, ks: readonly number[], bySegment: boolean, start: StartList | null, lease: Lease,
): Grid {
  const userCount = start ? start.userCount : spans.userCount;
  const firstDay = start ? start.day : spans.first.subarray(0, userCount);
  // A listed user beyond the spans' capacity has no activity (its code was never met in the rows).
  const lastDay = lease.int32(userCount, -0x80000000);
  lastDay.set(spans.last.subarray(0, Math.min(userCount, spans.last.length)));
  const latestDay = Math.max(spans.latestDay, start ? start.latestDay : 0);
  const first = bucketsOfDays(period, firstDay, lease);
  const last = bucketsOfDays(period, lastDay, lease);
  const groups = bySegment ? startSegmentGroups(start!, lease) : cohortGroups(first, period, lease);
  const retained = (sorted: Int32Array) => countReached(groups, first, last, sorted, lease);
  return count(groups, first, bucketOf(period, latestDay), retained, ks, period, bySegment, lease);
}

/**
 * The counts behind the table, from per-user cohorts (`first`): the
 * eligible users here, the retained ones from `retained` (classic: active
 * in exactly cohort + k; unbounded: countReached).
 */
function count(
  groups: Groups,
  first: Int32Array,
  maxBucket: number,
  retained: (sorted: Int32Array) => Int32Array,
  ks: readonly number[],
  period: Period,
  bySegment: boolean,
  lease: Lease,
): Grid {
  const { sorted, slotOfColumn } = offsetsOf(ks);
  const userCount = first.length;
  // Column k has elapsed for a user when cohort + k ≤ the latest bucket: age ≥ k.
  const age = lease.int32(userCount);
  for (let u = 0; u < userCount; u++) age[u] = maxBucket - first[u]!;
  const eligible = countAtLeast(groups, age, sorted);
  const sizes = new Int32Array(groups.count);
  for (let u = 0; u < groups.of.length; u++) sizes[groups.of[u]!] = sizes[groups.of[u]!]! + 1;

  return layout(groups, sizes, retained(sorted), eligible, ks, slotOfColumn, sorted.length, period, bySegment);
}

/**
 * Unbounded: retained at k when the last active bucket ≥ cohort + k, that is
 * reach = last − first ≥ k (a listed user without activity has last = −2^31:
 * never retained).
 */
function countReached(groups: Groups, first: Int32Array, last: Int32Array, sorted: Int32Array, lease: Lease): Int32Array {
  const reach = lease.int32(first.length);
  for (let u = 0; u < first.length; u++) reach[u] = Math.max(last[u]! - first[u]!, -1);
  return countAtLeast(groups, reach, sorted);
}

/** Header, one row per group, the All row; a cell with no eligible user is "". */
function layout(
  groups: Groups, sizes: Int32Array, retained: Int32Array, eligible: Int32Array,
  ks: readonly number[], slotOfColumn: Int32Array, k: number, period: Period, bySegment: boolean,
): Grid {
  const columnKey = period === "day" ? "retentionDay" : period === "week" ? "retentionWeek" : "retentionMonth";
  const header: Grid[number] = [
    t(bySegment ? "retentionHeaderSegment" : "retentionHeaderCohort"),
    t("retentionHeaderUsers"),
    ...ks.map((kk) => t(columnKey, { k: kk })),
  ];
  const grid: Grid = [header];
  const totalRetained = new Float64Array(k);
  const totalEligible = new Float64Array(k);
  let totalUsers = 0;
  for (let g = 0; g < groups.count; g++) {
    const row: Grid[number] = [groups.labels[g]!, sizes[g]!];
    for (let c = 0; c < ks.length; c++) {
      const slot = g * k + slotOfColumn[c]!;
      row.push(share(retained[slot]!, eligible[slot]!));
    }
    for (let i = 0; i < k; i++) {
      totalRetained[i] = totalRetained[i]! + retained[g * k + i]!;
      totalEligible[i] = totalEligible[i]! + eligible[g * k + i]!;
    }
    totalUsers += sizes[g]!;
    grid.push(row);
  }
  const all: Grid[number] = [t("retentionAll"), totalUsers];
  for (let c = 0; c < ks.length; c++) all.push(share(totalRetained[slotOfColumn[c]!]!, totalEligible[slotOfColumn[c]!]!));
  grid.push(all);
  return grid;
}

function share(retained: number, eligible: number): number | "" {
  return eligible === 0 ? "" : retained / eligible;
}

// ---------------------------------------------------------------------------
// Warm-up

/**
 * A few tiny calls when the module loads, covering every row loop with text
 * and whole-number ids, so that V8's type feedback covers each path before
 * the first real call (as funnel/index.ts does, and for the same reason):
 * a loop first compiled from one kind of call (ids grouped by user, where
 * the interner mostly adds ids) and then run on another (rows in time order,
 * where it mostly finds them) kept code tuned to the first: in one bench
 * process, week unbounded on 1M text ids in time order took 107–149 ms after
 * the grouped case, 79–85 ms with this warm-up (75 ms run alone). Costs
 * about 8 ms at module load, that is at the first OPS call. The calls share
 * nothing with later ones but the pool's memory, which is cleared when
 * taken again.
 */
function warmUp(): void {
  const dates = [[46000.25], [46001.5], [46008.75], [46000.5], [46040.5], [46003.125]];
  const segments = [["s"], ["t"], ["s"], ["u"], ["t"], ["s"]];
  const textIds = [["p"], ["p"], ["q"], ["q"], ["p"], ["r"]];
  const numberIds = [[1001], [1001], [1002], [1002], [1001], [1003]];
  const startDates = [[46000], [45999.5], [46001]];
  for (const ids of [textIds, numberIds]) {
    const startIds = ids.slice(0, 3);
    for (const mode of MODE_WORDS) {
      for (const period of PERIOD_WORDS) {
        retention(ids, dates, period, null, mode);
        retention(ids, dates, period, null, mode, segments);
        retention(ids, dates, period, null, mode, segments.slice(0, 3), startIds, startDates);
      }
    }
  }
}
warmUp();
