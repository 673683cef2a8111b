/**
 * tierSql run in DuckDB equals OPS.TIER on the same values, customer by
 * customer: pareto, rank and threshold, default and custom cutoffs and
 * labels, whole values (sums exact) and values with cents, many ties, zeros,
 * negatives and blanks.
 */
import { tier } from "../../../src/core/metrics/tier";
import { tierSql } from "../../../src/core/sql";
import type { TierSqlOptions } from "../../../src/core/sql";
import { makeValues } from "./data";
import { Warehouse, closeWarehouse, col, gridOf, loadCustomers, openWarehouse, query } from "./warehouse";

let w: Warehouse;
beforeAll(async () => {
  w = await openWarehouse();
});
afterAll(() => closeWarehouse(w));

const DATASETS: [string, unknown[]][] = [
  ["seed 41: 2000 whole values", makeValues(41, 2000, false)],
  ["seed 42: 1500 values with cents", makeValues(42, 1500, true)],
  ["seed 43: 40 whole values", makeValues(43, 40, false)],
  ["seed 44: 300 values with cents", makeValues(44, 300, true)],
];

const CASES: [string, TierSqlOptions][] = [
  ["pareto, defaults", {}],
  ["pareto, 0.3/0.6/0.9/1 and five labels", { method: "pareto", cutoffs: [0.3, 0.6, 0.9, 1], labels: ["P1", "P2", "P3", "P4", "P5"] }],
  ["pareto, one cutoff 0.8 (80/20)", { method: "pareto", cutoffs: [0.8], labels: ["Key", "Other"] }],
  ["rank, defaults", { method: "rank" }],
  ["rank, 0.2/0.5", { method: "rank", cutoffs: [0.2, 0.5], labels: ["Top", "Mid", "Low"] }],
  ["threshold 1000/200/50", { method: "threshold", cutoffs: [1000, 200, 50] }],
  ["threshold with zero and a negative cutoff", { method: "threshold", cutoffs: [500, 0, -100], labels: ["S", "A", "B", "Refund"] }],
];

describe.each(DATASETS)("tier SQL equals OPS.TIER (%s)", (_name, values) => {
  beforeAll(async () => {
    await loadCustomers(w.connection, { values });
  });

  it.each(CASES)("%s", async (_case, options) => {
    const mine = gridOf(
      tier(col(values), options.method ?? null, options.cutoffs ? [options.cutoffs] : null, options.labels ? [options.labels] : null),
    );
    const rows = await query(w.connection, tierSql(options));
    expect(rows).toHaveLength(values.length);
    const sqlTier = new Map(rows.map((r) => [r.id as string, r.tier === null ? "" : r.tier]));
    const expected = mine.map((row) => row[0]);
    const actual = values.map((_, i) => sqlTier.get(String(i)));
    expect(actual).toEqual(expected);
    // Rows come by value, high to low, blanks last.
    const ordered = rows.map((r) => r.value).filter((v) => v !== null) as number[];
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    // Every label of a pareto/rank split is used on the large sets (the data is not trivial).
    if (values.length > 1000) expect(new Set(actual).size).toBeGreaterThanOrEqual((options.labels ?? ["S", "A", "B", "C"]).length);
  });
});

describe("tier SQL: boundaries", () => {
  it.each<[string, unknown[], TierSqlOptions]>([
    // 50 of 100 before the second customer: exactly the cutoff, so it is not in S.
    ["a share exactly at a cutoff goes to the next tier", [50, 30, 20], { cutoffs: [0.5, 0.8, 0.95] }],
    ["0.3 ÷ 0.6 style decimal shares reach the cutoff despite binary rounding", [0.3, 0.1, 0.1, 0.1], { cutoffs: [0.5, 0.8, 0.95] }],
    ["equal values share a tier", [10, 10, 10, 10, 1], { method: "rank", cutoffs: [0.1, 0.3, 0.6] }],
    ["no positive value: all last tier", [0, -5, null], {}],
    ["threshold at the exact value", [1000, 999.99, 200, 50, 49], { method: "threshold", cutoffs: [1000, 200, 50] }],
  ])("%s", async (_name, values, options) => {
    await loadCustomers(w.connection, { values }, "customers_edge");
    const mine = gridOf(tier(col(values), options.method ?? null, options.cutoffs ? [options.cutoffs] : null, null));
    const rows = await query(w.connection, tierSql({ ...options, tables: { customers: "customers_edge" } }));
    const byId = new Map(rows.map((r) => [r.id as string, r.tier === null ? "" : r.tier]));
    expect(values.map((_, i) => byId.get(String(i)))).toEqual(mine.map((r) => r[0]));
  });
});
