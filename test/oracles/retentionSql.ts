/**
 * OPS.RETENTION written as SQL for DuckDB: an independent reference for the
 * cross-check test and the bench.
 *
 *   (a) retentionSql(options)          the query, standard SQL over
 *                                      events(rn INTEGER, user_id VARCHAR, ts DOUBLE, segment VARCHAR)
 *   (b) loadEvents(connection, rows)   creates and fills `events` (Appender + data chunks)
 *   (c) runRetention(connection, opts) runs (a) and returns the grid retention() spills
 *
 * Loading is separate from the query so the bench can time the query alone.
 * `ts` is an Excel serial (fractions are times of day); `rn` is the row's
 * position, used only to break ties (a user's segment is the one on their
 * earliest row, ties: the first such row); a NULL segment is the blank one.
 * Rows must already be usable: non-blank trimmed user id, serial ≥ 1.
 */
import { DuckDBConnection, DuckDBDataChunk, DOUBLE, INTEGER, VARCHAR } from "@duckdb/node-api";
import { parseIsoSerial } from "../../src/core/dates";
import { cellText, isBlankCell } from "./cells";

export type SqlPeriod = "day" | "week" | "month";
export type SqlMode = "classic" | "unbounded";

export interface RetentionSqlOptions {
  period: SqlPeriod;
  /** The requested offsets in column order, e.g. [1,2,...,7] or [1,7,30]. */
  periods: readonly number[];
  mode: SqlMode;
  /** Group by the user's first segment instead of by cohort. */
  segments?: boolean;
}

/** One usable activity row: user id text, Excel serial, optional segment (null = blank). */
export type EventRow = readonly [userId: string, ts: number, segment?: string | null];

export const DEFAULT_PERIODS: Readonly<Record<SqlPeriod, number>> = { day: 7, week: 8, month: 6 };

