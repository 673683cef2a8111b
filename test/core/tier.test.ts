/**
 * OPS.TIER spec: one row per rule of docs/functions/tier.md.
 */
import { tier, computeTiers, paretoShares, readTierSettings } from "../../src/core/metrics/tier";
import { CellOut, Grid, OpsError, guard } from "../../src/core/errors";
import { Err, checkError, col, err, row } from "../support/specHelpers";

/** Expected per-cell value: a label, "" or a per-cell error. */
type Cell = string | number | Err;

function checkGrid(got: Grid | OpsError, expected: Cell[][]): void {
  if (got instanceof OpsError) throw new Error(`expected a grid, got ${got.code} ${got.message}`);
  expect(got.length).toBe(expected.length);
  got.forEach((row, r) => {
    const want = expected[r]!;
    expect(row.length).toBe(want.length);
    row.forEach((cell: CellOut, c) => {
      expect(cell).not.toBeNull();
      expect(cell).not.toBeUndefined();
      const w = want[c]!;
      if (typeof w === "object") checkError(cell, w);
      else expect(cell).toBe(w);
    });
  });
}

/** Expected column of labels. */
const out = (...xs: Cell[]): Cell[][] => xs.map((x) => [x]);
const SAB = row("S", "A", "B");
const HL = row("hi", "lo");

describe("TIER pareto (default method)", () => {
  it.each<[string, unknown, unknown, unknown, unknown, Cell[][]]>([
    // rule                                                   values                          method      cutoffs              labels  expected
    ["500,300,100 with {0.5,0.8} → S,A,B",                    col(500, 300, 100),            "pareto",   row(0.5, 0.8),       SAB,    out("S", "A", "B")],
    ["method omitted means pareto",                           col(500, 300, 100),            null,       row(0.5, 0.8),       SAB,    out("S", "A", "B")],
    ["ties share a tier: 10,10,0 → S,S,B",                    row(10, 10, 0),                null,       row(0.5, 0.8),       SAB,    [["S", "S", "B"]]],
    ["default cutoffs {0.5,0.8,0.95} and labels S,A,B,C",     col(50, 30, 15, 5),            null,       null,                null,   out("S", "A", "B", "C")],
    ["the crossing customer belongs to the higher tier",      col(60, 40),                   null,       row(0.5),            HL,     out("hi", "lo")],
    ["a tie group crossing a cutoff stays in the higher tier", col(40, 20, 20, 20),          null,       row(0.5),            HL,     out("hi", "hi", "hi", "hi")],
    ["before exactly at a cutoff → next tier",                col(5, 3, 2),                  null,       row(0.5),            HL,     out("hi", "lo", "lo")],
    ["decimal shares: 0.3 ÷ 0.6 counts as exactly 0.5",       col(0.3, 0.2, 0.1),            null,       row(0.5),            HL,     out("hi", "lo", "lo")],
    ["input order does not matter",                           col(100, 500, 300),            null,       row(0.5, 0.8),       SAB,    out("B", "S", "A")],
    ["zero and negative → last tier",                         col(100, 0, -5),               null,       null,                null,   out("S", "C", "C")],
    ["negatives are not in the total",                        col(60, 40, -1000),            null,       row(0.5),            HL,     out("hi", "lo", "lo")],
    ["all zero → all last tier",                              col(0, 0),                     null,       null,                null,   out("C", "C")],
    ["cutoff 1: every positive value before the last tier",   col(10, 5, 0),                 null,       row(0.5, 1),         SAB,    out("S", "A", "B")],
    ["one customer is S",                                     col(7),                        null,       null,                null,   out("S")],
    ["a tier may be skipped",                                 col(99, 1),                    null,       row(0.5, 0.8, 0.95), null,   out("S", "C")],
  ])("%s", (_rule, values, method, cutoffs, labels, expected) => {
    checkGrid(tier(values, method, cutoffs, labels, null), expected);
  });
});

