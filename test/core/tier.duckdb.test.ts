/**
 * Cross-check of TIER (pareto, rank, threshold) against the same definitions
 * written as SQL window functions in DuckDB, on random data.
 *
 * Whole-number values and cutoffs that are multiples of 1/20 keep every sum
 * exact, so SQL's exact comparison and OpsKit's must agree cell for cell.
 */
import fc from "fast-check";
import { useDuckDb } from "../support/duckdb";
import { tier, TierMethod } from "../../src/core/metrics/tier";
import { Grid } from "../../src/core/errors";
import { loadValuesSql, tierSql } from "../oracles/tierSql";

const db = useDuckDb();

async function duckTiers(values: (number | null)[], method: TierMethod, cutoffs: number[]): Promise<number[]> {
  await db.connection.run(loadValuesSql("vals", values));
  const reader = await db.connection.runAndReadAll(tierSql("vals", method, cutoffs));
  return reader.getRowsJS().map((row) => Number(row[1]));
}

const LABELS = ["T0", "T1", "T2", "T3", "T4", "T5"];

/** OpsKit's tiers for a column of cells, as indexes (-1 for a blank/text cell). */
function opsTiers(cells: unknown[], method: TierMethod, cutoffs: number[]): number[] {
  const labels = LABELS.slice(0, cutoffs.length + 1);
  const grid = tier(cells.map((c) => [c]), method, [cutoffs], [labels], null) as Grid;
  return grid.map(([cell]) => (typeof cell === "string" && cell !== "" ? labels.indexOf(cell) : -1));
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -20, max: 100 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom("", null, "n/a") },
);

const settings = fc.constantFrom<TierMethod>("pareto", "rank", "threshold").chain((method) =>
  (method === "threshold"
    ? fc.uniqueArray(fc.integer({ min: -20, max: 1000 }), { minLength: 1, maxLength: 5 }).map((xs) => xs.sort((a, b) => b - a))
    : fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 5 }).map((xs) => xs.sort((a, b) => a - b).map((k) => k / 20))
  ).map((cutoffs) => ({ method, cutoffs })),
);

describe("TIER vs DuckDB SQL", () => {
  it("agrees on random small data (many ties)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 120 }), settings, async (cells, s) => {
        const numbers = cells.map((c) => (typeof c === "number" ? c : null));
        expect(opsTiers(cells, s.method, s.cutoffs)).toEqual(await duckTiers(numbers, s.method, s.cutoffs));
      }),
      { numRuns: 60, seed: 20260301 },
    );
  });

  it.each<[TierMethod, number[]]>([
    ["pareto", [0.5, 0.8, 0.95]],
    ["rank", [0.1, 0.3, 0.6]],
    ["threshold", [500_000, 100_000, 10_000]],
  ])("agrees on 5,000 skewed values (%s)", async (method, cutoffs) => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const values = Array.from({ length: 5000 }, () => Math.round(rand() ** 4 * 1_000_000) - 1000);
    expect(opsTiers(values, method, cutoffs)).toEqual(await duckTiers(values, method, cutoffs));
  });
});
