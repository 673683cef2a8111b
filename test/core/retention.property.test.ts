/**
 * RETENTION property tests: the implementation against a deliberately naive
 * reference written here from the contract — plain objects, Sets and nested
 * loops, one user at a time, no typed arrays, no histograms, no bitsets. It
 * shares only the calendar helpers of src/core/dates with the implementation.
 *
 * Random small data: a few users whose ids come in several spellings (7,
 * "7", " 7 ", case variants), dates as serials with times of day or ISO
 * text, blank rows of every kind, segments with blanks; every period, both
 * modes, with and without segments, periods as N or as a list.
 */
import fc from "fast-check";
import { retention, tuning } from "../../src/core/metrics/retention";
import { Grid, isOpsError } from "../../src/core/errors";
import { mondayOf, monthIndexOfSerial, parseIsoSerial, serialOfMonthIndex } from "../../src/core/dates";

type Period = "day" | "week" | "month";
type Mode = "classic" | "unbounded";

const DAY_MS = 86_400_000;

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : String(v);
}

/** Whole-day serial of a date cell (number or ISO text), rounded to the millisecond first. */
function dayOf(v: unknown): number {
  const serial = typeof v === "number" ? v : parseIsoSerial(String(v));
  return Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
}

function msOf(v: unknown): number {
  const serial = typeof v === "number" ? v : parseIsoSerial(String(v));
  return Math.round(serial * DAY_MS);
}

/** The period a day falls in, as a number where "k periods later" is + k. */
function periodOf(period: Period, day: number): number {
  if (period === "day") return day;
  if (period === "week") return (mondayOf(day) - mondayOf(2)) / 7; // serial 2 is a Monday
  return monthIndexOfSerial(day);
}

function labelOf(period: Period, p: number): number {
  if (period === "day") return p;
  if (period === "week") return mondayOf(2) + 7 * p;
  return serialOfMonthIndex(p);
}

interface NaiveUser {
  firstMs: number;
  firstRow: number;
  segment: string;
  periods: Set<number>;
  cohort: number;
}

function naiveRetention(
  ids: unknown[],
  dates: unknown[],
  period: Period,
  ks: number[],
  mode: Mode,
  segments: unknown[] | null,
): Grid {
  // An optional range given as one blank cell counts as omitted (0 too: Excel for Windows' empty cell).
  if (segments !== null && segments.length === 1 && (isBlankCell(segments[0]) || segments[0] === 0)) segments = null;
  const users: Record<string, NaiveUser> = {};
  const segmentFirstRow: Record<string, number> = {};
  let latest = -Infinity;
  ids.forEach((id, row) => {
    const date = dates[row];
    if (isBlankCell(id) || id === 0 || isBlankCell(date) || date === 0) return;
    const key = text(id);
    const p = periodOf(period, dayOf(date));
    const ms = msOf(date);
    const segment = segments === null || isBlankCell(segments[row]) ? "(blank)" : text(segments[row]);
    if (!(segment in segmentFirstRow)) segmentFirstRow[segment] = row;
    latest = Math.max(latest, p);
    const user = users[key];
    if (user === undefined) {
      users[key] = { firstMs: ms, firstRow: row, segment, periods: new Set([p]), cohort: p };
      return;
    }
    user.periods.add(p);
    if (ms < user.firstMs) {
      user.firstMs = ms;
      user.firstRow = row;
      user.segment = segment;
    }
    user.cohort = Math.min(user.cohort, p);
  });

  const all = Object.values(users);
  const groupKey = (u: NaiveUser): string => (segments === null ? String(u.cohort) : u.segment);
  const keys = [...new Set(all.map(groupKey))];
  if (segments === null) keys.sort((a, b) => Number(a) - Number(b));
  else keys.sort((a, b) => segmentFirstRow[a]! - segmentFirstRow[b]!);

  const shareOf = (members: NaiveUser[], k: number): number | string => {
    let eligible = 0;
    let retained = 0;
    for (const u of members) {
      if (u.cohort + k > latest) continue;
      eligible++;
      const active =
        mode === "classic" ? u.periods.has(u.cohort + k) : [...u.periods].some((p) => p >= u.cohort + k);
      if (active) retained++;
    }
    return eligible === 0 ? "" : retained / eligible;
  };

  const unit = period === "day" ? "Day" : period === "week" ? "Week" : "Month";
  const out: Grid = [[segments === null ? "Cohort" : "Segment", "Users", ...ks.map((k) => `${unit} ${k}`)]];
  for (const key of keys) {
    const members = all.filter((u) => groupKey(u) === key);
    const label = segments === null ? labelOf(period, Number(key)) : key;
    out.push([label, members.length, ...ks.map((k) => shareOf(members, k))]);
  }
  out.push(["All", all.length, ...ks.map((k) => shareOf(all, k))]);
  return out;
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

const BASE = 46_050; // 2026-01-28; dates run over about four months

/** A user id in one of its spellings: the same user may come as 7, "7" or " 7 ". */
const idCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 6 }).map((n) => `u${n}`) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }).map((n) => ` u${n} `) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((n) => `U${n}`) },
  { weight: 2, arbitrary: fc.integer({ min: 7, max: 9 }) },
  { weight: 2, arbitrary: fc.integer({ min: 7, max: 9 }).map((n) => (n % 2 ? String(n) : ` ${n}`)) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "", "  ", 0) },
);

