/**
 * The SQL dialect OpsKit generates: the metric definitions as plain SQL a
 * warehouse can run (README, "Metric definitions as SQL"; each metric's
 * definition is its page under docs/functions/). DuckDB runs it as is, and
 * the tests prove it equal to the TypeScript metrics there.
 *
 * Input tables (names may be changed with the `tables` option):
 *   events(user_id VARCHAR, event VARCHAR, ts TIMESTAMP [, segment VARCHAR])
 *   payments(user_id VARCHAR, amount DOUBLE/DECIMAL, ts TIMESTAMP)
 *   customers(id VARCHAR, value DOUBLE/DECIMAL)
 *
 * Dialect assumptions (SQL:2003 core + window functions, plus three common
 * extensions, each written in exactly one helper below so a port changes one
 * place):
 * - Times are TIMESTAMP WITHOUT TIME ZONE columns, not Excel serials. A day
 *   is CAST(ts AS DATE); a day number is `CAST(ts AS DATE) - DATE
 *   '1970-01-01'` (date minus date = whole days: DuckDB, PostgreSQL,
 *   Redshift, Snowflake; BigQuery: DATE_DIFF(DATE(ts), DATE '1970-01-01',
 *   DAY), Trino: date_diff('day', DATE '1970-01-01', CAST(ts AS DATE))).
 * - Weeks and months are `date_trunc('week' | 'month', ts)`, weeks starting
 *   on Monday (ISO) as in DuckDB, PostgreSQL, Redshift, Trino and Snowflake
 *   with its default WEEK_START = 0; BigQuery: TIMESTAMP_TRUNC(ts, ISOWEEK).
 *   Month numbers use the standard EXTRACT(YEAR/MONTH FROM ts).
 * - Gaps in milliseconds (the funnel's median days) use EXTRACT(EPOCH FROM
 *   ts) (DuckDB, PostgreSQL, Redshift; Snowflake: DATE_PART(EPOCH_MILLISECOND,
 *   ts) / 1000; BigQuery: UNIX_MILLIS(ts) / 1000), and the median is the
 *   ordered-set aggregate PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY …).
 * - Window lengths are standard interval literals: INTERVAL '14' DAY, or
 *   INTERVAL '43200.5' SECOND for a fraction of a day.
 * - Text compares with `=`, case-sensitively (as in Excel's OpsKit: a
 *   case-insensitive collation, e.g. SQL Server's default, would merge ids).
 *   Ids, events and segments are TRIM()med; NULL or '' (after trimming)
 *   is blank. TRIM removes spaces only, where Excel's OpsKit also trims tabs
 *   and line breaks.
 * - No DuckDB-only syntax: no ASOF JOIN (the funnel is a join + MIN per
 *   attempt), no `//`, no QUALIFY, no EXCLUDE frames, no VALUES lists, no
 *   NULLS FIRST/LAST. Integer division is avoided (shares CAST to DOUBLE
 *   PRECISION first), so DuckDB's `/` (always fractional) and PostgreSQL's
 *   (integer for integers) agree.
 *
 * Excel-only input rules do not apply in a warehouse: the number 0 as a blank
 * id (Excel for Windows sends empty cells as 0) and Excel's fictional
 * 1900-02-29 (a TIMESTAMP before 1900-03-01 is one day off the Excel serial).
 * OpsKit rounds Excel serials to the millisecond; warehouse timestamps are
 * used as they are (microseconds included).
 *
 * Pure: builds text only, imports no database driver.
 */
import type { Period } from "../metrics/retention";

/** A bad option for a SQL generator: the message says which and why. */
export class SqlOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlOptionError";
  }
}

export interface TableNames {
  events: string;
  payments: string;
  customers: string;
}

export const DEFAULT_TABLES: Readonly<TableNames> = { events: "events", payments: "payments", customers: "customers" };

/** `name` or `schema.name` or `catalog.schema.name`, unquoted identifiers only. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*){0,2}$/;

/** Checks a table or column name; returns it unchanged (unquoted identifiers cannot inject anything). */
export function identifier(name: unknown, what: string): string {
  if (typeof name !== "string" || !IDENTIFIER.test(name.trim())) {
    throw new SqlOptionError(
      `${what} must be a table or column name such as events or analytics.events (letters, digits, _ and $; got ${JSON.stringify(name)})`,
    );
  }
  return name.trim();
}

