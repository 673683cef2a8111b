/**
 * OPS.RETENTION as SQL over events(user_id, ts [, segment]).
 *
 * The same definition as src/core/metrics/retention.ts: a user's cohort is
 * the period of their first event; column k holds the share of the cohort
 * active in exactly period cohort + k (`classic`) or in it or any later one
 * (`unbounded`); a column whose period is later than the period of the
 * latest event in the table has not elapsed (NULL, Excel's ""); the All row
 * weighs only the cohorts where the column has elapsed.
 *
 * With `segments` (a column of events): one row per segment instead of per
 * cohort. A user's segment is the one on their earliest event. Excel breaks
 * ties (two rows at the user's earliest time) and orders segments by row
 * order; a table has no row order, so give `rowOrder`, a column that sorts
 * rows as they were logged (an event id, a load sequence). Without it, ties
 * go to the alphabetically first segment and segments are ordered by their
 * earliest event (then name).
 *
 * With `startTable` (a start list such as signups(user_id, ts [, segment])):
 * only the users in it count, each in the cohort of the period of their
 * earliest start; activity in `events` only measures retention; the latest
 * period is the latest of both tables. With segments too, the segment column
 * is the start table's, a user's segment the one on their earliest start row
 * (ties by `rowOrder`, else the alphabetically first), and segments come in
 * order of their first user's earliest start row (without `rowOrder`: of
 * that row's time, then name).
 *
 * `measure` "revenue" or "payers" is revenue retention (OPS.RENEWAL) over
 * payments: see renewal.ts.
 */
import { MODE_WORDS, Mode, Period } from "../metrics/retention";
import { t } from "../i18n";
import { TableNames, banner, firstRowPerUser, identifier, notBlank, periodColumn, periodIndex, periodStart, tableNames, SqlOptionError } from "./dialect";
import { offsetsTable, pivotShares } from "./cohortTable";
import { onlyKnown, periodOption, periodsOption, word } from "./options";
import { RenewalSqlMeasure, renewalSql } from "./renewal";

export const RETENTION_SQL_MEASURES = ["users", "revenue", "payers"] as const;
export type RetentionSqlMeasure = (typeof RETENTION_SQL_MEASURES)[number];

export interface RetentionSqlOptions {
  /** "day" (default), "week" (Monday weeks) or "month". */
  period?: Period;
  /** N (columns 1..N; default 7 days, 8 weeks, 6 months) or a list such as [1, 7, 30]. */
  periods?: number | readonly number[];
  /** "classic" (default) or "unbounded". */
  mode?: Mode;
  /** Channel retention: true for the column `segment`, or the segment column's name. */
  segments?: boolean | string;
  /** A column giving the rows' logged order, to break ties as Excel's row order does (segments only). */
  rowOrder?: string;
  /** A start list table (user_id, ts [, segment]), e.g. signups: cohorts from it, only its users counted. */
  startTable?: string;
  /** "users" (default): activity retention; "revenue" / "payers": revenue retention (OPS.RENEWAL). */
  measure?: RetentionSqlMeasure;
  tables?: Partial<TableNames>;
}

const KNOWN = ["period", "periods", "mode", "segments", "rowOrder", "startTable", "measure", "tables"];