function isoOf(serial: number): string {
  // Only whole days and whole minutes go through text, via the UTC calendar of serial − 25569.
  const d = new Date(Math.round((serial - 25_569) * DAY_MS));
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const dateCell = fc
  .tuple(
    // Mostly a few days (ties of one user at one time are common), sometimes months.
    fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 120 }) }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([day, tod, form]): unknown => {
    const serial = BASE + day + [0, 0.25, 0.5, 1439 / 1440][tod]!;
    if (form === 0) return isoOf(serial);
    if (form === 1 && tod === 0) return serial + 1e-11; // 15-significant-digit noise
    return serial;
  });

const blankDate = fc.constantFrom<unknown>(null, "", " ", 0);

const segmentCell = fc.constantFrom<unknown>("ads", "seo", " ads", "Ads", 3, "3", "", null, "  ");

const row = fc.record({
  id: idCell,
  date: fc.oneof({ weight: 12, arbitrary: dateCell }, { weight: 1, arbitrary: blankDate }),
  segment: segmentCell,
});

const periodsArg = fc.oneof(
  fc.integer({ min: 1, max: 10 }).map((n) => ({ arg: n as unknown, ks: Array.from({ length: n }, (_, i) => i + 1) })),
  fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 4 }).map((ks) => ({ arg: [ks] as unknown, ks })),
);

const scenario = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 40 }),
  period: fc.constantFrom<Period>("day", "week", "month"),
  mode: fc.constantFrom<Mode>("classic", "unbounded"),
  periods: periodsArg,
  withSegments: fc.boolean(),
});

/**
 * Ids typed as numbers only (and blanks): unbounded mode then indexes users
 * by the id's offset in its range (readDaySpansByIdOffset) when the range is
 * narrow, and interns them when it is not (the large ids below).
 */
const wholeNumberIdCell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -3, max: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "", "  ", -0) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(2 ** 31 - 1, -(2 ** 31), 123_456_789) },
);

/**
 * Text ids of one prefix and digits (and blanks, and a few that make the
 * id-offset path give up: another prefix, an untrimmed id, a number, ten
 * digits, ids too far apart), as a CRM numbers customers.
 */
const prefixedIdCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<unknown>("u1", "u2", "u01", "u002", "u10", "u99") },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "", "  ", 0) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("U1", " u1", "u1 ", 1, "1", "u1234567890", "u999999999", "CUST-1") },
);

