/**
 * Cross-check of RETENTION against the same definition written as SQL in
 * DuckDB (test/oracles/retentionSql.ts), on random data: several seeds, a few
 * thousand rows, every period and mode, with and without segments, periods
 * as N and as a list. Both sides divide the same integer counts, so the grids
 * must be equal exactly.
 */
import { useDuckDb } from "../support/duckdb";
import { retention } from "../../src/core/metrics/retention";
import { Grid, isOpsError } from "../../src/core/errors";
import { DEFAULT_PERIODS, SqlMode, SqlPeriod, firstN, loadEvents, rowsFromColumns, runRetention } from "../oracles/retentionSql";
import { seededRandom } from "../../src/core/generators/sampleData";

const db = useDuckDb();

/** The project's seeded PRNG (mulberry32), so every case is reproducible. */
const prng = seededRandom;

interface Data {
  ids: unknown[][];
  dates: unknown[][];
  segments: unknown[][];
}

/**
 * `rows` rows for `users` users from serial `start` over `days` days. Users
 * return with decaying probability, times fall on a 30-minute grid (many
 * same-time ties), ids come as text, numbers or padded text, and a few rows
 * are blank the ways Excel sends them.
 */
function makeData(seed: number, rows: number, users: number, start: number, days: number): Data {
  const rnd = prng(seed);
  const data: Data = { ids: [], dates: [], segments: [] };
  const channels = ["ads", "seo", "partner", " ads ", null, ""];
  for (let i = 0; i < rows; i++) {
    const u = Math.floor(rnd() * users);
    const id = u % 7 === 0 ? u + 1 : u % 5 === 0 ? ` user${u} ` : `user${u}`;
    // Users arrive early in the range and return less often later.
    const arrival = Math.floor(rnd() * rnd() * days);
    const day = Math.min(days - 1, arrival + Math.floor(-Math.log(1 - rnd()) * 6));
    const date = start + day + Math.floor(rnd() * 48) / 48;
    const blank = rnd();
    data.ids.push([blank < 0.01 ? null : blank < 0.02 ? 0 : id]);
    data.dates.push([blank > 0.99 ? "" : blank > 0.985 ? 0 : date]);
    data.segments.push([channels[Math.floor(rnd() * channels.length)]]);
  }
  return data;
}

const DATASETS: [string, Data][] = [
  ["seed 1: 3000 rows, 300 users, 100 days", makeData(1, 3000, 300, 46_000, 100)],
  ["seed 2: 4000 rows, 150 users, 400 days", makeData(2, 4000, 150, 45_600, 400)],
  ["seed 3: 2000 rows, 800 users, 30 days", makeData(3, 2000, 800, 46_080, 30)],
  ["seed 4: early 1900 (Excel's fictional 29 Feb)", makeData(4, 1500, 100, 1, 150)],
];

const PERIODS: SqlPeriod[] = ["day", "week", "month"];
const MODES: SqlMode[] = ["classic", "unbounded"];
const LISTS: Record<SqlPeriod, number[]> = { day: [1, 7, 30, 2], week: [4, 1], month: [1, 3, 12] };

function opskit(data: Data, period: SqlPeriod, periods: unknown, mode: SqlMode, bySegment: boolean): Grid {
  const result = retention(data.ids, data.dates, period, periods, mode, bySegment ? data.segments : null);
  if (isOpsError(result)) throw new Error(`${result.code} ${result.message}`);
  return result;
}

describe.each(DATASETS)("RETENTION equals DuckDB SQL (%s)", (_name, data) => {
  beforeAll(async () => {
    const col = (m: unknown[][]): unknown[] => m.map((r) => r[0]);
    await loadEvents(db.connection, rowsFromColumns(col(data.ids), col(data.dates), col(data.segments)));
  });

  const cases: [SqlPeriod, SqlMode, boolean, "N" | "list"][] = [];
  for (const period of PERIODS) for (const mode of MODES) for (const seg of [false, true]) for (const form of ["N", "list"] as const) cases.push([period, mode, seg, form]);

  it.each(cases)("%s, %s, segments %s, periods as %s", async (period, mode, bySegment, form) => {
    const ks = form === "N" ? firstN(DEFAULT_PERIODS[period]) : LISTS[period];
    const mine = opskit(data, period, form === "N" ? null : [ks], mode, bySegment);
    const sql = await runRetention(db.connection, { period, periods: ks, mode, segments: bySegment });
    expect(mine).toEqual(sql);
    expect(mine.length).toBeGreaterThan(2);
  });
});
