/**
 * OPS.TIER as SQL over customers(id, value): one tier label per customer.
 *
 * The same definition as src/core/metrics/tier.ts:
 * - pareto (cutoffs default 0.5, 0.8, 0.95, strictly increasing in (0, 1]):
 *   for a positive value v, before = (sum of the values greater than v) ÷
 *   (sum of all positive values); the tier is the first whose cutoff is
 *   greater than `before` (by more than 1e-12, as in Excel), else the last.
 *   Equal values share a tier; zero and negative values get the last tier.
 * - rank (cutoffs default 0.1, 0.3, 0.6): the same with counts.
 * - threshold (cutoffs required, strictly decreasing): the first tier whose
 *   cutoff ≤ value, else the last.
 * A NULL value has no tier (NULL, Excel's ""). Manual overrides stay in
 * Excel (OPS.TIER's `overrides`).
 *
 * Portable formulation: positive values grouped by value, then a running sum
 * over the groups with a ROWS frame (no EXCLUDE GROUP, which few warehouses
 * support).
 */
import { DEFAULT_CUTOFFS, DEFAULT_LABELS, SHARE_EPSILON, TIER_METHODS, TierMethod } from "../metrics/tier";
import { SqlOptionError, TableNames, banner, doubleLiteral, tableNames, textLiteral } from "./dialect";
import { onlyKnown, textList, word } from "./options";

export interface TierSqlOptions {
  /** "pareto" (default), "rank" or "threshold". */
  method?: TierMethod;
  /** Pareto/rank shares in (0, 1], increasing; thresholds decreasing (required for threshold). */
  cutoffs?: readonly number[];
  /** One more than cutoffs (default S, A, B, C). */
  labels?: readonly string[];
  tables?: Partial<TableNames>;
}

const KNOWN = ["method", "cutoffs", "labels", "tables"];

export function tierSql(options: TierSqlOptions = {}): string {
  onlyKnown(options, KNOWN, "tier");
  const method = word(options.method, "method", TIER_METHODS, "pareto");
  const cutoffs = readCutoffs(options.cutoffs, method);
  const labels = options.labels === undefined ? DEFAULT_LABELS.slice() : textList(options.labels, "labels");
  if (labels.length !== cutoffs.length + 1) {
    throw new SqlOptionError(`labels must have exactly one more entry than cutoffs (${labels.length} labels, ${cutoffs.length} cutoffs)`);
  }
  const { customers } = tableNames(options.tables);
  const lit = labels.map(textLiteral);
  const last = lit[lit.length - 1]!;

  const rule =
    method === "threshold"
      ? `the first tier whose threshold ≤ value (thresholds ${cutoffs.join(", ")})`
      : `by ${method === "pareto" ? "value share" : "customer share"} before the customer, cutoffs ${cutoffs.join(", ")}`;
  const head = banner(`OpsKit OPS.TIER: ${method} tiers ${labels.join("/")}, ${rule}.`, [
    `Input: ${customers}(id, value DOUBLE or DECIMAL).`,
    `Output: id, value, tier (NULL for a NULL value), by value from high to low.`,
  ]);

  const order = "ORDER BY CASE WHEN c.value IS NULL THEN 1 ELSE 0 END, c.value DESC, c.id";
  if (method === "threshold") {
    const whens = cutoffs.map((cut, t) => `WHEN c.value >= ${doubleLiteral(cut)} THEN ${lit[t]}`).join("\n       ");
    return `${head}
SELECT c.id, c.value,
  CASE WHEN c.value IS NULL THEN NULL
       ${whens}
       ELSE ${last} END AS tier
FROM ${customers} c
${order}
`;
  }

  const measure = method === "pareto" ? "total" : "n";
  const whens = cutoffs
    .map((cut, t) => `WHEN ${doubleLiteral(cut)} - s.before > ${doubleLiteral(SHARE_EPSILON)} THEN ${lit[t]}`)
    .join("\n       ");
  return `${head}
WITH groups AS (
  -- Positive values, one row per distinct value: its sum and its count.
  SELECT value AS v, SUM(value) AS total, COUNT(*) AS n
  FROM ${customers}
  WHERE value > 0
  GROUP BY value
),
shares AS (
  -- before = ${method === "pareto" ? "sum" : "count"} of the values greater than v ÷ ${method === "pareto" ? "sum" : "count"} of all positive values.
  SELECT v,
         CAST(COALESCE(SUM(${measure}) OVER (ORDER BY v DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS DOUBLE PRECISION)
           / (SELECT SUM(${measure}) FROM groups) AS before
  FROM groups
)
SELECT c.id, c.value,
  CASE WHEN c.value IS NULL THEN NULL
       WHEN c.value <= 0 THEN ${last}
       ${whens}
       ELSE ${last} END AS tier
FROM ${customers} c LEFT JOIN shares s ON s.v = c.value
${order}
`;
}

function readCutoffs(value: unknown, method: TierMethod): number[] {
  if (value === undefined || value === null) {
    if (method === "threshold") throw new SqlOptionError("method threshold needs cutoffs, e.g. [100000, 50000, 10000]");
    return DEFAULT_CUTOFFS[method].slice();
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw new SqlOptionError(`cutoffs must be a non-empty list of numbers (got ${JSON.stringify(value)})`);
  }
  const cutoffs: number[] = [];
  value.forEach((v: unknown, i: number) => {
    const index = i + 1;
    if (typeof v !== "number" || !Number.isFinite(v)) throw new SqlOptionError(`cutoff ${index} is not a number (got ${JSON.stringify(v)})`);
    if (method !== "threshold" && !(v > 0 && v <= 1)) throw new SqlOptionError(`cutoff ${index} must be in (0, 1] for method ${method} (got ${v})`);
    const prev = cutoffs[i - 1];
    if (prev !== undefined) {
      if (method === "threshold" && !(v < prev)) throw new SqlOptionError(`cutoffs must be strictly decreasing for method threshold (cutoff ${index} is ${v})`);
      if (method !== "threshold" && !(v > prev)) throw new SqlOptionError(`cutoffs must be strictly increasing for method ${method} (cutoff ${index} is ${v})`);
    }
    cutoffs.push(v);
  });
  return cutoffs;
}
