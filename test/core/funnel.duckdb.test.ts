/**
 * Cross-check of FUNNEL (order "ordered", with a window) against the same
 * definition written as SQL in DuckDB (test/oracles/funnelSql.ts), on random
 * data: several seeds, a few thousand rows, many users, many same-time
 * events (date-only days and coarse minutes), noise events between steps.
 */
import fc from "fast-check";
import { useDuckDb } from "../support/duckdb";
import { funnel } from "../../src/core/metrics/funnel";
import { Grid, isOpsError } from "../../src/core/errors";
import { funnelRowsFromColumns, loadEvents, runFunnel, windowMsOfDays } from "../oracles/funnelSql";
import { seededRandom } from "../../src/core/generators/sampleData";

const db = useDuckDb();

/** The project's seeded PRNG (mulberry32), so every case is reproducible. */
const prng = seededRandom;

interface Data {
  ids: unknown[][];
  events: unknown[][];
  times: unknown[][];
}

const STEPS = ["browse", "register", "try", "pay"];
const NOISE = ["view_docs", "open_app"];

/**
 * `rows` event rows for `users` users over `days` days. With `minutes`, times
 * fall on a 30-minute grid (ties within a day); otherwise they are whole days
 * (date-only data: many ties). Rows are shuffled, so row order is not time order.
 */
function randomData(seed: number, rows: number, users: number, days: number, minutes: boolean): Data {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const ids: unknown[][] = [];
  const events: unknown[][] = [];
  const times: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const user = Math.floor(random() * users);
    // Earlier steps are more frequent, as in a real funnel.
    const event = random() < 0.8 ? STEPS[Math.min(3, Math.floor(-Math.log(1 - random()) * 1.5))]! : pick(NOISE);
    const day = 46000 + Math.floor(random() * days);
    const time = minutes ? day + Math.floor(random() * 48) / 48 : day;
    // Ids as numbers or text of the same number: one user either way.
    ids.push([random() < 0.5 ? user + 1 : String(user + 1)]);
    events.push([event]);
    times.push([time]);
  }
  return { ids, events, times };
}

function opsUsers(data: Data, windowDays: number | null, withTimes: boolean): number[] {
  const stepsArg = STEPS.map((s) => [s]);
  const out = funnel(stepsArg, data.ids, data.events, withTimes ? data.times : null, windowDays, "ordered");
  if (isOpsError(out)) throw new Error(out.message);
  return (out as Grid).slice(1).map((row) => row[1] as number);
}

async function duckUsers(data: Data, windowDays: number | null, withTimes: boolean): Promise<number[]> {
  const rows = funnelRowsFromColumns(
    data.ids.map((r) => r[0]),
    data.events.map((r) => r[0]),
    withTimes ? data.times.map((r) => r[0]) : null,
  );
  await loadEvents(db.connection, rows);
  return runFunnel(db.connection, STEPS, withTimes ? windowMsOfDays(windowDays ?? 14) : null);
}

describe("FUNNEL ordered vs DuckDB SQL", () => {
  it.each([
    // seed  rows  users  days  minutes  window_days
    [1,      3000,  200,   40,   false,   null],
    [2,      3000,  200,   40,   false,   3],
    [3,      4000,  150,   20,   true,    1],
    [4,      4000,  150,   20,   true,    0.5],
    [5,      2000,   60,   60,   true,    7],
    [6,      5000,  100,   10,   false,   1],
    [7,      3000,   20,    3,   true,    2 / 48],
  ])("seed %i: %i rows, %i users over %i days (minutes: %s), window %p", async (seed, rows, users, days, minutes, windowDays) => {
    const data = randomData(seed, rows, users, days, minutes);
    const ops = opsUsers(data, windowDays, true);
    expect(ops).toEqual(await duckUsers(data, windowDays, true));
    // Not every user converts: the data exercise every step.
    expect(ops[0]).toBeGreaterThan(ops[3]!);
    expect(ops[3]).toBeGreaterThan(0);
  });

  it.each([11, 12, 13])("seed %i without times: row order is time order, no window", async (seed) => {
    const data = randomData(seed, 3000, 300, 30, false);
    expect(opsUsers(data, null, false)).toEqual(await duckUsers(data, null, false));
  });

  it("agrees on small random data (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1 / 48, 0.25, 1, 2, 14),
        async (seed, rows, users, windowDays) => {
          const data = randomData(seed, rows, users, 6, true);
          expect(opsUsers(data, windowDays, true)).toEqual(await duckUsers(data, windowDays, true));
        },
      ),
      { numRuns: 60 },
    );
  });
});
