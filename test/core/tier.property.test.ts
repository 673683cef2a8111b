/**
 * TIER property tests: the implementation against a deliberately naive
 * reference written here from the contract — for every value, nested loops
 * over all the others (O(n²)), no sorting, no prefix sums.
 *
 * Values are whole numbers and pareto/rank cutoffs are multiples of 1/20, so
 * every sum is exact and a share either equals a cutoff exactly or differs
 * from it by far more than rounding: the reference can compare exactly.
 */
import fc from "fast-check";
import { tier, computeTiers, TierMethod } from "../../src/core/metrics/tier";
import { Grid, OpsError } from "../../src/core/errors";

/** Naive tier index of each number (null = blank or text, left out). */
function naiveTiers(values: (number | null)[], method: TierMethod, cutoffs: number[]): (number | null)[] {
  const last = cutoffs.length;
  const firstCutoffAbove = (before: number): number => {
    for (let t = 0; t < cutoffs.length; t++) if (cutoffs[t]! > before) return t;
    return last;
  };
  return values.map((v) => {
    if (v === null) return null;
    if (method === "threshold") {
      for (let t = 0; t < cutoffs.length; t++) if (cutoffs[t]! <= v) return t;
      return last;
    }
    if (v <= 0) return last;
    let greater = 0;
    let total = 0;
    for (const w of values) {
      if (w === null || w <= 0) continue;
      const weight = method === "pareto" ? w : 1;
      total += weight;
      if (w > v) greater += weight;
    }
    return firstCutoffAbove(greater / total);
  });
}

const valueCell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -5, max: 60 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "  ", null, "n/a", "tbd") },
);

/** Method, cutoffs and labels that TIER accepts. */
const settings = fc.constantFrom<TierMethod>("pareto", "rank", "threshold").chain((method) => {
  const cutoffs =
    method === "threshold"
      ? fc.uniqueArray(fc.integer({ min: -10, max: 200 }), { minLength: 1, maxLength: 5 }).map((xs) => xs.sort((a, b) => b - a))
      : fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 5 }).map((xs) => xs.sort((a, b) => a - b).map((k) => k / 20));
  return cutoffs.map((c) => ({ method, cutoffs: c, labels: c.concat([0]).map((_, i) => `T${i}`) }));
});

/** Values laid out as a 2-D block of `width` columns (the last row may be shorter than a real range; pad it). */
function toBlock(flat: unknown[], width: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < flat.length; i += width) {
    const r = flat.slice(i, i + width);
    while (r.length < width) r.push("");
    rows.push(r);
  }
  return rows.length ? rows : [[]];
}

const numberOf = (v: unknown): number | null => (typeof v === "number" ? v : null);

describe("TIER vs naive reference", () => {
  it("every cell: label of the naive tier, \"\" for blanks, #VALUE! for text, overrides win", () => {
    fc.assert(
      fc.property(
        fc.array(valueCell, { maxLength: 80 }), fc.integer({ min: 1, max: 4 }), settings,
        fc.option(fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom("", 0, null) }, { weight: 2, arbitrary: fc.constantFrom("T0", " T1 ") }, { weight: 1, arbitrary: fc.constant("VIP") }), { minLength: 80, maxLength: 80 }), { nil: null }),
        (flat, width, s, overrides80) => {
          const block = toBlock(flat, width);
          const flatPadded = block.flat();
          const overrideBlock = overrides80 ? toBlock(overrides80.slice(0, flatPadded.length), width) : null;
          const usesOverrides = overrideBlock !== null && flatPadded.length > 1;
          const got = tier(block, s.method, [s.cutoffs], [s.labels], usesOverrides ? overrideBlock : null);
          expect(got).not.toBeInstanceOf(OpsError);
          const grid = got as Grid;
          const expectedTiers = naiveTiers(flatPadded.map(numberOf), s.method, s.cutoffs);
          const overrideFlat = usesOverrides ? overrideBlock.flat() : [];
          expect(grid.length).toBe(block.length);
          let k = 0;
          grid.forEach((row, r) => {
            expect(row.length).toBe(block[r]!.length);
            row.forEach((cell) => {
              const o = overrideFlat[k];
              const v = flatPadded[k];
              const t = expectedTiers[k];
              k++;
              if (o !== undefined && o !== "" && o !== 0 && o !== null) {
                if (o === "VIP") expect((cell as OpsError).code).toBe("#VALUE!");
                else expect(cell).toBe(String(o).trim());
              } else if (t !== null && t !== undefined) expect(cell).toBe(s.labels[t]);
              else if (typeof v === "string" && v.trim() !== "") expect((cell as OpsError).code).toBe("#VALUE!");
              else expect(cell).toBe("");
            });
          });
        },
      ),
      { numRuns: 600 },
    );
  });

  it("computeTiers equals the naive reference on plain numbers (with ties)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 12 }), { maxLength: 200 }), settings, (values, s) => {
        const got = Array.from(computeTiers(values, s.method, s.cutoffs));
        expect(got).toEqual(naiveTiers(values, s.method, s.cutoffs));
      }),
      { numRuns: 600 },
    );
  });
});

describe("TIER invariants on arbitrary (non-whole) numbers", () => {
  const reals = fc.array(fc.double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true }), { maxLength: 100 });

  it("a larger value never gets a later tier, and equal values share a tier", () => {
    fc.assert(
      fc.property(reals, settings, (values, s) => {
        const tiers = computeTiers(values, s.method, s.cutoffs);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i]! > values[j]!) expect(tiers[i]!).toBeLessThanOrEqual(tiers[j]!);
            if (values[i] === values[j]) expect(tiers[i]).toBe(tiers[j]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("input order does not matter", () => {
    fc.assert(
      fc.property(reals, settings, (values, s) => {
        const forward = computeTiers(values, s.method, s.cutoffs);
        const backward = computeTiers([...values].reverse(), s.method, s.cutoffs);
        expect(Array.from(backward).reverse()).toEqual(Array.from(forward));
      }),
      { numRuns: 300 },
    );
  });

  it("pareto and rank: the largest positive value is in the first tier, non-positive values in the last", () => {
    fc.assert(
      fc.property(reals, settings.filter((s) => s.method !== "threshold"), (values, s) => {
        const tiers = computeTiers(values, s.method, s.cutoffs);
        const max = Math.max(...values);
        values.forEach((v, i) => {
          if (v <= 0) expect(tiers[i]).toBe(s.cutoffs.length);
          else if (v === max) expect(tiers[i]).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});
