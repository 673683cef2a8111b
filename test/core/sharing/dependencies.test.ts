import { formulaRefs, opsFunctions, usesOps, MAX_COL, MAX_ROW } from "../../../src/core/sharing/formulaText";
import { scanAddinDependencies, scanFormulaCells, type FormulaCell } from "../../../src/core/sharing/dependencies";
import { buildDemoWorkbook, demoData } from "../../../src/core/generators/demo";
import { buildPlanWorkbook } from "../../../src/core/generators/workbook";
import { defaultContext } from "../../../src/core/generators/context";
import { generateOverview } from "../../../src/core/sharing/overview";
import { freezeOpsFormulas } from "../../../src/core/sharing/freeze";
import { samplePlan } from "../../../src/core/plan/fromTemplate";
import { sheetRef } from "../../../src/core/tablespec/a1";

describe("finding OPS calls in formula text", () => {
  it.each<[string, string[]]>([
    ["=OPS.RETENTION(A1:A9,B1:B9)", ["RETENTION"]],
    ["=ops.payrate(a1,b1)", ["PAYRATE"]],
    ["=_xldudf_OPS_TIER(B5:B9)", ["TIER"]],
    ["=_XLDUDF_OPS_FUNNEL(A1:A3,B1:B3)", ["FUNNEL"]],
    ["=LET(r,OPS.RETENTION(A:A,B:B),INDEX(r,ROWS(r),3))", ["RETENTION"]],
    ["=OPS.PAYRATE(A1,B1)+OPS.PAYRATE(C1,D1)*ops.Tier(E1)", ["PAYRATE", "TIER"]],
    ["=OPS.PAYRATE (A1,B1)", ["PAYRATE"]],
    ['="OPS.RETENTION(A1)"', []],
    ['=IF(A1="x","=OPS.TIER(B1)",1)', []],
    ["=MYOPS.TIER(A1)", []],
    ["=SUM(OPS)", []],
    ["=A1.OPS.TIER(1)", []],
  ])("%s → %p", (formula, names) => {
    expect(opsFunctions(formula)).toEqual(names);
    expect(usesOps(formula)).toBe(names.length > 0);
  });
});

describe("references in formula text", () => {
  const simple = (formula: string) => formulaRefs(formula).map((r) => [r.sheet, r.row1, r.col1, r.row2, r.col2, r.spill, r.text]);
  it.each<[string, unknown[][]]>([
    ["=A1", [[null, 0, 0, 0, 0, false, "A1"]]],
    ["=$B$5+c7", [[null, 4, 1, 4, 1, false, "$B$5"], [null, 6, 2, 6, 2, false, "c7"]]],
    ["=SUM(B2:D9)", [[null, 1, 1, 8, 3, false, "B2:D9"]]],
    ["=SUM(D9:B2)", [[null, 1, 1, 8, 3, false, "D9:B2"]]],
    ["='Metrics'!$A$5", [["Metrics", 4, 0, 4, 0, false, "'Metrics'!$A$5"]]],
    ["='KPI''s (2)'!E7*2", [["KPI's (2)", 6, 4, 6, 4, false, "'KPI''s (2)'!E7"]]],
    ["=Metrics!J5#", [["Metrics", 4, 9, 4, 9, true, "Metrics!J5#"]]],
    ["=COUNTA(J5#)", [[null, 4, 9, 4, 9, true, "J5#"]]],
    ["=SUM(Data!B:C)", [["Data", 0, 1, MAX_ROW, 2, false, "Data!B:C"]]],
    ["=SUM(3:4)", [[null, 2, 0, 3, MAX_COL, false, "3:4"]]],
    ["='客户分级'!$L$5", [["客户分级", 4, 11, 4, 11, false, "'客户分级'!$L$5"]]],
    ['=IF(A1="B2","C3",D4)', [[null, 0, 0, 0, 0, false, "A1"], [null, 3, 3, 3, 3, false, "D4"]]],
    ["=LOG10(A1)", [[null, 0, 0, 0, 0, false, "A1"]]],
    ["=WORKDAY(E5,F5-1,Holidays)", [[null, 4, 4, 4, 4, false, "E5"], [null, 4, 5, 4, 5, false, "F5"]]],
    ["=_xlfn.XLOOKUP(1,A1:A3,B1:B3)", [[null, 0, 0, 2, 0, false, "A1:A3"], [null, 0, 1, 2, 1, false, "B1:B3"]]],
    ["=Sheet1!A1+Sheet1A1", [["Sheet1", 0, 0, 0, 0, false, "Sheet1!A1"]]],
    ["=1E5+A1", [[null, 0, 0, 0, 0, false, "A1"]]],
    ["=tblTiering[Value]", []],
  ])("%s", (formula, refs) => {
    expect(simple(formula)).toEqual(refs);
  });
});

