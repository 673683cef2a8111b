/**
 * OPS.RENEWAL (revenue retention) as SQL over payments(user_id, amount, ts).
 *
 * The same definition as src/core/metrics/renewal.ts:
 * - A user's net amount in a period is the sum of their amounts there (NULL
 *   counts 0, refunds are negative). They pay in that period when the net is
 *   positive beyond rounding: net > 1e-9 × the sum of the absolute amounts.
 * - Their cohort is the first period in which they pay; users who never pay
 *   are in no cohort. A cohort's revenue is its users' net in that period.
 * - measure "revenue" (default): column k = the cohort's net revenue in
 *   period cohort + k ÷ its revenue in the cohort period (refunds make it
 *   smaller, expansion can take it above 1: net revenue retention);
 *   "payers": the share of the cohort's payers who pay again in period
 *   cohort + k.
 * - A column whose period is later than the period of the latest payment row
 *   (any amount) has not elapsed: NULL (Excel's ""); the All row weighs only
 *   the cohorts where it has elapsed.
 */
import { Period } from "../metrics/retention";
import { NET_EPSILON, RENEWAL_DEFAULT_PERIOD, RENEWAL_MEASURES, RenewalMeasure } from "../metrics/renewal";
import { TableNames, banner, doubleLiteral, notBlank, periodColumn, periodIndex, periodStart, tableNames } from "./dialect";
import { offsetsTable, pivotShares } from "./cohortTable";
import { onlyKnown, periodOption, periodsOption, word } from "./options";

export type RenewalSqlMeasure = RenewalMeasure;

export interface RenewalSqlOptions {
  /** "month" (default), "week" (Monday weeks) or "day". */
  period?: Period;
  /** N (columns 1..N; default 6 months, 8 weeks, 7 days) or a list such as [1, 3, 12]. */
  periods?: number | readonly number[];
  /** "revenue" (default) or "payers". */
  measure?: RenewalMeasure;
  tables?: Partial<TableNames>;
}

const KNOWN = ["period", "periods", "measure", "tables"];

export function renewalSql(options: RenewalSqlOptions = {}): string {
  onlyKnown(options, KNOWN, "renewal");
  const period = periodOption(options.period, RENEWAL_DEFAULT_PERIOD);
  const ks = periodsOption(options.periods, period);
  const measure = word(options.measure, "measure", RENEWAL_MEASURES, "revenue");
  const { payments } = tableNames(options.tables);

  const head = banner(`OpsKit OPS.RENEWAL: ${measure === "revenue" ? "net revenue retention" : "payer retention"} by ${period}, columns ${ks.join(", ")}.`, [
    `Input: ${payments}(user_id VARCHAR, amount DOUBLE or DECIMAL, ts TIMESTAMP); rows with a blank user_id or a NULL ts are skipped, a NULL amount counts 0.`,
    `A user pays in a ${period} when their net amount there (refunds negative) is > 0; their cohort is the first ${period} they pay in.`,
    `Output: cohort (DATE: the first day of the cohort's ${period}), payers, revenue (the cohort's net amount in that ${period}), then ${ks
      .map((k) => periodColumn(period, k))
      .join(", ")}:`,
    measure === "revenue"
      ? `  the cohort's net amount in ${period} k after its cohort ${period} ÷ its revenue;`
      : `  the share of the cohort's payers who pay again in ${period} k after its cohort ${period};`,
    `  NULL where that ${period} is later than the ${period} of the latest payment row (not elapsed yet).`,
    `  The last row (cohort NULL) is All: totals, each share weighted over the cohorts where it has elapsed.`,
  ]);

  const ctes: [string, string][] = [
    [
      "pay",
      `SELECT TRIM(user_id) AS user_id, ts, COALESCE(amount, 0) AS amount, ${periodIndex(period, "ts")} AS p
  FROM ${payments}
  WHERE ${notBlank("user_id")} AND ts IS NOT NULL`,
    ],
    ["lim", "SELECT MAX(p) AS m FROM pay"],
    ["ks", offsetsTable(ks)],
    // Net and gross amount per user and period.
    ["up", "SELECT user_id, p, SUM(amount) AS net, SUM(ABS(amount)) AS gross, MIN(ts) AS first_ts FROM pay GROUP BY user_id, p"],
    ["paying", `SELECT user_id, p, net, first_ts FROM up WHERE net > ${doubleLiteral(NET_EPSILON)} * gross`],
    ["u", "SELECT user_id, MIN(p) AS c FROM paying GROUP BY user_id"],
    [
      "cohorts",
      `SELECT u.c, COUNT(*) AS payers, SUM(pg.net) AS revenue, MIN(pg.first_ts) AS first_ts
  FROM u JOIN paying pg ON pg.user_id = u.user_id AND pg.p = u.c
  GROUP BY u.c`,
    ],
    [
      "hits",
      measure === "revenue"
        ? `SELECT u.c, ks.j, SUM(up.net) AS n
  FROM u CROSS JOIN ks JOIN up ON up.user_id = u.user_id AND up.p = u.c + ks.k
  GROUP BY u.c, ks.j`
        : `SELECT u.c, ks.j, COUNT(*) AS n
  FROM u CROSS JOIN ks JOIN paying pg ON pg.user_id = u.user_id AND pg.p = u.c + ks.k
  GROUP BY u.c, ks.j`,
    ],
    [
      "cells",
      `SELECT co.c, ks.j, CASE WHEN co.c + ks.k <= lim.m THEN 1 ELSE 0 END AS elapsed,
         COALESCE(h.n, 0) AS num, co.${measure === "revenue" ? "revenue" : "payers"} AS den
  FROM cohorts co CROSS JOIN ks CROSS JOIN lim
  LEFT JOIN hits h ON h.c = co.c AND h.j = ks.j`,
    ],
    [
      "shares",
      `SELECT 0 AS is_all, co.c AS ord, ${periodStart(period, "co.first_ts")} AS label, co.payers, co.revenue, ce.j,
         CASE WHEN ce.elapsed = 1 THEN CAST(ce.num AS DOUBLE PRECISION) / ce.den END AS share
  FROM cohorts co JOIN cells ce ON ce.c = co.c
  UNION ALL
  SELECT 1, 0, CAST(NULL AS DATE), (SELECT SUM(payers) FROM cohorts), (SELECT SUM(revenue) FROM cohorts), j,
         CAST(SUM(CASE WHEN elapsed = 1 THEN num END) AS DOUBLE PRECISION) / SUM(CASE WHEN elapsed = 1 THEN den END)
  FROM cells GROUP BY j`,
    ],
  ];
  return `${head}\nWITH ${ctes.map(([name, body]) => `${name} AS (\n  ${body}\n)`).join(",\n")}\n${pivotShares("cohort", ["payers", "revenue"], period, ks)}\n`;
}