/** The scenario with ids drawn from `idCell` only. */
const scenarioWithIds = (idCell: fc.Arbitrary<unknown>) =>
  fc.record({
    rows: fc.array(fc.record({ id: idCell, date: row.map((r) => r.date), segment: segmentCell }), { minLength: 1, maxLength: 40 }),
    period: fc.constantFrom<Period>("day", "week", "month"),
    mode: fc.constantFrom<Mode>("classic", "unbounded"),
    periods: periodsArg,
    withSegments: fc.boolean(),
  });

const prefixedScenario = scenarioWithIds(prefixedIdCell);
const wholeNumberScenario = scenarioWithIds(wholeNumberIdCell);

// ---------------------------------------------------------------------------

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function check(s: Scenario): void {
  const ids = s.rows.map((r) => r.id);
  const dates = s.rows.map((r) => r.date);
  const segments = s.withSegments ? s.rows.map((r) => r.segment) : null;
  const got = retention(
    ids.map((v) => [v]),
    dates.map((v) => [v]),
    s.period,
    s.periods.arg,
    s.mode,
    segments ? segments.map((v) => [v]) : null,
  );
  const usable = s.rows.some((r) => !isBlankCell(r.id) && r.id !== 0 && !isBlankCell(r.date) && r.date !== 0);
  if (!usable) {
    expect(isOpsError(got) && got.code).toBe("#N/A");
    return;
  }
  expect(got).toEqual(naiveRetention(ids, dates, s.period, s.periods.ks, s.mode, segments));
}

describe("RETENTION equals the naive reference", () => {
  it("on random small data, every period and mode, with and without segments", () => {
    fc.assert(fc.property(scenario, check), { numRuns: 600 });
  });

  it("on ids typed as whole numbers only, narrow and wide ranges", () => {
    fc.assert(fc.property(wholeNumberScenario, check), { numRuns: 400 });
  });

  it("on text ids of one prefix and digits, and ids that break the pattern", () => {
    fc.assert(fc.property(prefixedScenario, check), { numRuns: 400 });
  });

  it("with the by-user dedupe instead of the bitset", () => {
    const saved = tuning.bitsetLimitBits;
    tuning.bitsetLimitBits = 0;
    try {
      fc.assert(fc.property(scenario, check), { numRuns: 300 });
    } finally {
      tuning.bitsetLimitBits = saved;
    }
  });

  it("row-shaped arguments give the same result as columns", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const asColumn = (vs: unknown[]): unknown[][] => vs.map((v) => [v]);
        const ids = s.rows.map((r) => r.id);
        const dates = s.rows.map((r) => r.date);
        const segs = s.rows.map((r) => r.segment);
        const byColumn = retention(asColumn(ids), asColumn(dates), s.period, s.periods.arg, s.mode, s.withSegments ? asColumn(segs) : null);
        const byRow = retention([ids], [dates], s.period, s.periods.arg, s.mode, s.withSegments ? [segs] : null);
        expect(byRow).toEqual(byColumn);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------
// Start list (start_ids, start_dates): the naive reference
// ---------------------------------------------------------------------------

/**
 * The contract's words, literally: only listed users count; a user's cohort
 * is the period of their earliest start date (their segment the one on that
 * row, ties to the first row); activity rows only say in which periods a
 * listed user was active; the latest period is the latest of every usable
 * date in either list.
 */
function naiveStartRetention(
  ids: unknown[],
  dates: unknown[],
  period: Period,
  ks: number[],
  mode: Mode,
  segments: unknown[] | null,
  startIds: unknown[],
  startDates: unknown[],
): Grid | "#N/A" {
  if (segments !== null && segments.length === 1 && (isBlankCell(segments[0]) || segments[0] === 0)) segments = null;
  const usable = (id: unknown, date: unknown): boolean => !(isBlankCell(id) || id === 0 || isBlankCell(date) || date === 0);
  let latest = -Infinity;
  const users: Record<string, NaiveUser> = {};
  startIds.forEach((id, row) => {
    const date = startDates[row];
    if (!usable(id, date)) return;
    latest = Math.max(latest, periodOf(period, dayOf(date)));
    const key = text(id);
    const ms = msOf(date);
    const segment = segments === null || isBlankCell(segments[row]) ? "(blank)" : text(segments[row]);
    const user = users[key];
    if (user === undefined || ms < user.firstMs) {
      users[key] = { firstMs: ms, firstRow: row, segment, periods: user?.periods ?? new Set(), cohort: periodOf(period, dayOf(date)) };
    }
  });
  if (Object.keys(users).length === 0) return "#N/A";
  ids.forEach((id, row) => {
    const date = dates[row];
    if (!usable(id, date)) return;
    const p = periodOf(period, dayOf(date));
    latest = Math.max(latest, p);
    users[text(id)]?.periods.add(p);
  });

  const all = Object.values(users);
  const groupKey = (u: NaiveUser): string => (segments === null ? String(u.cohort) : u.segment);
  const keys = [...new Set(all.map(groupKey))];
  const firstRowOf = (key: string): number => Math.min(...all.filter((u) => groupKey(u) === key).map((u) => u.firstRow));
  if (segments === null) keys.sort((a, b) => Number(a) - Number(b));
  else keys.sort((a, b) => firstRowOf(a) - firstRowOf(b));
  const shareOf = (members: NaiveUser[], k: number): number | string => {
    const eligible = members.filter((u) => u.cohort + k <= latest);
    const retained = eligible.filter((u) =>
      mode === "classic" ? u.periods.has(u.cohort + k) : [...u.periods].some((p) => p >= u.cohort + k),
    );
    return eligible.length === 0 ? "" : retained.length / eligible.length;
  };
  const unit = period === "day" ? "Day" : period === "week" ? "Week" : "Month";
  const out: Grid = [[segments === null ? "Cohort" : "Segment", "Users", ...ks.map((k) => `${unit} ${k}`)]];
  for (const key of keys) {
    const members = all.filter((u) => groupKey(u) === key);
    out.push([segments === null ? labelOf(period, Number(key)) : key, members.length, ...ks.map((k) => shareOf(members, k))]);
  }
  out.push(["All", all.length, ...ks.map((k) => shareOf(all, k))]);
  return out;
}

const startScenario = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 30 }),
  start: fc.array(row, { minLength: 2, maxLength: 12 }),
  period: fc.constantFrom<Period>("day", "week", "month"),
  mode: fc.constantFrom<Mode>("classic", "unbounded"),
  periods: periodsArg,
  withSegments: fc.boolean(),
});

