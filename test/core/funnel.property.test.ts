/**
 * OPS.FUNNEL against a deliberately naive reference.
 *
 * The reference follows the contract's words literally, on small inputs:
 * for each user it enumerates every arrangement of each group of same-time
 * events (all permutations), and for every arrangement every way to match
 * events to steps (brute force), for ordered, strict and any, with the
 * window. A user's furthest step is the longest valid match anywhere; the
 * median gaps come from the lexicographically earliest such match
 * (start time, then the times at which steps 1..i are done).
 * It shares no code with src/core/metrics/funnel/.
 */
import fc from "fast-check";
import { funnel } from "../../src/core/metrics/funnel";
import { isOpsError } from "../../src/core/errors";

type Order = "ordered" | "strict" | "any";
interface Ev {
  t: number; // ms
  name: string;
}
interface UserResult {
  reach: number;
  /** Times at which steps 1..reach are done, for the earliest match. */
  done: number[];
}

const DAY_MS = 86_400_000;
const BASE = 46082; // 2026-03-01

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs.slice()];
  const out: T[][] = [];
  xs.forEach((x, i) => {
    for (const rest of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
}

/** Every sequence the user's events can be in: time order, same-time events in any order. */
function arrangements(events: Ev[]): Ev[][] {
  const times = [...new Set(events.map((e) => e.t))].sort((a, b) => a - b);
  let seqs: Ev[][] = [[]];
  for (const time of times) {
    const group = events.filter((e) => e.t === time);
    const next: Ev[][] = [];
    for (const seq of seqs) for (const perm of permutations(group)) next.push([...seq, ...perm]);
    seqs = next;
  }
  return seqs;
}

/** Lexicographic comparison of two number lists. */
function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}

function naiveUser(events: Ev[], steps: string[], order: Order, windowMs: number): UserResult {
  let best: UserResult = { reach: 0, done: [] };
  let bestKey: number[] = [];
  for (const seq of arrangements(events)) {
    // Depth-first over every match: chain[i] = position in seq of the step-(i+1) event.
    const chain: number[] = [];
    const visit = (): void => {
      const times = chain.map((p) => seq[p]!.t);
      if (chain.length > 0) {
        const span = Math.max(...times) - Math.min(...times);
        if (span > windowMs) return; // and no extension can fix it
        const done = times.map((_, i) => Math.max(...times.slice(0, i + 1)));
        const key = [Math.min(...times), ...done];
        if (chain.length > best.reach || (chain.length === best.reach && lexLess(key, bestKey))) {
          best = { reach: chain.length, done };
          bestKey = key;
        }
      }
      if (chain.length === steps.length) return;
      const want = steps[chain.length]!;
      for (let p = 0; p < seq.length; p++) {
        if (seq[p]!.name !== want || chain.includes(p)) continue;
        const last = chain[chain.length - 1];
        if (order === "ordered" && last !== undefined && p < last) continue;
        if (order === "strict" && last !== undefined && p !== last + 1) continue;
        chain.push(p);
        visit();
        chain.pop();
      }
    };
    visit();
  }
  return best;
}

interface Row {
  user: number;
  event: string;
  minute: number;
}

function median(xs: number[]): number | "" {
  if (xs.length === 0) return "";
  const s = xs.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Expected Users and Median columns, from the naive per-user results. */
function naiveFunnel(rows: Row[], steps: string[], order: Order, withTimes: boolean, windowMs: number) {
  const byUser = new Map<number, Ev[]>();
  rows.forEach((r, i) => {
    const t = withTimes ? Math.round((BASE + r.minute / 1440) * DAY_MS) : i;
    byUser.set(r.user, [...(byUser.get(r.user) ?? []), { t, name: r.event }]);
  });
  const results = [...byUser.values()].map((evs) => naiveUser(evs, steps, order, withTimes ? windowMs : Infinity));
  const users = steps.map((_, j) => results.filter((r) => r.reach >= j + 1).length);
  const medians = steps.map((_, j) => {
    if (j === 0) return "";
    const gaps = results.filter((r) => r.reach >= j + 1).map((r) => (r.done[j]! - r.done[j - 1]!) / DAY_MS);
    return median(gaps);
  });
  return { users, medians };
}

const STEP_NAMES = ["a", "b", "c"];
const EVENT_NAMES = ["a", "b", "c", "x"];

/** Up to 3 users with up to 6 events each, at a few distinct minutes (many ties), rows shuffled. */
const rowsArb = fc
  .tuple(
    ...[1, 2, 3].map((user) =>
      fc.array(
        fc.record({ user: fc.constant(user), event: fc.constantFrom(...EVENT_NAMES), minute: fc.integer({ min: 0, max: 5 }) }),
        { maxLength: 6 },
      ),
    ),
  )
  .chain((perUser) => fc.shuffledSubarray(perUser.flat(), { minLength: perUser.flat().length }));

const stepsArb = fc.array(fc.constantFrom(...STEP_NAMES), { minLength: 1, maxLength: 4 });
/** Window in minutes; 0 stands for a window of under a millisecond (same time only). */
const windowArb = fc.integer({ min: 0, max: 6 });

function run(rows: Row[], steps: string[], order: Order, withTimes: boolean, windowMinutes: number) {
  const col = (xs: unknown[]) => xs.map((x) => [x]);
  const windowDays = windowMinutes === 0 ? 1e-9 : windowMinutes / 1440;
  const times = withTimes ? col(rows.map((r) => BASE + r.minute / 1440)) : null;
  return funnel(col(steps), col(rows.map((r) => `u${r.user}`)), col(rows.map((r) => r.event)), times, windowDays, order);
}

/**
 * Biased towards users whose first attempt does not reach their furthest
 * step: one user, only step events, dense same-time groups, short windows,
 * so the earliest attempt reaching F has to be searched for.
 */
const denseRowsArb = fc.array(
  fc.record({ user: fc.constant(1), event: fc.constantFrom(...STEP_NAMES), minute: fc.integer({ min: 0, max: 4 }) }),
  { minLength: 2, maxLength: 7 },
);
const longStepsArb = fc.array(fc.constantFrom(...STEP_NAMES), { minLength: 2, maxLength: 4 });

describe.each<Order>(["ordered", "strict", "any"])("FUNNEL %s matches the brute-force reference", (order) => {
  it("dense same-time groups and short windows (the earliest attempt reaching F)", () => {
    fc.assert(
      fc.property(denseRowsArb, longStepsArb, fc.integer({ min: 0, max: 2 }), (rows, steps, windowMinutes) => {
        const out = run(rows, steps, order, true, windowMinutes);
        if (isOpsError(out)) throw new Error(out.message);
        const windowMs = Math.round((windowMinutes === 0 ? 1e-9 : windowMinutes / 1440) * DAY_MS);
        const expected = naiveFunnel(rows, steps, order, true, windowMs);
        expect(out.slice(1).map((r) => r[1])).toEqual(expected.users);
        expect(out.slice(1).map((r) => r[5])).toEqual(expected.medians);
      }),
      { numRuns: 1500 },
    );
  });

  it("with times and a window (users per step and median days)", () => {
    fc.assert(
      fc.property(rowsArb, stepsArb, windowArb, (rows, steps, windowMinutes) => {
        fc.pre(rows.length > 0);
        const out = run(rows, steps, order, true, windowMinutes);
        if (isOpsError(out)) throw new Error(out.message);
        const windowMs = Math.round((windowMinutes === 0 ? 1e-9 : windowMinutes / 1440) * DAY_MS);
        const expected = naiveFunnel(rows, steps, order, true, windowMs);
        expect(out.slice(1).map((r) => r[1])).toEqual(expected.users);
        out.slice(1).forEach((r, j) => {
          const want = expected.medians[j]!;
          if (want === "") expect(r[5]).toBe("");
          else expect(r[5] as number).toBeCloseTo(want, 12);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("without times (row order is time order, no window)", () => {
    fc.assert(
      fc.property(rowsArb, stepsArb, (rows, steps) => {
        fc.pre(rows.length > 0);
        const out = run(rows, steps, order, false, 1);
        if (isOpsError(out)) throw new Error(out.message);
        const expected = naiveFunnel(rows, steps, order, false, Infinity);
        expect(out.slice(1).map((r) => r[1])).toEqual(expected.users);
        expect(out[0]).toHaveLength(5);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// segments (first touch): the naive reference per segment

interface SegRow extends Row {
  segment: string;
}

/**
 * Expected blocks (segment label, users per step, medians per step), All
 * last: a user's segment is the segment of the step-1 row with the smallest
 * (time, row index); segments in order of that row's index; each block is
 * naiveFunnel over its users' rows.
 */
function naiveSegmented(rows: SegRow[], steps: string[], order: Order, withTimes: boolean, windowMs: number) {
  const timeOf = (r: SegRow, i: number) => (withTimes ? Math.round((BASE + r.minute / 1440) * DAY_MS) : i);
  const touch = new Map<number, { t: number; i: number; segment: string }>();
  rows.forEach((r, i) => {
    if (r.event !== steps[0]) return;
    const t = timeOf(r, i);
    const seen = touch.get(r.user);
    if (!seen || t < seen.t) touch.set(r.user, { t, i, segment: r.segment.trim() === "" ? "(blank)" : r.segment.trim() });
  });
  const firstRow = new Map<string, number>();
  for (const { i, segment } of touch.values()) firstRow.set(segment, Math.min(firstRow.get(segment) ?? Infinity, i));
  const segments = [...firstRow.keys()].sort((a, b) => firstRow.get(a)! - firstRow.get(b)!);
  const blocks = segments.map((segment) => {
    const users = new Set([...touch].filter(([, v]) => v.segment === segment).map(([u]) => u));
    // Row order kept (it is time order without times): filter, then index by original position.
    const own = rows.map((r, i) => ({ r, i })).filter(({ r }) => users.has(r.user));
    return { segment, ...naiveFunnelAt(own, steps, order, withTimes, windowMs) };
  });
  blocks.push({ segment: "All", ...naiveFunnelAt(rows.map((r, i) => ({ r, i })), steps, order, withTimes, windowMs) });
  return blocks;
}

/** naiveFunnel on a subset of rows, each keeping its original row index as the time without times. */
function naiveFunnelAt(rows: { r: Row; i: number }[], steps: string[], order: Order, withTimes: boolean, windowMs: number) {
  const byUser = new Map<number, Ev[]>();
  for (const { r, i } of rows) {
    const t = withTimes ? Math.round((BASE + r.minute / 1440) * DAY_MS) : i;
    byUser.set(r.user, [...(byUser.get(r.user) ?? []), { t, name: r.event }]);
  }
  const results = [...byUser.values()].map((evs) => naiveUser(evs, steps, order, withTimes ? windowMs : Infinity));
  const users = steps.map((_, j) => results.filter((r) => r.reach >= j + 1).length);
  const medians = steps.map((_, j) =>
    j === 0 ? "" : median(results.filter((r) => r.reach >= j + 1).map((r) => (r.done[j]! - r.done[j - 1]!) / DAY_MS)),
  );
  return { users, medians };
}

const segRowsArb = fc
  .tuple(
    ...[1, 2, 3, 4].map((user) =>
      fc.array(
        fc.record({
          user: fc.constant(user),
          event: fc.constantFrom(...EVENT_NAMES),
          minute: fc.integer({ min: 0, max: 5 }),
          segment: fc.constantFrom("ads", "seo", " ads", "", "Ads"),
        }),
        { maxLength: 5 },
      ),
    ),
  )
  .chain((perUser) => fc.shuffledSubarray(perUser.flat(), { minLength: perUser.flat().length }));

describe.each<Order>(["ordered", "strict", "any"])("FUNNEL %s with segments matches the reference per segment", (order) => {
  it.each([true, false])("with times: %s", (withTimes) => {
    fc.assert(
      fc.property(segRowsArb, stepsArb, windowArb, (rows, steps, windowMinutes) => {
        fc.pre(rows.length > 1);
        const col = (xs: unknown[]) => xs.map((x) => [x]);
        const windowDays = windowMinutes === 0 ? 1e-9 : windowMinutes / 1440;
        const times = withTimes ? col(rows.map((r) => BASE + r.minute / 1440)) : null;
        const out = funnel(col(steps), col(rows.map((r) => `u${r.user}`)), col(rows.map((r) => r.event)), times, windowDays, order, col(rows.map((r) => r.segment)));
        if (isOpsError(out)) throw new Error(out.message);
        const windowMs = Math.round(windowDays * DAY_MS);
        const expected = naiveSegmented(rows, steps, order, withTimes, windowMs);
        const k = steps.length;
        expect(out.length).toBe(1 + expected.length * k);
        expected.forEach((block, b) => {
          const got = out.slice(1 + b * k, 1 + (b + 1) * k);
          expect(got.map((r) => r[0])).toEqual(new Array(k).fill(block.segment));
          expect(got.map((r) => r[2])).toEqual(block.users);
          if (withTimes) {
            got.forEach((r, j) => {
              const want = block.medians[j]!;
              if (want === "") expect(r[6]).toBe("");
              else expect(r[6] as number).toBeCloseTo(want, 12);
            });
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