describe("scanFormulaCells", () => {
  const cells: FormulaCell[] = [
    { sheet: "Metrics", address: "A5", formula: "=OPS.RETENTION(Activity!A2:A9,Activity!B2:B9)" },
    { sheet: "Metrics", address: "J5", formula: "=_xldudf_OPS_TIER('Customer tiers'!B5:B9)" },
    { sheet: "Metrics", address: "M1", formula: "=COUNTA(J5#)" }, // spill reference
    { sheet: "Metrics", address: "M2", formula: "=C7" }, // inside A5's spill (A5:F16)
    { sheet: "Metrics", address: "M3", formula: "=G7" }, // just outside it
    { sheet: "KPIs", address: "E7", formula: "=IFERROR(INDEX(Metrics!$A$5:$F$16,12,3),\"\")" }, // guarded
    { sheet: "KPIs", address: "F7", formula: "=E7/D7" }, // second level: not listed
    { sheet: "Summary", address: "B2", formula: "=SUM(metrics!A:A)" }, // whole column, sheet name in another case
    { sheet: "Summary", address: "B3", formula: '="Metrics!A5"' }, // only text
  ];
  const spill = (c: FormulaCell) => (c.address === "A5" ? { rows: 12, cols: 6 } : c.address === "J5" ? { rows: 5, cols: 1 } : undefined);
  const report = scanFormulaCells(cells, { spill });

  it("lists every OPS cell with the functions it calls and the area of its result", () => {
    expect(report.ops.map((o) => [o.sheet, o.address, o.functions, o.area])).toEqual([
      ["Metrics", "A5", ["RETENTION"], "A5:F16"],
      ["Metrics", "J5", ["TIER"], "J5:J9"],
    ]);
    expect(report.ops[0]!.message).toBe("Calls OPS.RETENTION: shows #NAME? where OpsKit is not installed");
  });

  it("lists the cells that refer to them (one level), guarded or not", () => {
    expect(report.dependants.map((d) => [d.sheet, d.address, d.uses, d.guarded])).toEqual([
      ["Metrics", "M1", ["'Metrics'!J5"], false],
      ["Metrics", "M2", ["'Metrics'!A5"], false],
      ["KPIs", "E7", ["'Metrics'!A5"], true],
      ["Summary", "B2", ["'Metrics'!A5"], false],
    ]);
    expect(report.dependants[2]!.message).toMatch(/inside IFERROR\/IFNA: shows its fallback/);
    expect(report.sheets).toEqual(["Metrics", "KPIs", "Summary"]);
  });

  it("without spill sizes, only the anchor cell counts", () => {
    const anchorsOnly = scanFormulaCells(cells);
    expect(anchorsOnly.dependants.map((d) => d.address)).toEqual(["M1", "E7", "B2"]); // E7's range still covers the anchor A5
  });

  it("is empty for a workbook without OPS", () => {
    expect(scanFormulaCells([{ sheet: "A", address: "A1", formula: "=B1" }])).toEqual({ ops: [], dependants: [], sheets: [] });
  });

  it("speaks Chinese", () => {
    expect(scanFormulaCells(cells, { locale: "zh-CN", spill }).ops[1]!.message).toBe("调用 OPS.TIER：未安装 OpsKit 时显示 #NAME?");
  });
});

describe("scanAddinDependencies over generated workbooks", () => {
  it("the demo: the five KPI actuals and the six Metrics formulas; spill sizes from the evaluator", () => {
    const report = scanAddinDependencies(buildDemoWorkbook(demoData("en")));
    expect(report.ops.map((o) => o.sheet)).toEqual([...Array(5).fill("KPIs"), ...Array(6).fill("Metrics")]);
    expect(report.ops.find((o) => o.functions[0] === "TIER")!.area).toMatch(/^[A-Z]+5:[A-Z]+204$/); // one label per customer
    // The KPI progress cells read the live actuals (and the Summary reads the KPI sheet).
    expect(report.dependants.some((d) => d.sheet === "KPIs")).toBe(true);
  });

  it("a plan with live KPI actuals: the KPI progress, the Summary and the Overview links depend on them", () => {
    const ctx = defaultContext("en");
    const plan = samplePlan("en");
    const m = (address: string) => sheetRef(ctx.sheetNames.metrics, address);
    plan.indicators[1]!.actualFormula = `=OPS.PAYRATE(${m("$C$2:$C$5001")},${m("$A$2:$A$5001")})`;
    plan.indicators[2]!.actualFormula = `=INDEX(OPS.RETENTION(${m("$A$2:$A$5001")},${m("$B$2:$B$5001")},"day",1),2,3)`;
    const spec = buildPlanWorkbook(plan, ctx, ["schedule", "kpi", "summary"]);
    spec.sheets.unshift(generateOverview(plan, ctx));
    const report = scanAddinDependencies(spec);
    expect(report.ops.map((o) => `${o.sheet}!${o.address}`)).toEqual(["KPIs!E8", "KPIs!E9"]);
    const where = report.dependants.map((d) => `${d.sheet}!${d.address}${d.guarded ? " (guarded)" : ""}`);
    expect(where).toEqual(expect.arrayContaining(["KPIs!F8 (guarded)", "KPIs!F9 (guarded)"]));
    expect(where.some((w) => w.startsWith("Summary!"))).toBe(true);
    expect(where.some((w) => w.startsWith("Overview!"))).toBe(true);
    expect(report.sheets).toEqual(["Overview", "KPIs", "Summary"]);
  });

  it("after freezing nothing depends on the add-in", () => {
    const frozen = freezeOpsFormulas(buildDemoWorkbook(demoData("zh-CN")), { frozenAt: "2026-06-01", locale: "zh-CN" }).workbook;
    expect(scanAddinDependencies(frozen)).toEqual({ ops: [], dependants: [], sheets: [] });
  });
});
