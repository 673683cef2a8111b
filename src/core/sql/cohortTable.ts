/**
 * The last step shared by the retention and renewal queries: a CTE `shares`
 * holding one row per (output row, column) — is_all, ord, label, the fixed
 * columns, j (1-based output column), share — pivoted to the table Excel
 * shows: one row per cohort or segment in `ord` order, then the All row
 * (its label NULL), one column per requested period.
 */
import { Period } from "../metrics/retention";
import { periodColumn } from "./dialect";

export function pivotShares(labelColumn: string, fixed: readonly string[], period: Period, ks: readonly number[]): string {
  const columns = ks.map((k, i) => `  MAX(CASE WHEN j = ${i + 1} THEN share END) AS ${periodColumn(period, k)}`);
  const fixedColumns = fixed.map((name) => `  MAX(${name}) AS ${name}`);
  return [
    `SELECT`,
    [`  label AS ${labelColumn}`, ...fixedColumns, ...columns].join(",\n"),
    `FROM shares`,
    `GROUP BY is_all, ord, label`,
    `ORDER BY is_all, ord`,
  ].join("\n");
}

/** The requested offsets as a constant table ks(j, k): j the output column (1-based), k the offset. */
export function offsetsTable(ks: readonly number[]): string {
  return ks.map((k, i) => (i === 0 ? `SELECT 1 AS j, ${k} AS k` : `SELECT ${i + 1}, ${k}`)).join(" UNION ALL ");
}
