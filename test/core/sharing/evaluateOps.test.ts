import { evaluateOpsFormula, opsEvaluator, parseOpsCall, Unsupported, type OpsArg } from "../../../src/core/sharing/evaluateOps";
import { retention } from "../../../src/core/metrics/retention";
import { funnel } from "../../../src/core/metrics/funnel";
import { payrate } from "../../../src/core/metrics/payrate";
import { tier } from "../../../src/core/metrics/tier";
import { renewal } from "../../../src/core/metrics/renewal";
import { isOpsError, type Grid } from "../../../src/core/errors";
import type { CellSpec, WorkbookSpec } from "../../../src/core/tablespec/types";
import { col } from "../../support/specHelpers";

const ref = (sheet: string | null, row1: number, col1: number, row2: number, col2: number, text: string): OpsArg => ({
  kind: "ref", sheet, row1, col1, row2, col2, text,
});

describe("parseOpsCall", () => {
  it.each<[string, string, OpsArg[]]>([
    ["=OPS.PAYRATE(A2:A9,B2:B9)", "PAYRATE", [ref(null, 1, 0, 8, 0, "A2:A9"), ref(null, 1, 1, 8, 1, "B2:B9")]],
    ["=ops.payrate($A$2:$A$9, 'Act''s data'!$B$2:$B$9)", "PAYRATE", [ref(null, 1, 0, 8, 0, "$A$2:$A$9"), ref("Act's data", 1, 1, 8, 1, "'Act''s data'!$B$2:$B$9")]],
    ["=OPS.PAYRATE(Activity!F2:F5,Activity!A2)", "PAYRATE", [ref("Activity", 1, 5, 4, 5, "Activity!F2:F5"), ref("Activity", 1, 0, 1, 0, "Activity!A2")]],
    ["=_xldudf_OPS_TIER(B5:B9)", "TIER", [ref(null, 4, 1, 8, 1, "B5:B9")]],
    ['=OPS.RETENTION(A1:A3,B1:B3,"week",4)', "RETENTION", [ref(null, 0, 0, 2, 0, "A1:A3"), ref(null, 0, 1, 2, 1, "B1:B3"), { kind: "string", value: "week" }, { kind: "number", value: 4 }]],
    ['=OPS.RETENTION(A1:A3,B1:B3,"day",{1,7},"classic")', "RETENTION", [ref(null, 0, 0, 2, 0, "A1:A3"), ref(null, 0, 1, 2, 1, "B1:B3"), { kind: "string", value: "day" }, { kind: "array", rows: [[1, 7]] }, { kind: "string", value: "classic" }]],
    ['=OPS.FUNNEL({"a";"b"},{10;4})', "FUNNEL", [{ kind: "array", rows: [["a"], ["b"]] }, { kind: "array", rows: [[10], [4]] }]],
    ['=OPS.FUNNEL({"say ""hi""";"b,c"},{1;2})', "FUNNEL", [{ kind: "array", rows: [['say "hi"'], ["b,c"]] }, { kind: "array", rows: [[1], [2]] }]],
    ['=OPS.PAYRATE(A1:A3,A1:A3,,"payers")', "PAYRATE", [ref(null, 0, 0, 2, 0, "A1:A3"), ref(null, 0, 0, 2, 0, "A1:A3"), { kind: "omitted" }, { kind: "string", value: "payers" }]],
    ["=OPS.PAYRATE( 5 , 100 )", "PAYRATE", [{ kind: "number", value: 5 }, { kind: "number", value: 100 }]],
    ["=OPS.TIER({1,-2.5,3E2,TRUE})", "TIER", [{ kind: "array", rows: [[1, -2.5, 300, true]] }]],
    ["=OPS.TIER(B1:B4,,,,)", "TIER", [ref(null, 0, 1, 3, 1, "B1:B4"), { kind: "omitted" }, { kind: "omitted" }, { kind: "omitted" }, { kind: "omitted" }]],
    ["=OPS.TIER(B1:B4,,{0.5})", "TIER", [ref(null, 0, 1, 3, 1, "B1:B4"), { kind: "omitted" }, { kind: "array", rows: [[0.5]] }]],
    ["=OPS.PAYRATE(Payers,Users)", "PAYRATE", [{ kind: "name", name: "Payers" }, { kind: "name", name: "Users" }]],
    ["=OPS.TIER(B9:B1)", "TIER", [ref(null, 0, 1, 8, 1, "B9:B1")]],
    ["OPS.TIER(50%)", "TIER", [{ kind: "number", value: 0.5 }]],
    ["=OPS.TIER()", "TIER", []],
  ])("%s", (formula, name, args) => {
    expect(parseOpsCall(formula)).toEqual({ name, args });
  });

  it.each<[string, RegExp]>([
    ["=SUM(A1:A3)", /only a formula that is one OPS call/],
    ["=LET(r,OPS.RETENTION(A1:A3,B1:B3),INDEX(r,2,3))", /only a formula that is one OPS call/],
    ["=OPS.PAYRATE(A1:A3,B1:B3)*100", /only a formula that is one OPS call/],
    ["=OPS.PAYRATE(A1:A3+1,B1:B3)", /only a formula that is one OPS call/],
    ["=OPS.TIER(INDEX(B1:B9,1))", /only a formula that is one OPS call/],
    ["=OPS.TIER(B:B)", /whole columns or rows \(B:B\)/],
    ["=OPS.TIER(Sheet1!2:9)", /whole columns or rows \(Sheet1!2:9\)/],
    ["=OPS.TIER(J5#)", /spill references \(J5#\)/],
    ['=OPS.TIER({1,2;3})', /rows of an array constant differ/],
    ['=OPS.TIER({1,2', /position/],
    ['=OPS.TIER("abc)', /unterminated text/],
    ["=OPS.TIER(B1:B3", /expected "\)"/],
    ["=OPS.TIER('Sheet1'!)", /expected a cell or range after the sheet name/],
    ["=OPS.TIER(#)", /expected an argument/],
  ])("refuses %s", (formula, reason) => {
    expect(() => parseOpsCall(formula)).toThrow(Unsupported);
    expect(() => parseOpsCall(formula)).toThrow(reason);
  });

  it("says why in Chinese too", () => {
    expect(() => parseOpsCall("=SUM(A1)", "zh-CN")).toThrow(/只能计算仅由一个 OPS 调用构成的公式/);
  });
});

/** A spec with one data sheet: ids in A, serial dates in B, events in C, payers in E, amounts in F, values in H. */
function dataSpec(extra: (CellSpec | null)[][] = []): WorkbookSpec {
  const ids = ["u1", "u2", "u3", "u1", "u2", "u1", "u4"];
  const dates = [46083, 46083, 46084, 46084, 46090, 46091, 46091];
  const events = ["browse", "browse", "browse", "register", "register", "pay", "register"];
  const rows: (CellSpec | null)[][] = [
    [{ value: "User" }, { value: "Date" }, { value: "Event" }, null, { value: "Payer" }, { value: "Amount" }, null, { value: "Value" }],
  ];
  for (let i = 0; i < ids.length; i++) {
    rows.push([
      { value: ids[i]! }, { value: dates[i]!, numberFormat: "yyyy-mm-dd" }, { value: events[i]! }, null,
      i < 2 ? { value: ["u1", "u2"][i]! } : null, i < 2 ? { value: [1299, 2598][i]! } : null, null,
      i < 5 ? { value: [500, 300, 120, 50, 30][i]! } : i === 5 ? { style: "input" } : null,
    ]);
  }
  return {
    sheets: [
      { kind: "activity", name: "Act's data", blocks: [{ anchor: "A1", rows: [...rows, ...extra] }] },
      { kind: "metrics", name: "Metrics", blocks: [{ anchor: "A1", rows: [[{ value: "week" }, { formula: "=1+1" }]] }] },
    ],
    names: [{ name: "Payers", refersTo: "'Act''s data'!$E$2:$E$3" }, { name: "Bad", refersTo: "=1+1" }],
  };
}

const grid = (r: Grid | number | ReturnType<typeof payrate>): Grid => {
  if (isOpsError(r)) throw new Error(r.message);
  return typeof r === "number" ? [[r]] : (r as Grid);
};

describe("evaluating over the spec's constant cells", () => {
  const spec = dataSpec();
  const evaluate = opsEvaluator(spec);
  const D = "'Act''s data'";
  const ids = ["u1", "u2", "u3", "u1", "u2", "u1", "u4"];
  const dates = [46083, 46083, 46084, 46084, 46090, 46091, 46091];
  const events = ["browse", "browse", "browse", "register", "register", "pay", "register"];

  it.each<[string, Grid]>([
    [`=OPS.RETENTION(${D}!$A$2:$A$8,${D}!$B$2:$B$8,"day",{1,7})`, grid(retention(col(...ids), col(...dates), "day", [[1, 7]], null, null))],
    [`=OPS.RETENTION(${D}!$A$2:$A$8,${D}!$B$2:$B$8,"week",2,"unbounded")`, grid(retention(col(...ids), col(...dates), "week", [[2]], "unbounded", null))],
    [`=OPS.FUNNEL({"browse";"register";"pay"},${D}!A2:A8,${D}!C2:C8,${D}!B2:B8,14)`, grid(funnel(col("browse", "register", "pay"), col(...ids), col(...events), col(...dates), 14, null))],
    [`=OPS.FUNNEL({"browse";"register"},{10;4})`, grid(funnel([["browse"], ["register"]], [[10], [4]]))],
    // The 7th argument, segments (here the ids themselves: one segment per user).
    [`=OPS.FUNNEL({"browse";"register"},${D}!A2:A8,${D}!C2:C8,${D}!B2:B8,14,"ordered",${D}!A2:A8)`, grid(funnel(col("browse", "register"), col(...ids), col(...events), col(...dates), 14, "ordered", col(...ids)))],
    // The 7th and 8th arguments, a start list (start_ids, start_dates).
    [`=OPS.RETENTION(${D}!$A$2:$A$8,${D}!$B$2:$B$8,"day",{1,7},,,${D}!E2:E3,${D}!B2:B3)`, grid(retention(col(...ids), col(...dates), "day", [[1, 7]], null, null, col("u1", "u2"), col(...dates.slice(0, 2))))],
    [`=OPS.PAYRATE(${D}!E2:E3,${D}!A2:A8)`, [[2 / 4]]],
    [`=OPS.PAYRATE(Payers,${D}!A2:A8,${D}!F2:F3,"arppu")`, [[(1299 + 2598) / 2]]],
    [`=OPS.PAYRATE(${D}!A2:A8,${D}!A2:A8,,"payers")`, [[4]]],
    ["=OPS.PAYRATE(5,100)", [[0.05]]],
    [`=OPS.TIER(${D}!H2:H7)`, grid(tier(col(500, 300, 120, 50, 30, "")))],
    [`=OPS.TIER(${D}!H2:H6,"rank",{0.2,0.6},{"Key";"Core";"Tail"})`, grid(tier(col(500, 300, 120, 50, 30), "rank", [[0.2, 0.6]], [["Key"], ["Core"], ["Tail"]]))],
    [`=OPS.RETENTION(${D}!$A$2:$A$8,${D}!$B$2:$B$8,Metrics!A1,1)`, grid(retention(col(...ids), col(...dates), "week", 1))],
  ])("%s", (formula, expected) => {
    const result = evaluate("Metrics", formula);
    expect(result).toEqual({ kind: "value", grid: expected });
  });

  it("gives a rectangular grid: the empty tier of a blank value is \"\"", () => {
    const result = evaluate("Metrics", `=OPS.TIER(${D}!H2:H7)`);
    expect(result.kind === "value" && result.grid[5]).toEqual([""]);
  });

  it.each<[string, string]>([
    [`=OPS.PAYRATE(${D}!E2:E3,${D}!D2:D3)`, "#DIV/0!"], // an empty population
    [`=OPS.PAYRATE(5,100,,"nonsense")`, "#VALUE!"],
    [`=OPS.RETENTION(${D}!A2:A8,${D}!B2:B7)`, "#VALUE!"], // rows differ
    [`=OPS.TIER(${D}!H2:H6,"pareto",{0.9,0.5})`, "#VALUE!"], // cutoffs not increasing
    ["=OPS.PAYRATE(-1,100)", "#NUM!"],
  ])("a whole-call error is an OpsError: %s → %s", (formula, code) => {
    const result = evaluate("Metrics", formula);
    expect(result.kind).toBe("error");
    expect(result.kind === "error" && result.error.code).toBe(code);
  });

  it.each<[string, RegExp]>([
    ["=OPS.PAYRATE(Metrics!B1,5)", /Metrics!B1 holds a formula at B1/],
    ["=OPS.PAYRATE(A1:B1,5)", /A1:B1 holds a formula at B1/], // own sheet: Metrics
    ["=OPS.PAYRATE(Nowhere!A1,5)", /no sheet named "Nowhere"/],
    ["=OPS.PAYRATE(Missing,5)", /no defined name "Missing"/],
    ["=OPS.PAYRATE(Bad,5)", /no defined name "Bad"/],
    ["=OPS.SUMMARY(A1)", /OPS\.SUMMARY is not an OpsKit function/],
    ["=OPS.PAYRATE(1,2,3,\"rate\",5)", /OPS\.PAYRATE takes at most 4 arguments \(got 5\)/],
    [`=OPS.RETENTION(${D}!A2:A8,${D}!B2:B8,${D}!A2:A3)`, /argument 3 of OPS\.RETENTION takes one value/],
    ["=LET(r,OPS.TIER(A1),r)", /one OPS call/],
  ])("unsupported, with the reason: %s", (formula, reason) => {
    const result = evaluate("Metrics", formula);
    expect(result.kind).toBe("unsupported");
    expect(result.kind === "unsupported" && result.reason).toMatch(reason);
  });

  it("evaluates OPS.RENEWAL exactly like the core function", () => {
    const D = "'Act''s data'";
    const ids = ["u1", "u2", "u3", "u1", "u2", "u1", "u4"];
    const dates = [46083, 46083, 46084, 46084, 46090, 46091, 46091];
    const amounts = [100, 200, 0, 50, 80, 0, 0];
    const s = dataSpec();
    s.sheets[0]!.blocks.push({ anchor: "J2", rows: amounts.map((a) => [{ value: a }]) });
    const result = evaluateOpsFormula(s, "Metrics", `=OPS.RENEWAL(${D}!A2:A8,${D}!B2:B8,${D}!J2:J8,"week",2)`);
    const direct = renewal(col(...ids), col(...dates), col(...amounts), "week", 2);
    expect(isOpsError(direct)).toBe(false);
    expect(result).toEqual({ kind: "value", grid: direct });
  });

  it("reads sheet names case-insensitively and a later block's value over an earlier one", () => {
    const s = dataSpec();
    s.sheets[0]!.blocks.push({ anchor: "E2", rows: [[{ value: "u3" }], [{ style: "input" }]] });
    expect(evaluateOpsFormula(s, "Metrics", "=OPS.PAYRATE('ACT''S DATA'!E2:E3,'act''s data'!A2:A8,,\"payers\")")).toEqual({
      kind: "value",
      grid: [[2]], // u3 (the later block wins) and u2 (a style-only cell does not clear)
    });
  });
});