describe("RETENTION with a start list equals the naive reference", () => {
  it.each([
    ["the bitset dedupe", 1 << 26],
    ["the by-user dedupe", 0],
  ])("on random small data, every period and mode, with and without segments (%s)", (_name, limit) => {
    const saved = tuning.bitsetLimitBits;
    tuning.bitsetLimitBits = limit;
    try {
      fc.assert(
        fc.property(startScenario, (s) => {
          const asColumn = (vs: unknown[]): unknown[][] => (vs.length ? vs.map((v) => [v]) : [[""]]);
          const ids = s.rows.map((r) => r.id);
          const dates = s.rows.map((r) => r.date);
          const startIds = s.start.map((r) => r.id);
          const startDates = s.start.map((r) => r.date);
          const segments = s.withSegments ? s.start.map((r) => r.segment) : null;
          const got = retention(asColumn(ids), asColumn(dates), s.period, s.periods.arg, s.mode, segments ? asColumn(segments) : null, asColumn(startIds), asColumn(startDates));
          const want = naiveStartRetention(ids, dates, s.period, s.periods.ks, s.mode, segments, startIds, startDates);
          if (want === "#N/A") expect(isOpsError(got) && got.code).toBe("#N/A");
          else expect(got).toEqual(want);
        }),
        { numRuns: limit === 0 ? 300 : 600 },
      );
    } finally {
      tuning.bitsetLimitBits = saved;
    }
  });
});