describe("TIER rank", () => {
  it.each<[string, unknown, unknown, unknown, Cell[][]]>([
    // rule                                                values                                   cutoffs        labels  expected
    ["default cutoffs {0.1,0.3,0.6} over 10 customers",    col(10, 9, 8, 7, 6, 5, 4, 3, 2, 1),      null,          null,   out("S", "A", "A", "B", "B", "B", "C", "C", "C", "C")],
    ["ties share a tier",                                  col(5, 5, 1),                            row(0.5),      HL,     out("hi", "hi", "lo")],
    ["only positive values are counted",                   col(10, 0, 0, 0, 5),                     row(0.5),      HL,     out("hi", "lo", "lo", "lo", "lo")],
    ["negative → last tier",                               col(-3, 3),                              row(0.5),      HL,     out("lo", "hi")],
  ])("%s", (_rule, values, cutoffs, labels, expected) => {
    checkGrid(tier(values, " Rank ", cutoffs, labels, null), expected);
  });
});

describe("TIER threshold", () => {
  it.each<[string, unknown, unknown, unknown, Cell[][]]>([
    // rule                                          values                                 cutoffs                 labels               expected
    ["first tier whose cutoff ≤ v, else last",       col(5000, 1000, 999, 100, 0, -1),      row(1000, 100, 0),      null,                out("S", "S", "A", "A", "B", "C")],
    ["zero uses the cutoffs too",                    col(0, 1),                             row(1, 0),              SAB,                 out("A", "S")],
    ["negative values and cutoffs",                  col(-5, -10, -11, 3),                  row(0, -10),            row("X", "Y", "Z"),  out("Y", "Y", "Z", "X")],
    ["a single cutoff (0 is a cutoff, not blank)",   col(-1, 0, 1),                         [[0]],                  HL,                  out("lo", "hi", "hi")],
    ["no total involved: one value alone",           col(50),                               row(100, 10),           SAB,                 out("A")],
  ])("%s", (_rule, values, cutoffs, labels, expected) => {
    checkGrid(tier(values, "THRESHOLD", cutoffs, labels, null), expected);
  });
});

describe("TIER cells: shape, blanks, text", () => {
  it.each<[string, unknown, unknown, unknown, Cell[][]]>([
    // rule                                             values                          cutoffs        labels   expected
    ["same shape as values (2×2)",                      [[60, 0], [40, ""]],            row(0.5),      HL,      [["hi", "lo"], ["lo", ""]]],
    ["a row in, a row out",                             row(1, 3),                      row(0.5),      HL,      [["lo", "hi"]]],
    ["blank cells → \"\" (\"\", spaces, null)",         col("", "  ", null, 5),         row(0.5),      HL,      out("", "", "", "hi")],
    ["text → #VALUE! in that cell only",                col(60, "n/a", 40),             row(0.5),      HL,      out("hi", err("#VALUE!", "n/a"), "lo")],
    ["text is left out of the totals",                  col(50, "x", 50),               row(0.5),      HL,      out("hi", err("#VALUE!", "x"), "hi")],
    ["a boolean is not a value",                        col(true, 1),                   row(0.5),      HL,      out(err("#VALUE!", "TRUE"), "hi")],
    ["a number-looking text is still text",             col("100", 1),                  row(0.5),      HL,      out(err("#VALUE!", "100"), "hi")],
    ["a scalar value (not a matrix)",                   5,                              row(0.5),      HL,      out("hi")],
    ["an empty range gives an empty row",               [[]],                           row(0.5),      HL,      [[]]],
  ])("%s", (_rule, values, cutoffs, labels, expected) => {
    checkGrid(tier(values, null, cutoffs, labels, null), expected);
  });
});

describe("TIER labels", () => {
  it.each<[string, unknown, unknown, Cell[][]]>([
    // rule                                          cutoffs        labels                               expected for values 60,40,0
    ["labels omitted → S,A,B,C",                     null,          null,                                out("S", "A", "C")],
    ["labels as one blank cell count as omitted",    null,          [[""]],                              out("S", "A", "C")],
    ["labels are trimmed",                           row(0.5),      row(" Gold ", "Silver "),            out("Gold", "Silver", "Silver")],
    ["labels as a column",                           row(0.5),      col("G", "S"),                       out("G", "S", "S")],
    ["number labels come back as numbers",           row(0.5),      row(1, 2),                           out(1, 2, 2)],
  ])("%s", (_rule, cutoffs, labels, expected) => {
    checkGrid(tier(col(60, 40, 0), null, cutoffs, labels, null), expected);
  });
});

