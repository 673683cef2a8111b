/**
 * TIER written as SQL, for the DuckDB cross-check: the contract's definitions
 * as window functions, independent of the TypeScript implementation.
 *
 * Input table: `<table>(i INTEGER, v DOUBLE)`, one row per cell, v NULL for a
 * blank or text cell. Output rows: (i, tier) ordered by i; tier is the 0-based
 * tier index, -1 for a NULL value.
 *
 * - pareto: before = SUM of the positive values strictly greater than v
 *   (a RANGE frame over v DESC that EXCLUDEs the current GROUP of ties)
 *   ÷ SUM of all positive values.
 * - rank: the same with COUNT instead of SUM.
 * - threshold: the first cutoff ≤ v.
 */
import type { TierMethod } from "../../src/core/metrics/tier";

/** A DOUBLE literal that parses back to exactly `x`. */
export function doubleLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return `CAST('${String(x)}' AS DOUBLE)`;
}

/** Statements that (re)create `table` holding the given cells (null = blank/text). */
export function loadValuesSql(table: string, values: readonly (number | null)[]): string {
  const rows = values.map((v, i) => `(${i}, ${v === null ? "NULL" : doubleLiteral(v)})`);
  const create = `CREATE OR REPLACE TABLE ${table} (i INTEGER, v DOUBLE);`;
  return rows.length === 0 ? create : `${create}\nINSERT INTO ${table} VALUES ${rows.join(",\n")};`;
}

export function tierSql(table: string, method: TierMethod, cutoffs: readonly number[]): string {
  const last = cutoffs.length;
  if (method === "threshold") {
    const whens = cutoffs.map((c, t) => `WHEN v >= ${doubleLiteral(c)} THEN ${t}`).join(" ");
    return `SELECT i, CASE WHEN v IS NULL THEN -1 ${whens} ELSE ${last} END AS tier FROM ${table} ORDER BY i`;
  }
  const agg = method === "pareto" ? "SUM(v)" : "COUNT(*)";
  const whens = cutoffs.map((c, t) => `WHEN s.before < ${doubleLiteral(c)} THEN ${t}`).join(" ");
  return `
WITH shares AS (
  SELECT i,
         CAST(COALESCE(${agg} OVER greater, 0) AS DOUBLE) / CAST(${agg} OVER () AS DOUBLE) AS before
  FROM ${table}
  WHERE v > 0
  WINDOW greater AS (ORDER BY v DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP)
)
SELECT t.i,
       CASE WHEN t.v IS NULL THEN -1
            WHEN t.v <= 0 THEN ${last}
            ${whens}
            ELSE ${last} END AS tier
FROM ${table} t LEFT JOIN shares s ON s.i = t.i
ORDER BY t.i`;
}
