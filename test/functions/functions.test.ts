/**
 * The custom-function edge: what Excel receives. Errors are thrown as
 * CustomFunctions.Error with a code and a message; spilled results are
 * rectangular, never hold null/undefined, and every number is finite.
 */
const associate = jest.fn();
(globalThis as unknown as { CustomFunctions: { associate: unknown } }).CustomFunctions.associate = associate;

import * as fns from "../../src/functions/implementations";
import { toExcelGrid } from "../../src/functions/edge";
import { expectSafe, thrownBy } from "../support/specHelpers";

type Thrown = { code: string; message: string };

describe("functions module", () => {
  it("exports exactly retention, funnel, payrate, tier, renewal and has no side effects on import", () => {
    expect(Object.keys(fns).sort()).toEqual(["funnel", "payrate", "renewal", "retention", "tier"]);
    expect(associate).not.toHaveBeenCalled();
  });
});

describe("whole-call errors become CustomFunctions.Error with a message", () => {
  it.each([
    // name                          call                                                                              code
    ["RETENTION rows mismatch",      () => fns.retention([["a"], ["b"]], [[46082]]),                                     "#VALUE!"],
    ["RETENTION no rows",            () => fns.retention([[""]], [[""]]),                                                "#N/A"],
    ["RETENTION unknown period",     () => fns.retention([["a"]], [[46082]], "fortnight"),                               "#VALUE!"],
    ["RETENTION periods 0",          () => fns.retention([["a"]], [[46082]], null as unknown as string, [[0]]),          "#NUM!"],
    ["FUNNEL window 0",              () => fns.funnel([["a"], ["b"]], [["u"], ["u"]], [["a"], ["b"]], [[46082], [46083]], 0), "#NUM!"],
    ["FUNNEL unknown order",         () => fns.funnel([["a"], ["b"]], [[10], [5]], null as unknown as unknown[][], null as unknown as unknown[][], null, "random"), "#VALUE!"],
    ["PAYRATE payers > population",  () => fns.payrate([[5]], [[4]]),                                                    "#VALUE!"],
    ["PAYRATE negative",             () => fns.payrate([[-1]], [[4]]),                                                   "#NUM!"],
    ["PAYRATE population 0",         () => fns.payrate([[0]], [[0]]),                                                    "#DIV/0!"],
    ["TIER labels count",            () => fns.tier([[1], [2]], "pareto", [[0.5]], [["S", "A", "B"]]),                   "#VALUE!"],
    ["RENEWAL rows mismatch",        () => fns.renewal([["a"], ["b"]], [[46082], [46083]], [[10]]),                      "#VALUE!"],
    ["RENEWAL no paying user",       () => fns.renewal([["a"]], [[46082]], [[-5]]),                                      "#N/A"],
    ["RENEWAL unknown measure",      () => fns.renewal([["a"]], [[46082]], [[5]], null as unknown as string, null as unknown as unknown[][], "users"), "#VALUE!"],
    ["RENEWAL periods 0",            () => fns.renewal([["a"]], [[46082]], [[5]], "month", [[0]]),                       "#NUM!"],
  ])("%s → %s", (_name, call, code) => {
    const error = thrownBy(call) as Thrown;
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect(error.code).toBe(code);
    expect(typeof error.message).toBe("string");
    expect(error.message.length).toBeGreaterThan(0);
  });
});

describe("spilled results are safe for Excel", () => {
  it("RETENTION spills a rectangular grid with a header and an All row", () => {
    const ids = [["u1"], ["u2"], ["u1"], ["u3"]];
    const dates = [[46082], [46082], [46083], [46090]];
    const grid = fns.retention(ids, dates);
    expectSafe(grid);
    expect(grid[0]!.slice(0, 3)).toEqual(["Cohort", "Users", "Day 1"]);
    expect(grid[grid.length - 1]![0]).toBe("All");
  });

  it("RENEWAL spills Cohort | Payers | Revenue | Month k with an All row", () => {
    const grid = fns.renewal([["a"], ["b"], ["a"]], [[46082], [46090], [46113]], [[100], [50], [120]]);
    expectSafe(grid);
    expect(grid[0]!.slice(0, 4)).toEqual(["Cohort", "Payers", "Revenue", "Month 1"]);
    expect(grid[1]!.slice(0, 4)).toEqual([46082, 2, 150, 0.8]);
    expect(grid[grid.length - 1]![0]).toBe("All");
  });

  it("FUNNEL counts form", () => {
    const grid = fns.funnel([["browse"], ["register"], ["pay"]], [[100], [40], [10]]);
    expectSafe(grid);
    expect(grid).toEqual([
      ["Step", "Users", "Conversion from previous", "Conversion from first", "Drop-off"],
      ["browse", 100, 1, 1, 0],
      ["register", 40, 0.4, 0.4, 60],
      ["pay", 10, 0.25, 0.1, 30],
    ]);
  });

  it("PAYRATE count form returns a single number", () => {
    expect(fns.payrate([[25]], [[100]])).toBe(0.25);
    expect(fns.payrate([[25]], [[100]], [[5000]], "arppu")).toBe(200);
  });

  it("TIER returns one label per value with a per-cell error for text", () => {
    const grid = fns.tier([[500], [300], ["n/a"], [100], [""]], "pareto", [[0.5, 0.8]], [["S", "A", "B"]]);
    expectSafe(grid);
    expect(grid[0]![0]).toBe("S");
    expect(grid[1]![0]).toBe("A");
    expect(grid[2]![0]).toBeInstanceOf(CustomFunctions.Error);
    expect((grid[2]![0] as unknown as Thrown).code).toBe("#VALUE!");
    expect(grid[3]![0]).toBe("B");
    expect(grid[4]![0]).toBe("");
  });

  it("TIER on a long column: rows of equal results may be one shared array, each text cell its own error", () => {
    const values = [[900], ["x"], [900], ["y"], [10], [""], [900]];
    const grid = fns.tier(values);
    expectSafe(grid);
    expect(grid.map((r) => (r[0] instanceof CustomFunctions.Error ? (r[0] as unknown as Thrown).message : r[0]))).toEqual([
      "S", expect.stringContaining("x"), "S", expect.stringContaining("y"), "C", "", "S",
    ]);
  });
});

describe("toExcelGrid", () => {
  it.each([
    // grid                                   expected
    [[[1, "a"], [2]],                          [[1, "a"], [2, ""]]],          // ragged → padded
    [[[null, undefined], [NaN, Infinity]],     [["", ""], ["", ""]]],         // unsafe cells → ""
    [[[true, -0.5]],                           [[true, -0.5]]],
    [[],                                       [[""]]],
  ])("%j → %j", (grid, expected) => {
    expect(toExcelGrid(grid as never)).toEqual(expected);
  });

  it("passes a safe full-width row on as it is and copies one that needs mending", () => {
    const safe = [1, "a"];
    const ragged = [2];
    const out = toExcelGrid([safe, ragged]);
    expect(out[0]).toBe(safe);
    expect(out[1]).not.toBe(ragged);
    expect(ragged).toEqual([2]); // the input row is not mutated
  });
});