describe("TIER overrides (placed by hand)", () => {
  it.each<[string, unknown, unknown, Cell[][]]>([
    // rule                                                         values                 overrides                     expected (cutoffs {0.5,0.8}, labels S,A,B)
    ["an override replaces the tier",                               col(500, 300, 100),   col("", "", "S"),             out("S", "A", "S")],
    ["overrides are trimmed",                                       col(500, 300, 100),   col("", " B ", ""),           out("S", "B", "B")],
    ["0 in overrides counts as blank",                              col(500, 300, 100),   col(0, 0, 0),                 out("S", "A", "B")],
    ["overridden values still count in the totals",                 col(60, 40),          col("B", ""),                 out("B", "A")],
    ["an override applies to a blank value (no revenue yet)",       col(100, ""),         col("", "S"),                 out("S", "S")],
    ["an override applies to a text value",                         col(100, "tbd"),      col("", "A"),                 out("S", "A")],
    ["an unknown override → #VALUE! in that cell",                  col(500, 300, 100),   col("", "VIP", ""),           out("S", err("#VALUE!", "VIP", "S, A, B"), "B")],
    ["an unknown override on a blank value is still an error",     col(500, ""),         col("", "X"),                 out("S", err("#VALUE!", "X"))],
    ["overrides as one blank cell count as omitted",                col(500, 300, 100),   [[""]],                       out("S", "A", "B")],
    ["2-D overrides on 2-D values",                                 [[500, 300], [100, 0]], [["", ""], ["", "A"]],      [["S", "A"], ["B", "A"]]],
  ])("%s", (_rule, values, overrides, expected) => {
    checkGrid(tier(values, null, row(0.5, 0.8), SAB, overrides), expected);
  });

  it("a number override matches a number label", () => {
    checkGrid(tier(col(60, 40), null, row(0.5), row(1, 2), col(" 2", 1)), out(2, 1));
  });
});