export function retentionSql(options: RetentionSqlOptions = {}): string {
  onlyKnown(options, KNOWN, "retention");
  const measure = word(options.measure, "measure", RETENTION_SQL_MEASURES, "users");
  if (measure !== "users") return revenueRetention(options, measure);

  const period = periodOption(options.period, "day");
  const ks = periodsOption(options.periods, period);
  const mode = word(options.mode, "mode", MODE_WORDS, "classic");
  const segment = segmentColumn(options.segments);
  if (options.rowOrder !== undefined && segment === null) throw new SqlOptionError("rowOrder only applies with segments");
  const rowOrder = options.rowOrder === undefined ? null : identifier(options.rowOrder, "rowOrder");
  const startTable = options.startTable === undefined ? null : identifier(options.startTable, "startTable");
  const { events } = tableNames(options.tables);

  const blankSegmentLabel = textOf(t("blankSegment"));
  const unit = period === "day" ? "day" : period === "week" ? "week (Monday to Sunday)" : "calendar month";
  const startColumns = `user_id VARCHAR, ts TIMESTAMP${segment ? `, ${segment} VARCHAR` : ""}${rowOrder ? `, ${rowOrder}` : ""}`;
  const head = banner(`OpsKit OPS.RETENTION: ${segment ? "channel retention" : "cohort retention"} by ${unit}, mode ${mode}, columns ${ks.join(", ")}${startTable ? `, cohorts from the start list ${startTable}` : ""}.`, [
    startTable
      ? `Input: ${startTable}(${startColumns}) (only these users count, cohort = period of their earliest ts) and ${events}(user_id VARCHAR, ts TIMESTAMP) (activity); rows with a blank user_id or a NULL ts are skipped.`
      : `Input: ${events}(${startColumns}); rows with a blank user_id or a NULL ts are skipped.`,
    `Output: ${segment ? `segment (text; '${blankSegmentLabel}' for a blank one)` : "cohort (DATE: the first day of the cohort's period)"}, users, then ${ks
      .map((k) => periodColumn(period, k))
      .join(", ")}:`,
    mode === "classic"
      ? `  the share of the users active in exactly ${period} k after their cohort's ${period};`
      : `  the share of the users active in ${period} k after their cohort's ${period} or any later ${period};`,
    `  NULL where that ${period} is later than the ${period} of the latest ${startTable ? "activity or start" : "event"} (not elapsed yet).`,
    `  The last row (${segment ? "segment" : "cohort"} NULL) is All: all users, each share weighted over the cohorts where it has elapsed.`,
  ]);

  const ev = segment && !startTable
    ? `SELECT TRIM(user_id) AS user_id, ts, ${periodIndex(period, "ts")} AS p, COALESCE(TRIM(${segment}), '') AS seg${rowOrder ? `, ${rowOrder} AS rn` : ""}
  FROM ${events}
  WHERE ${notBlank("user_id")} AND ts IS NOT NULL`
    : `SELECT TRIM(user_id) AS user_id, ts, ${periodIndex(period, "ts")} AS p
  FROM ${events}
  WHERE ${notBlank("user_id")} AND ts IS NOT NULL`;

  const ctes: [string, string][] = [["ev", ev]];
  if (startTable) {
    ctes.push(
      [
        "st",
        `SELECT TRIM(user_id) AS user_id, ts, ${periodIndex(period, "ts")} AS p${segment ? `, COALESCE(TRIM(${segment}), '') AS seg` : ""}${rowOrder ? `, ${rowOrder} AS rn` : ""}
  FROM ${startTable}
  WHERE ${notBlank("user_id")} AND ts IS NOT NULL`,
      ],
      ["lim", "SELECT MAX(p) AS m FROM (SELECT p FROM ev UNION ALL SELECT p FROM st) dated"],
      ["ks", offsetsTable(ks)],
      [
        // Only listed users; the last active period from the activity (NULL without any).
        "u",
        `SELECT s.user_id, s.c, a.l, s.first_ts
  FROM (SELECT user_id, MIN(p) AS c, MIN(ts) AS first_ts FROM st GROUP BY user_id) s
  LEFT JOIN (SELECT user_id, MAX(p) AS l FROM ev GROUP BY user_id) a ON a.user_id = s.user_id`,
      ],
    );
  } else {
    ctes.push(
      ["lim", "SELECT MAX(p) AS m FROM ev"],
      ["ks", offsetsTable(ks)],
      ["u", "SELECT user_id, MIN(p) AS c, MAX(p) AS l, MIN(ts) AS first_ts FROM ev GROUP BY user_id"],
    );
  }
  if (segment) {
    ctes.push(
      ["first_seg", firstRowPerUser(startTable ? "st" : "ev", rowOrder !== null)],
      [
        // Without a start list: by the segment's first row; with one: by its first user's earliest start row.
        "seg_order",
        rowOrder
          ? `SELECT seg, MIN(rn) AS ord FROM ${startTable ? "first_seg" : "ev"} GROUP BY seg`
          : `SELECT seg, ROW_NUMBER() OVER (ORDER BY MIN(ts), seg) AS ord FROM ${startTable ? "first_seg" : "ev"} GROUP BY seg`,
      ],
      ["ug", "SELECT u.user_id, u.c, u.l, u.first_ts, f.seg AS grp FROM u JOIN first_seg f ON f.user_id = u.user_id"],
      [
        "grp",
        `SELECT ug.grp, COUNT(*) AS users, MIN(s.ord) AS ord,
         CASE WHEN ug.grp = '' THEN '${blankSegmentLabel}' ELSE ug.grp END AS label
  FROM ug JOIN seg_order s ON s.seg = ug.grp
  GROUP BY ug.grp`,
      ],
    );
  } else {
    ctes.push(
      ["ug", "SELECT user_id, c, l, first_ts, c AS grp FROM u"],
      ["grp", `SELECT grp, COUNT(*) AS users, grp AS ord, ${periodStart(period, "MIN(first_ts)")} AS label FROM ug GROUP BY grp`],
    );
  }
  ctes.push(
    [
      "hits",
      mode === "classic"
        ? `SELECT ug.grp, ks.j, COUNT(DISTINCT ug.user_id) AS n
  FROM ev JOIN ug ON ug.user_id = ev.user_id JOIN ks ON ev.p - ug.c = ks.k
  GROUP BY ug.grp, ks.j`
        : `SELECT ug.grp, ks.j, COUNT(*) AS n
  FROM ug JOIN ks ON ug.l - ug.c >= ks.k
  GROUP BY ug.grp, ks.j`,
    ],
    [
      "elig",
      `SELECT ug.grp, ks.j, COUNT(*) AS n
  FROM ug CROSS JOIN lim JOIN ks ON lim.m - ug.c >= ks.k
  GROUP BY ug.grp, ks.j`,
    ],
    [
      "cells",
      `SELECT g.grp, ks.j, COALESCE(h.n, 0) AS retained, COALESCE(e.n, 0) AS eligible
  FROM grp g CROSS JOIN ks
  LEFT JOIN hits h ON h.grp = g.grp AND h.j = ks.j
  LEFT JOIN elig e ON e.grp = g.grp AND e.j = ks.j`,
    ],
    [
      "shares",
      `SELECT 0 AS is_all, g.ord, g.label, g.users, c.j,
         CASE WHEN c.eligible > 0 THEN CAST(c.retained AS DOUBLE PRECISION) / c.eligible END AS share
  FROM grp g JOIN cells c ON c.grp = g.grp
  UNION ALL
  SELECT 1, 0, CAST(NULL AS ${segment ? "VARCHAR" : "DATE"}), (SELECT COUNT(*) FROM u), j,
         CASE WHEN SUM(eligible) > 0 THEN CAST(SUM(retained) AS DOUBLE PRECISION) / SUM(eligible) END
  FROM cells GROUP BY j`,
    ],
  );
  return `${head}\nWITH ${ctes.map(([name, body]) => `${name} AS (\n  ${body}\n)`).join(",\n")}\n${pivotShares(segment ? "segment" : "cohort", ["users"], period, ks)}\n`;
}

/** A label inside a SQL text literal (quotes doubled). */
function textOf(label: string): string {
  return label.replace(/'/g, "''");
}

function segmentColumn(value: unknown): string | null {
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return "segment";
  return identifier(value, "segments");
}

function revenueRetention(options: RetentionSqlOptions, measure: RenewalSqlMeasure): string {
  if (options.segments !== undefined && options.segments !== false) {
    throw new SqlOptionError(`segments apply to measure users only (got measure ${measure})`);
  }
  if (options.rowOrder !== undefined) throw new SqlOptionError(`rowOrder applies to measure users only (got measure ${measure})`);
  if (options.startTable !== undefined) throw new SqlOptionError(`startTable applies to measure users only (got measure ${measure})`);
  const mode = word(options.mode, "mode", MODE_WORDS, "classic");
  if (mode !== "classic") throw new SqlOptionError(`measure ${measure} is revenue retention, which has no unbounded mode`);
  return renewalSql({ period: options.period, periods: options.periods, measure, tables: options.tables });
}