/** Columns 1..n. */
export function firstN(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

// Excel serials: day 0 is 1899-12-30 from serial 61 (1900-03-01) on; below
// that Excel counts its fictional 1900-02-29 (serial 60), so Jan/Feb 1900 are
// fixed by hand.
const DAY = "(CAST(round(ts * 86400000) AS BIGINT) // 86400000)";
const MONTH_OF_DAY = (d: string): string =>
  `CASE WHEN ${d} <= 31 THEN 1900 * 12 WHEN ${d} < 61 THEN 1900 * 12 + 1 ` +
  `ELSE year(DATE '1899-12-30' + CAST(${d} AS INTEGER)) * 12 + month(DATE '1899-12-30' + CAST(${d} AS INTEGER)) - 1 END`;

function bucketExpr(period: SqlPeriod): string {
  if (period === "day") return DAY;
  if (period === "week") return `((${DAY} + 5) // 7)`; // weeks start on Monday (serial 2 is a Monday)
  return MONTH_OF_DAY(DAY);
}

/** Serial of the first day of a cohort bucket `g`. */
function cohortLabelExpr(period: SqlPeriod, g: string): string {
  if (period === "day") return `CAST(${g} AS DOUBLE)`;
  if (period === "week") return `CAST(${g} * 7 - 5 AS DOUBLE)`;
  const s = `date_diff('day', DATE '1899-12-30', make_date(CAST(${g} // 12 AS BIGINT), CAST(${g} % 12 + 1 AS BIGINT), 1))`;
  return `CAST(CASE WHEN ${s} < 61 THEN ${s} - 1 ELSE ${s} END AS DOUBLE)`;
}

/** A user's segment: the one on their earliest row (ties: lowest rn); segments ordered by first row. */
const SEGMENT_CTES = `fr AS (
  SELECT user_id, segment FROM (
    SELECT user_id, segment, row_number() OVER (PARTITION BY user_id ORDER BY ms, rn) AS rk FROM ev
  ) WHERE rk = 1
),
so AS (SELECT segment, min(rn) AS first_rn FROM ev GROUP BY segment),
`;

/**
 * (a) The query. Result columns, one row per (group, column) plus the All
 * rows (is_all = 1): is_all, grp (sort key), label_num, label_text, users,
 * j (output column), retained, eligible. A share is retained ÷ eligible; a
 * cell with eligible = 0 has not elapsed anywhere and is "".
 */
export function retentionSql(options: RetentionSqlOptions): string {
  const { period, periods, mode } = options;
  const bySegment = options.segments === true;
  if (periods.length === 0 || periods.some((k) => !Number.isInteger(k) || k < 1)) throw new Error("bad periods");
  const ks = periods.map((k, j) => `(${j}, ${k})`).join(", ");

  const groupOfUser = bySegment
    ? `SELECT u.user_id, u.c, u.l, so.first_rn AS grp, CAST(NULL AS DOUBLE) AS label_num, fr.segment AS label_text
       FROM u
       JOIN fr ON fr.user_id = u.user_id
       JOIN so ON so.segment IS NOT DISTINCT FROM fr.segment`
    : `SELECT u.user_id, u.c, u.l, u.c AS grp, ${cohortLabelExpr(period, "u.c")} AS label_num, CAST(NULL AS VARCHAR) AS label_text
       FROM u`;

  const retainedCte =
    mode === "classic"
      ? // exactly period c + k: distinct users with a row at that offset
        `hits AS (
          SELECT ug.grp, ks.j, count(DISTINCT ev.user_id) AS n
          FROM ev JOIN ug ON ug.user_id = ev.user_id JOIN ks ON ev.b - ug.c = ks.k
          GROUP BY ug.grp, ks.j
        ),`
      : // period c + k or later: the user's last period reaches it
        `hits AS (
          SELECT ug.grp, ks.j, count(*) AS n
          FROM ug JOIN ks ON ug.l - ug.c >= ks.k
          GROUP BY ug.grp, ks.j
        ),`;

  return `
WITH ev AS (
  SELECT rn, user_id, segment, CAST(round(ts * 86400000) AS BIGINT) AS ms, ${bucketExpr(period)} AS b
  FROM events
),
lim AS (SELECT max(b) AS m FROM ev),
ks(j, k) AS (VALUES ${ks}),
u AS (SELECT user_id, min(b) AS c, max(b) AS l FROM ev GROUP BY user_id),
${bySegment ? SEGMENT_CTES : ""}ug AS (${groupOfUser}),
${retainedCte}
sizes AS (SELECT grp, count(*) AS users, any_value(label_num) AS label_num, any_value(label_text) AS label_text FROM ug GROUP BY grp),
elig AS (
  SELECT ug.grp, ks.j, count(*) AS n
  FROM ug CROSS JOIN lim JOIN ks ON lim.m - ug.c >= ks.k
  GROUP BY ug.grp, ks.j
),
cells AS (
  SELECT s.grp, s.label_num, s.label_text, s.users, ks.j,
         coalesce(h.n, 0) AS retained, coalesce(e.n, 0) AS eligible
  FROM sizes s CROSS JOIN ks
  LEFT JOIN hits h ON h.grp = s.grp AND h.j = ks.j
  LEFT JOIN elig e ON e.grp = s.grp AND e.j = ks.j
)
SELECT 0 AS is_all, CAST(grp AS DOUBLE) AS grp, label_num, label_text, CAST(users AS DOUBLE) AS users, j,
       CAST(retained AS DOUBLE) AS retained, CAST(eligible AS DOUBLE) AS eligible
FROM cells
UNION ALL
SELECT 1, NULL, NULL, NULL, CAST((SELECT count(*) FROM u) AS DOUBLE), j,
       CAST(sum(retained) AS DOUBLE), CAST(sum(eligible) AS DOUBLE)
FROM cells GROUP BY j
ORDER BY is_all, grp, j`;
}

const CHUNK_ROWS = 2048;

/** (b) Creates `events` and fills it, a data chunk of 2048 rows at a time. */
export async function loadEvents(connection: DuckDBConnection, rows: readonly EventRow[]): Promise<void> {
  await connection.run(
    "CREATE OR REPLACE TABLE events(rn INTEGER, user_id VARCHAR, ts DOUBLE, segment VARCHAR)",
  );
  const appender = await connection.createAppender("events");
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const batch = rows.slice(start, start + CHUNK_ROWS);
    const chunk = DuckDBDataChunk.create([INTEGER, VARCHAR, DOUBLE, VARCHAR], batch.length);
    chunk.setColumns([
      batch.map((_, i) => start + i),
      batch.map((row) => row[0]),
      batch.map((row) => row[1]),
      batch.map((row) => row[2] ?? null),
    ]);
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

export interface SqlHeaders {
  cohort: string;
  segment: string;
  users: string;
  column: (period: SqlPeriod, k: number) => string;
  all: string;
  blankSegment: string;
}

export const ENGLISH_HEADERS: SqlHeaders = {
  cohort: "Cohort",
  segment: "Segment",
  users: "Users",
  column: (period, k) => `${period === "day" ? "Day" : period === "week" ? "Week" : "Month"} ${k}`,
  all: "All",
  blankSegment: "(blank)",
};

/** (c) Runs the query over the loaded `events` and shapes it like retention()'s grid. */
export async function runRetention(
  connection: DuckDBConnection,
  options: RetentionSqlOptions,
  headers: SqlHeaders = ENGLISH_HEADERS,
): Promise<(number | string)[][]> {
  const reader = await connection.runAndReadAll(retentionSql(options));
  return shapeGrid(reader.getRowsJS() as unknown[][], options, headers);
}

function shapeGrid(rows: unknown[][], options: RetentionSqlOptions, headers: SqlHeaders): (number | string)[][] {
  const width = options.periods.length;
  const grid: (number | string)[][] = [
    [
      options.segments ? headers.segment : headers.cohort,
      headers.users,
      ...options.periods.map((k) => headers.column(options.period, k)),
    ],
  ];
  let current: (number | string)[] | null = null;
  let currentKey: unknown = undefined;
  for (const [isAll, grp, labelNum, labelText, users, j, retained, eligible] of rows) {
    const key = isAll === 1 ? "all" : grp;
    if (current === null || key !== currentKey) {
      const label = isAll === 1 ? headers.all : options.segments ? (labelText ?? headers.blankSegment) : labelNum;
      current = [label as number | string, users as number, ...new Array<string>(width).fill("")];
      currentKey = key;
      grid.push(current);
    }
    current[2 + (j as number)] = (eligible as number) === 0 ? "" : (retained as number) / (eligible as number);
  }
  return grid;
}

/**
 * Excel-shaped columns (as retention() receives them) → usable rows: skips
 * rows whose id or date is blank (null, "", spaces, 0), trims ids, reads
 * numbers and ISO text dates. Other dates throw (the oracle has no #VALUE!).
 */
export function rowsFromColumns(ids: readonly unknown[], dates: readonly unknown[], segments?: readonly unknown[]): EventRow[] {
  const out: EventRow[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const date = dates[i];
    if (isBlankCell(id) || isBlankCell(date)) continue;
    const ts = typeof date === "number" ? date : parseIsoSerial(String(date));
    if (!(ts >= 1)) throw new Error(`row ${i + 1}: not a date`);
    const seg = segments?.[i];
    const segText = seg === null || seg === undefined || cellText(seg) === "" ? null : cellText(seg);
    out.push(segments ? [cellText(id), ts, segText] : [cellText(id), ts]);
  }
  return out;
}