describe("TIER whole-call errors", () => {
  it.each<[string, unknown, unknown, unknown, unknown, unknown, Err]>([
    // rule                                            values          method        cutoffs                 labels                  overrides         expected
    ["unknown method → #VALUE! listing the words",    col(1),         "abc",        null,                   null,                   null,             err("#VALUE!", "method", "pareto, rank, threshold", "abc")],
    ["labels not cutoffs+1 (defaults) → #VALUE!",     col(1),         null,         null,                   row("S", "A", "B"),     null,             err("#VALUE!", "3 labels", "3 cutoffs")],
    ["labels not cutoffs+1 (given) → #VALUE!",        col(1),         null,         row(0.5),               row("S", "A", "B"),     null,             err("#VALUE!", "3 labels", "1 cutoffs")],
    ["a blank label → #VALUE! saying which",          col(1),         null,         row(0.5, 0.8),          row("S", " ", "B"),     null,             err("#VALUE!", "label 2")],
    ["a 0 label (Windows empty cell) is blank",       col(1),         null,         row(0.5, 0.8),          row("S", "A", 0),       null,             err("#VALUE!", "label 3")],
    ["pareto cutoff not a number",                    col(1),         null,         row(0.5, "x"),          SAB,                    null,             err("#VALUE!", "cutoff 2", "x")],
    ["a blank cell in cutoffs is not a number",       col(1),         null,         row("", 0.8),           SAB,                    null,             err("#VALUE!", "cutoff 1")],
    ["pareto cutoff 0 is outside (0,1]",              col(1),         null,         row(0, 0.8),            SAB,                    null,             err("#VALUE!", "cutoff 1", "(0, 1]", "pareto")],
    ["pareto cutoff above 1",                         col(1),         null,         row(0.5, 1.5),          SAB,                    null,             err("#VALUE!", "cutoff 2", "(0, 1]", "1.5")],
    ["pareto cutoffs not increasing",                 col(1),         null,         row(0.8, 0.5),          SAB,                    null,             err("#VALUE!", "increasing", "cutoff 2", "pareto")],
    ["pareto cutoffs equal are not increasing",       col(1),         null,         row(0.5, 0.5),          SAB,                    null,             err("#VALUE!", "increasing")],
    ["rank cutoff outside (0,1]",                     col(1),         "rank",       row(-0.1, 0.5),         SAB,                    null,             err("#VALUE!", "cutoff 1", "rank")],
    ["rank cutoffs not increasing",                   col(1),         "rank",       row(0.3, 0.1),          SAB,                    null,             err("#VALUE!", "increasing", "rank")],
    ["threshold without cutoffs → #VALUE!",           col(1),         "threshold",  null,                   null,                   null,             err("#VALUE!", "threshold", "cutoffs")],
    ["threshold cutoffs not decreasing",              col(1),         "threshold",  row(100, 200),          SAB,                    null,             err("#VALUE!", "decreasing", "cutoff 2", "200")],
    ["threshold cutoff not a number",                 col(1),         "threshold",  row(100, "lots"),       SAB,                    null,             err("#VALUE!", "cutoff 2", "lots")],
    ["threshold labels count",                        col(1),         "threshold",  row(100, 10),           null,                   null,             err("#VALUE!", "4 labels", "2 cutoffs")],
    ["overrides of another shape → #VALUE!",          col(1, 2),      null,         null,                   null,                   col("S", "", ""), err("#VALUE!", "overrides")],
    ["overrides transposed → #VALUE!",                col(1, 2),      null,         null,                   null,                   row("S", ""),     err("#VALUE!", "overrides")],
  ])("%s", (_rule, values, method, cutoffs, labels, overrides, expected) => {
    checkError(tier(values, method, cutoffs, labels, overrides), expected);
  });
});

describe("exported helpers", () => {
  it("computeTiers gives tier indexes and -1 for NaN (left out of totals)", () => {
    expect(Array.from(computeTiers([500, NaN, 300, 100, 0], "pareto", [0.5, 0.8]))).toEqual([0, -1, 1, 2, 2]);
    expect(Array.from(computeTiers([10, 9, 1], "rank", [0.3]))).toEqual([0, 1, 1]);
    expect(Array.from(computeTiers([10, 9, 1, NaN], "threshold", [9, 2]))).toEqual([0, 0, 2, -1]);
  });

  it("paretoShares sorts by value and accumulates the positive share", () => {
    const p = paretoShares([100, 300, NaN, 0, 600, -10]);
    expect(Array.from(p.order)).toEqual([4, 1, 0, 3, 5]);
    expect(p.total).toBe(1000);
    expect(Array.from(p.share)).toEqual([0.6, 0.3, 0.1, 0, 0]);
    const cum = Array.from(p.cumulative);
    [0.6, 0.9, 1, 1, 1].forEach((c, i) => expect(cum[i]).toBeCloseTo(c, 12));
  });

  it("readTierSettings validates like TIER", () => {
    expect(guard(() => readTierSettings("rank", null, null))).toEqual({
      method: "rank", cutoffs: [0.1, 0.3, 0.6], labels: ["S", "A", "B", "C"], labelKeys: ["S", "A", "B", "C"],
    });
    checkError(guard(() => readTierSettings("threshold", null, null)), err("#VALUE!", "threshold"));
  });

  it("100k values are tiered quickly (sort once, prefix sums)", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const values = Array.from({ length: 100_000 }, () => [Math.round(rand() ** 3 * 1e6) / 100]);
    const t0 = performance.now();
    const result = tier(values, null, null, null, null);
    const ms = performance.now() - t0;
    expect(result).not.toBeInstanceOf(OpsError);
    expect((result as Grid).length).toBe(100_000);
    expect(ms).toBeLessThan(2000); // typically ~50 ms; generous for slow CI machines
  });
});
