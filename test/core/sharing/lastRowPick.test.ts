/**
 * The one wrapper the OPS evaluator reads besides a plain call: the KPI
 * recipes' =LET(r, <OPS call>, INDEX(r, ROWS(r), n)) — row ROWS(r) (the All
 * row of a retention table), column n.
 */
import { opsEvaluator } from "../../../src/core/sharing/evaluateOps";
import { retention } from "../../../src/core/metrics/retention";
import type { WorkbookSpec } from "../../../src/core/tablespec/types";

const USERS = ["a", "a", "b", "b", "c"];
const DAYS = [46082, 46083, 46082, 46090, 46083];
const spec: WorkbookSpec = {
  sheets: [
    {
      kind: "activity",
      name: "Data",
      blocks: [{ anchor: "A1", rows: USERS.map((u, i) => [{ value: u }, { value: DAYS[i]! }]) }],
    },
  ],
};
const evaluate = opsEvaluator(spec);
const all = retention(USERS.map((u) => [u]), DAYS.map((d) => [d]), "day", [[1]], null, null) as unknown[][];

describe("=LET(r, OPS…, INDEX(r, ROWS(r), n))", () => {
  it.each([
    // formula                                                                          expected
    ['=LET(r,OPS.RETENTION(Data!A1:A5,Data!B1:B5,"day",1),INDEX(r,ROWS(r),3))',          { kind: "value", grid: [[all[all.length - 1]![2]]] }],
    ['= LET( r , OPS.RETENTION(Data!A1:A5,Data!B1:B5,"day",1) , INDEX( r, ROWS(r), 2 ))', { kind: "value", grid: [[all[all.length - 1]![1]]] }],
    ['=let(x,ops.retention(Data!A1:A5,Data!B1:B5,"day",1),index(x,rows(x),1))',          { kind: "value", grid: [[all[all.length - 1]![0]]] }],
  ])("%s", (formula, expected) => {
    expect(evaluate("Data", formula)).toEqual(expected);
  });

  it("passes a whole-call error of the inner call on", () => {
    expect(evaluate("Data", '=LET(r,OPS.RETENTION(Data!A1:A5,Data!B1:B5,"fortnight",1),INDEX(r,ROWS(r),3))').kind).toBe("error");
  });

  it.each([
    '=LET(r,OPS.RETENTION(Data!A1:A5,Data!B1:B5,"day",1),INDEX(r,ROWS(r),9))', // no column 9
    '=LET(r,OPS.RETENTION(Data!A1:A5,Data!B1:B5,"day",1),INDEX(r,1,3))', // not the last-row pick
    '=LET(r,OPS.RETENTION(Data!A1:A5,Data!B1:B5,"day",1),INDEX(s,ROWS(s),3))', // another name
  ])("leaves anything else unsupported: %s", (formula) => {
    expect(evaluate("Data", formula).kind).toBe("unsupported");
  });
});
