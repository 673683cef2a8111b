/**
 * PAYRATE property tests: the implementation against a deliberately naive
 * reference written here from the contract (linear scans, arrays, includes).
 */
import fc from "fast-check";
import { payrate } from "../../src/core/metrics/payrate";
import { OpsError } from "../../src/core/errors";

const MEASURES = ["rate", "arpu", "arppu", "payers"] as const;
type Measure = (typeof MEASURES)[number];
type Expected = number | { code: string; mentions?: string };

/** Blank id → null; otherwise the id's text (trimmed text, numbers by their text). */
function naiveId(v: unknown): string | null {
  if (v === null || v === undefined || v === 0) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  return String(v);
}

function naiveIdForm(payers: unknown[], population: unknown[], amounts: unknown[] | null, measure: Measure): Expected {
  const pop: string[] = [];
  for (const v of population) {
    const id = naiveId(v);
    if (id !== null && !pop.includes(id)) pop.push(id);
  }
  const paying: string[] = [];
  let revenue = 0;
  for (let i = 0; i < payers.length; i++) {
    const id = naiveId(payers[i]);
    if (id === null || !pop.includes(id)) continue;
    if (!paying.includes(id)) paying.push(id);
    if (amounts) {
      const a = amounts[i];
      if (a === null || a === undefined || (typeof a === "string" && a.trim() === "")) continue;
      if (typeof a !== "number") return { code: "#VALUE!", mentions: `row ${i + 1}` };
      revenue += a;
    }
  }
  return naiveMeasure(paying.length, pop.length, amounts ? revenue : null, measure);
}

function naiveMeasure(payers: number, population: number, revenue: number | null, measure: Measure): Expected {
  if (measure === "payers") return payers;
  if (measure !== "rate" && revenue === null) return { code: "#VALUE!" };
  if (population === 0) return { code: "#DIV/0!" };
  if (measure === "rate") return payers / population;
  if (measure === "arpu") return revenue! / population;
  if (payers === 0) return { code: "#DIV/0!" };
  return revenue! / payers;
}

function expectSame(got: number | OpsError, expected: Expected): void {
  if (typeof expected === "number") {
    if (got instanceof OpsError) throw new Error(`expected ${expected}, got ${got.code} ${got.message}`);
    expect(got).toBeCloseTo(expected, 9);
  } else {
    expect(got).toBeInstanceOf(OpsError);
    expect((got as OpsError).code).toBe(expected.code);
    expect((got as OpsError).message).not.toBe("");
    if (expected.mentions) expect((got as OpsError).message).toContain(expected.mentions);
  }
}

const idCell = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom("a", "b", "c", "d", " a", "b ", "A", "3", " 4 ") },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "   ", null) },
);
const amountCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50, max: 1000 }) },
  { weight: 1, arbitrary: fc.constantFrom("", null, "  ") },
);
const measure = fc.constantFrom(...MEASURES);
/** A column of at least two cells, so the call is in ID form. */
const ids = fc.array(idCell, { minLength: 2, maxLength: 16 });
const asColumn = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);
const asRow = (xs: unknown[]): unknown[][] => [xs];

describe("PAYRATE id form vs naive reference", () => {
  it("matches for random ids, amounts and measures", () => {
    fc.assert(
      fc.property(
        ids, ids, fc.option(fc.array(amountCell, { minLength: 16, maxLength: 16 }), { nil: null }), measure, fc.boolean(),
        (payers, population, amounts16, m, payersAsRow) => {
          const amounts = amounts16 ? amounts16.slice(0, payers.length) : null;
          const shape = payersAsRow ? asRow : asColumn;
          const got = payrate(shape(payers), asColumn(population), amounts ? shape(amounts) : null, m);
          expectSame(got, naiveIdForm(payers, population, amounts, m));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a text amount is an error naming the first counted row that has one, and only then", () => {
    fc.assert(
      fc.property(
        ids, ids, fc.array(fc.oneof(amountCell, fc.constantFrom("n/a", "ten")), { minLength: 16, maxLength: 16 }), measure,
        (payers, population, amounts16, m) => {
          const amounts = amounts16.slice(0, payers.length);
          const got = payrate(asColumn(payers), asColumn(population), asColumn(amounts), m);
          expectSame(got, naiveIdForm(payers, population, amounts, m));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("row order does not matter", () => {
    fc.assert(
      fc.property(
        ids.chain((p) => fc.tuple(fc.constant(p), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: p.length, maxLength: p.length }))),
        ids, measure, fc.nat(),
        ([payers, amounts], population, m, seed) => {
          const perm = payers.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
          const a = payrate(asColumn(payers), asColumn(population), asColumn(amounts), m);
          const b = payrate(asColumn(perm.map((i) => payers[i])), asColumn([...population].reverse()), asColumn(perm.map((i) => amounts[i])), m);
          if (a instanceof OpsError) expect((b as OpsError).code).toBe(a.code);
          else expect(b as number).toBeCloseTo(a, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the rate is in [0, 1] and payers never exceed the population", () => {
    fc.assert(
      fc.property(ids, ids, (payers, population) => {
        const rate = payrate(asColumn(payers), asColumn(population), null, "rate");
        const count = payrate(asColumn(payers), asColumn(population), null, "payers") as number;
        expect(count).toBeGreaterThanOrEqual(0);
        if (rate instanceof OpsError) return;
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("PAYRATE count form vs naive reference", () => {
  it("matches for random counts, revenue and measures", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 200 }), fc.integer({ min: -5, max: 200 }),
        fc.option(fc.integer({ min: -100, max: 10_000 }), { nil: null }), measure, fc.boolean(),
        (p, n, revenue, m, asMatrix) => {
          const wrap = (x: unknown): unknown => (asMatrix ? [[x]] : x);
          const got = payrate(wrap(p), wrap(n), revenue === null ? null : wrap(revenue), m);
          let expected: Expected;
          if (p < 0 || n < 0) expected = { code: "#NUM!" };
          else if (p > n) expected = { code: "#VALUE!" };
          else expected = naiveMeasure(p, n, revenue, m);
          expectSame(got, expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