/** The three table names, defaults filled in and each checked. */
export function tableNames(tables: Partial<TableNames> | undefined): TableNames {
  const given = tables ?? {};
  return {
    events: identifier(given.events ?? DEFAULT_TABLES.events, "tables.events"),
    payments: identifier(given.payments ?? DEFAULT_TABLES.payments, "tables.payments"),
    customers: identifier(given.customers ?? DEFAULT_TABLES.customers, "tables.customers"),
  };
}

/** A text literal: single quotes, embedded quotes doubled. */
export function textLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A DOUBLE PRECISION literal that reads back as exactly `x` (JS prints the shortest round-trip form). */
export function doubleLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new SqlOptionError(`not a finite number: ${x}`);
  return `CAST(${String(x)} AS DOUBLE PRECISION)`;
}

/** `expr` as a share: DOUBLE PRECISION numerator over a denominator that is NULL when 0. */
export function ratio(numerator: string, denominator: string): string {
  return `CAST(${numerator} AS DOUBLE PRECISION) / NULLIF(${denominator}, 0)`;
}

/** Whole days since 1970-01-01 of a TIMESTAMP (the one date-difference expression). */
export function dayNumber(ts: string): string {
  return `(CAST(${ts} AS DATE) - DATE '1970-01-01')`;
}

/** First day (DATE) of the period holding `ts`: the day, its Monday, the 1st of the month. */
export function periodStart(period: Period, ts: string): string {
  if (period === "day") return `CAST(${ts} AS DATE)`;
  return `CAST(date_trunc('${period}', ${ts}) AS DATE)`;
}

/**
 * An integer per period, consecutive periods consecutive integers, so that
 * "k periods after the cohort" is p = c + k.
 * day: days since 1970-01-01; week: Mondays since 1970-01-05 (a Monday);
 * month: year * 12 + month - 1.
 */
export function periodIndex(period: Period, ts: string): string {
  if (period === "day") return dayNumber(ts);
  if (period === "week") {
    // A difference of Mondays is a multiple of 7: exact under integer and fractional division alike.
    return `CAST((${periodStart("week", ts)} - DATE '1970-01-05') / 7 AS INTEGER)`;
  }
  return `(EXTRACT(YEAR FROM ${ts}) * 12 + EXTRACT(MONTH FROM ${ts}) - 1)`;
}

/** Milliseconds from `from` to `to` (two TIMESTAMPs), a whole number. */
export function gapMs(from: string, to: string): string {
  return `ROUND((EXTRACT(EPOCH FROM ${to}) - EXTRACT(EPOCH FROM ${from})) * 1000)`;
}

export const MS_PER_DAY = 86_400_000;

/** An interval of `ms` milliseconds: whole days as DAY, else seconds with milliseconds. */
export function intervalMs(ms: number): string {
  if (ms % MS_PER_DAY === 0) return `INTERVAL '${ms / MS_PER_DAY}' DAY`;
  return `INTERVAL '${(ms / 1000).toFixed(3)}' SECOND`;
}

/** Non-blank text: not NULL and not empty after trimming. */
export function notBlank(column: string): string {
  return `${column} IS NOT NULL AND TRIM(${column}) <> ''`;
}

/**
 * Each user's first row of `source` (a table, optionally with its WHERE
 * clause): user_id, seg, ts (and rn with a row-order column). Earliest ts
 * first; equal times are broken by rn (Excel's row order) or else by seg.
 * Channel retention and funnel first touch both give a user this segment.
 */
export function firstRowPerUser(source: string, rowOrder: boolean): string {
  const columns = `user_id, seg, ts${rowOrder ? ", rn" : ""}`;
  const tieBreak = rowOrder ? "ts, rn" : "ts, seg";
  return `SELECT ${columns} FROM (
    SELECT ${columns}, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ${tieBreak}) AS rk FROM ${source}
  ) ranked WHERE rk = 1`;
}

/** Column name of offset k: day_7, week_4, month_12. */
export function periodColumn(period: Period, k: number): string {
  return `${period}_${k}`;
}

/** The SQL comment lines that open every generated query. */
export function banner(title: string, lines: readonly string[]): string {
  const all = [title, ...lines, "Dialect: standard SQL with window functions; see README \"Metric definitions as SQL\"."];
  return all.map((l) => `-- ${l}`).join("\n");
}
