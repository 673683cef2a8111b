import {
  NOTE_CELL_MARKER,
  OPS_FORMULAS_KIND,
  OPS_FORMULAS_SHEET,
  formulaRecordsOf,
  freezeOpsFormulas,
  frozenSummary,
  opsFormulasSheet,
  readFormulaRecords,
  restoreOpsFormulas,
  restorePlan,
  restoreWrites,
  type FormulaRecord,
} from "../../../src/core/sharing/freeze";
import { opsEvaluator, type EvalResult } from "../../../src/core/sharing/evaluateOps";
import { sheetCells, specFormulaCells, cellKey } from "../../../src/core/sharing/cells";
import { usesOps } from "../../../src/core/sharing/formulaText";
import { buildDemoWorkbook, demoData } from "../../../src/core/generators/demo";
import { OpsError } from "../../../src/core/errors";
import { a1, parseA1 } from "../../../src/core/tablespec/a1";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../../src/core/tablespec/types";
import type { Locale } from "../../../src/core/i18n";

/** Every cell with content of a spec: "Sheet!A1" → value or formula. */
function contents(spec: WorkbookSpec): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  for (const sheet of spec.sheets) {
    for (const [key, cell] of sheetCells(sheet)) {
      const v = cell.formula ?? cell.value;
      if (v !== undefined) out.set(`${sheet.name}!${a1(Math.floor(key / 16384), key % 16384)}`, v);
    }
  }
  return out;
}

const sheet = (name: string, rows: (CellSpec | null)[][], anchor = "A1"): SheetSpec => ({ kind: "test", name, blocks: [{ anchor, rows }] });

/** A fake evaluator: a fixed result per formula. */
const fixed = (results: Record<string, EvalResult>) => (cell: { formula: string }): EvalResult =>
  results[cell.formula] ?? { kind: "unsupported", reason: "not in the table" };

describe("freezeOpsFormulas on a small spec", () => {
  const spec: WorkbookSpec = {
    sheets: [
      sheet("Data", [[{ value: 1 }, { formula: "=A1*2" }]]),
      {
        kind: "metrics",
        name: "Metrics",
        blocks: [
          { anchor: "A1", rows: [[{ value: "Retention", style: "subtitle" }], [{ formula: "=OPS.RETENTION(Data!A1:A3,Data!B1:B3)", style: "computed" }]] },
          { anchor: "E2", rows: [[{ formula: "=ops.payrate(5,100)", numberFormat: "0.0%" }]] },
          { anchor: "E4", rows: [[{ formula: "=_xldudf_OPS_PAYRATE(1,0)" }]] },
          { anchor: "E6", rows: [[{ formula: "=LET(r,OPS.TIER(Data!A1),r)" }]] },
          { anchor: "G1", rows: [[{ formula: "=SUM(A2:C4)" }]] },
        ],
      },
    ],
  };
  const results: Record<string, EvalResult> = {
    "=OPS.RETENTION(Data!A1:A3,Data!B1:B3)": { kind: "value", grid: [["Cohort", "Users", "Day 1"], [46083, 3, 0.5], ["All", 3, ""]] },
    "=ops.payrate(5,100)": { kind: "value", grid: [[0.05]] },
    "=_xldudf_OPS_PAYRATE(1,0)": { kind: "error", error: new OpsError("#DIV/0!", "population is 0") },
  };
  const { workbook, frozen, skipped } = freezeOpsFormulas(spec, { frozenAt: "2026-06-01", evaluate: fixed(results) });
  const after = contents(workbook);

  it("replaces every OPS cell and its whole spill area by the values", () => {
    expect(after.get("Metrics!A2")).toBe("Cohort");
    expect(after.get("Metrics!C2")).toBe("Day 1");
    expect(after.get("Metrics!A3")).toBe(46083);
    expect(after.get("Metrics!C3")).toBe(0.5);
    expect(after.get("Metrics!A4")).toBe("All");
    expect(after.has("Metrics!C4")).toBe(false); // "" stays empty
    expect(after.get("Metrics!E2")).toBe(0.05);
    expect(frozen.map((f) => [f.address, f.rows, f.cols])).toEqual([["A2", 3, 3], ["E2", 1, 1], ["E4", 1, 1]]);
  });

  it("keeps the anchor's number format and style", () => {
    const cells = sheetCells(workbook.sheets[1]!);
    expect(cells.get(cellKey(1, 0))).toEqual({ value: "Cohort", style: "computed" });
    expect(cells.get(cellKey(1, 4))).toEqual({ value: 0.05, numberFormat: "0.0%" });
  });

  it("freezes a whole-call error as its code in text (no error cell in the shared file)", () => {
    expect(after.get("Metrics!E4")).toBe("#DIV/0!");
  });

  it("leaves formulas it cannot evaluate live and lists them with the reason", () => {
    expect(after.get("Metrics!E6")).toBe("=LET(r,OPS.TIER(Data!A1),r)");
    expect(skipped).toEqual([{ sheet: "Metrics", address: "E6", formula: "=LET(r,OPS.TIER(Data!A1),r)", reason: "not in the table" }]);
  });

  it("leaves every other cell as it was", () => {
    const before = contents(spec);
    for (const [where, v] of before) {
      if (typeof v === "string" && usesOps(v) && where !== "Metrics!E6") continue;
      expect([where, after.get(where)]).toEqual([where, v]);
    }
  });

  it("keeps the original formulas in a hidden sheet, one row each, last in the workbook", () => {
    const hidden = workbook.sheets[workbook.sheets.length - 1]!;
    expect(hidden).toMatchObject({ kind: OPS_FORMULAS_KIND, name: OPS_FORMULAS_SHEET, hidden: true });
    expect(formulaRecordsOf(workbook).records).toEqual(frozen);
    expect(frozen[0]).toEqual({
      sheet: "Metrics", address: "A2", formula: "=OPS.RETENTION(Data!A1:A3,Data!B1:B3)", rows: 3, cols: 3, frozenAt: "2026-06-01",
    });
  });

  it("does not change its input", () => {
    expect(contents(spec).get("Metrics!A2")).toBe("=OPS.RETENTION(Data!A1:A3,Data!B1:B3)");
    expect(spec.sheets).toHaveLength(2);
  });

  it("restores: restore(freeze(spec)) has exactly the cells of spec", () => {
    const restored = restoreOpsFormulas(workbook);
    expect(restored.sheets.map((s) => s.name)).toEqual(["Data", "Metrics"]);
    expect(contents(restored)).toEqual(contents(spec));
    const cells = sheetCells(restored.sheets[1]!);
    expect(cells.get(cellKey(1, 4))).toEqual({ formula: "=ops.payrate(5,100)", numberFormat: "0.0%" });
  });

  it("rejects a frozenAt that is not an ISO date", () => {
    expect(() => freezeOpsFormulas(spec, { frozenAt: "1/6/2026", evaluate: fixed(results) })).toThrow(/ISO date/);
  });

  it("appends to the hidden sheet of an earlier freeze and keeps its note cell", () => {
    const first = freezeOpsFormulas(spec, { frozenAt: "2026-06-01", evaluate: fixed(results), noteCell: { sheet: "Overview", address: "A2:A3" } });
    const withNew: WorkbookSpec = {
      ...first.workbook,
      sheets: first.workbook.sheets.map((s) =>
        s.name === "Data" ? { ...s, blocks: [...s.blocks, { anchor: "D1", rows: [[{ formula: "=OPS.PAYRATE(5,100)" }]] }] } : s,
      ),
    };
    const second = freezeOpsFormulas(withNew, { frozenAt: "2026-06-08", evaluate: fixed({ "=OPS.PAYRATE(5,100)": { kind: "value", grid: [[0.05]] } }) });
    const { records, noteCell } = formulaRecordsOf(second.workbook);
    expect(records.map((r) => [r.sheet, r.address, r.frozenAt])).toEqual([
      ["Metrics", "A2", "2026-06-01"], ["Metrics", "E2", "2026-06-01"], ["Metrics", "E4", "2026-06-01"], ["Data", "D1", "2026-06-08"],
    ]);
    expect(noteCell).toEqual({ sheet: "Overview", address: "A2:A3" });
    expect(second.workbook.sheets.filter((s) => s.kind === OPS_FORMULAS_KIND)).toHaveLength(1);
  });
});

describe("the hidden formulas sheet", () => {
  const records: FormulaRecord[] = [
    { sheet: "Metrics", address: "A5", formula: '=OPS.RETENTION(A:A,"week")', rows: 12, cols: 6, frozenAt: "2026-06-01" },
    { sheet: "指标计算", address: "J5", formula: "=OPS.TIER(B5:B9)", rows: 5, cols: 1, frozenAt: "2026-06-01" },
  ];

  it("reads back what it holds, from its values as Excel returns them", () => {
    const spec = opsFormulasSheet(records, "zh-CN", { sheet: "概览", address: "A2:A3" });
    const values = spec.blocks[0]!.rows.map((r) => r.map((c) => c?.value ?? ""));
    expect(readFormulaRecords(values)).toEqual({ records, noteCell: { sheet: "概览", address: "A2:A3" } });
    expect(values[3]).toEqual(["工作表", "单元格", "公式", "溢出行数", "溢出列数", "固定日期", "副本的原表"]);
  });

  it.each<[string, unknown[]]>([
    ["no sheet", ["", "A5", "=OPS.TIER(B1)", 1, 1, ""]],
    ["not an address", ["Metrics", "A5:B9", "=OPS.TIER(B1)", 1, 1, ""]],
    ["not a formula", ["Metrics", "A5", "OPS.TIER(B1)", 1, 1, ""]],
  ])("ignores rows that are not records (%s)", (_name, row) => {
    const values = [[], [], [], [], row];
    expect(readFormulaRecords(values).records).toEqual([]);
  });

  it("accepts text-prefixed formulas, $ addresses and spill sizes as text; a bad size counts 1", () => {
    const values = [[], [], [NOTE_CELL_MARKER, "Overview", "$A$2"], [], ["Metrics", "$b$7", "'=OPS.TIER(B1)", "4", "x", "2026-06-01"]];
    expect(readFormulaRecords(values)).toEqual({
      records: [{ sheet: "Metrics", address: "B7", formula: "=OPS.TIER(B1)", rows: 4, cols: 1, frozenAt: "2026-06-01" }],
      noteCell: { sheet: "Overview", address: "A2" },
    });
  });

  it("gives the restore writes: clear the frozen area, then the formula into its anchor", () => {
    expect(restoreWrites(records)).toEqual([
      { sheet: "Metrics", clear: "A5:F16", address: "A5", formula: '=OPS.RETENTION(A:A,"week")' },
      { sheet: "指标计算", clear: "J5:J9", address: "J5", formula: "=OPS.TIER(B5:B9)" },
    ]);
    expect(restoreWrites([{ ...records[1]!, rows: 1 }])[0]!.clear).toBe("J5");
  });
});

describe("freezing the demo workbook with the evaluator", () => {
  const spec = buildDemoWorkbook(demoData("en"));
  const { workbook, frozen, skipped } = freezeOpsFormulas(spec, { frozenAt: "2026-06-01" });

  it("freezes the six OPS formulas of the Metrics sheet and the five KPI actuals, none skipped", () => {
    expect(skipped).toEqual([]);
    const opsBefore = specFormulaCells(spec).filter((c) => usesOps(c.formula));
    expect(opsBefore.map((c) => c.sheet)).toEqual([...Array(5).fill("KPIs"), ...Array(6).fill("Metrics")]);
    expect(frozen.map((f) => f.address)).toEqual(opsBefore.map((c) => c.address));
    const opsAfter = specFormulaCells(workbook).filter((c) => usesOps(c.formula));
    expect(opsAfter).toEqual([]);
  });

  it("every cell of every spill area holds what the evaluator computed", () => {
    const evaluate = opsEvaluator(spec);
    for (const f of frozen) {
      const metrics = sheetCells(workbook.sheets.find((s) => s.name === f.sheet)!);
      const result = evaluate(f.sheet, f.formula);
      if (result.kind !== "value") throw new Error(f.formula);
      const { row, col } = parseA1(f.address);
      expect([f.address, f.rows, f.cols]).toEqual([f.address, result.grid.length, result.grid[0]!.length]);
      result.grid.forEach((cells, r) =>
        cells.forEach((v, c) => {
          const cell = metrics.get(cellKey(row + r, col + c));
          expect([f.address, r, c, cell?.value ?? ""]).toEqual([f.address, r, c, v]);
          expect(cell?.formula).toBeUndefined();
        }),
      );
    }
  });

  it("spill areas do not run into other content of the sheet", () => {
    const metricsBefore = sheetCells(spec.sheets.find((s) => s.kind === "metrics")!);
    for (const f of frozen) {
      const { row, col } = parseA1(f.address);
      for (let r = 0; r < f.rows; r++)
        for (let c = 0; c < f.cols; c++) {
          if (r === 0 && c === 0) continue;
          const cell = metricsBefore.get(cellKey(row + r, col + c));
          expect([f.address, r, c, cell?.value ?? cell?.formula]).toEqual([f.address, r, c, undefined]);
        }
    }
  });

  it("round-trips: restore(freeze(demo)) has the demo's cells", () => {
    expect(contents(restoreOpsFormulas(workbook))).toEqual(contents(spec));
  });
});

describe("Restore undoes exactly what Freeze did (issue 16, item 10)", () => {
  const inPlace: FormulaRecord = { sheet: "KPIs", address: "B2", formula: "=OPS.PAYRATE(5,100)", rows: 1, cols: 1, frozenAt: "2026-06-01" };
  const inCopy: FormulaRecord = { sheet: "Metrics (values)", address: "A5", formula: "=OPS.TIER(B5:B9)", rows: 5, cols: 1, frozenAt: "2026-06-01", copyOf: "Metrics" };
  const inCopy2: FormulaRecord = { ...inCopy, address: "D5", rows: 1 };

  it("keeps, for a freeze in copies, the sheet each copy was made of (column G), and reads it back", () => {
    const spec = opsFormulasSheet([inPlace, inCopy], "en");
    const values = spec.blocks[0]!.rows.map((r) => r.map((c) => c?.value ?? ""));
    expect(values[3]![6]).toBe("Copy of");
    expect(values[4]![6]).toBe("");
    expect(values[5]![6]).toBe("Metrics");
    expect(readFormulaRecords(values).records).toEqual([inPlace, inCopy]);
  });

  it("a row naming its own sheet as the original is restored in place, never deleted", () => {
    const values = [[], [], [], [], ["KPIs", "B2", "=OPS.PAYRATE(5,100)", 1, 1, "2026-06-01", "kpis"]];
    expect(readFormulaRecords(values).records).toEqual([inPlace]);
  });

  it.each<[string, FormulaRecord[], string[], { writes: string[]; deleteSheets: string[]; missing: string[] }]>([
    ["in place: the formulas go back", [inPlace], ["KPIs"], { writes: ["KPIs!B2"], deleteSheets: [], missing: [] }],
    ["in copies: the copy goes, once, and nothing is written", [inCopy, inCopy2], ["Metrics", "Metrics (values)"], { writes: [], deleteSheets: ["Metrics (values)"], missing: [] }],
    ["both kinds", [inPlace, inCopy], ["KPIs", "Metrics", "metrics (VALUES)"], { writes: ["KPIs!B2"], deleteSheets: ["Metrics (values)"], missing: [] }],
    ["a copy already deleted needs no undoing", [inCopy], ["Metrics"], { writes: [], deleteSheets: [], missing: [] }],
    ["an in-place sheet that is gone is missing", [inPlace], ["Metrics"], { writes: [], deleteSheets: [], missing: ["KPIs!B2"] }],
  ])("restorePlan: %s", (_name, records, sheets, expected) => {
    const names = new Set(sheets.map((n) => n.toLowerCase()));
    const plan = restorePlan(records, (n) => names.has(n.toLowerCase()));
    expect({
      writes: plan.writes.map((w) => `${w.sheet}!${w.address}`),
      deleteSheets: plan.deleteSheets,
      missing: plan.missing.map((r) => `${r.sheet}!${r.address}`),
    }).toEqual(expected);
    expect(plan.restored.map((r) => `${r.sheet}!${r.address}`)).toEqual(expected.writes);
  });

  it("restoreOpsFormulas deletes the copies a freeze in copies made and leaves the originals as they were", () => {
    const original = sheet("Metrics", [[{ value: "Tier" }], [{ formula: "=OPS.TIER(B5:B9)" }]]);
    const copy = sheet("Metrics (values)", [[{ value: "Tier" }], [{ value: "S" }]]);
    const frozen: WorkbookSpec = {
      sheets: [original, copy, opsFormulasSheet([{ ...inCopy, address: "A2", rows: 1 }], "en")],
    };
    const restored = restoreOpsFormulas(frozen);
    expect(restored.sheets).toEqual([original]);
  });
});

describe("Restore of a freeze by an older OpsKit: no \"Copy of\" column (legacy hidden sheet)", () => {
  const DATE = "2026-05-01";
  const rec = (sheetName: string, address = "A5", formula = "=OPS.TIER(B5:B9)"): FormulaRecord => ({
    sheet: sheetName, address, formula, rows: 1, cols: 1, frozenAt: DATE,
  });
  /** The hidden sheet as an older OpsKit wrote it: today's layout without column G (its header included). */
  const legacyValues = (records: FormulaRecord[]): unknown[][] =>
    opsFormulasSheet(records, "en").blocks[0]!.rows.map((r) => r.slice(0, 6).map((c) => c?.value ?? ""));

  it("is recognised by its header: the date column but no column G", () => {
    const values = legacyValues([rec("Metrics (values)")]);
    expect(values[3]).toEqual(["Sheet", "Cell", "Formula", "Spill rows", "Spill columns", "Frozen on"]);
    expect(readFormulaRecords(values)).toEqual({ records: [rec("Metrics (values)")], legacy: true });
    // The current layout, and a grid without a header, are not legacy.
    const current = opsFormulasSheet([rec("Metrics (values)")], "en").blocks[0]!.rows.map((r) => r.map((c) => c?.value ?? ""));
    expect(readFormulaRecords(current).legacy).toBeUndefined();
    expect(readFormulaRecords([[], [], [], [], ["KPIs", "B2", "=OPS.PAYRATE(5,100)", 1, 1, DATE]]).legacy).toBeUndefined();
  });

  const long = "Customer tiering for 2026 Q1"; // 28 characters: its copy's name is cut at 31
  it.each<[string, FormulaRecord[], string[], { writes: string[]; deleteSheets: string[]; missing: string[]; undecided: string[] }]>([
    ["a copy of an existing sheet is deleted, nothing is written", [rec("Metrics (values)"), rec("Metrics (values)", "D5")], ["Metrics", "Metrics (values)"],
      { writes: [], deleteSheets: ["Metrics (values)"], missing: [], undecided: [] }],
    ["a second copy (\"(2)\") and a copy whose name was cut at 31 characters", [rec("Metrics (values) (2)"), rec(`${long} (v`)], ["Metrics", "Metrics (values)", "Metrics (values) (2)", long, `${long} (v`],
      { writes: [], deleteSheets: ["Metrics (values) (2)", `${long} (v`], missing: [], undecided: [] }],
    ["an old freeze in place still gets its formulas back", [rec("KPIs", "B2"), rec("Schedule (2)", "C3")], ["KPIs", "Schedule", "Schedule (2)"],
      { writes: ["KPIs!B2", "Schedule (2)!C3"], deleteSheets: [], missing: [], undecided: [] }],
    ["copies and sheets frozen in place, side by side", [rec("KPIs", "B2"), rec("Metrics (values)")], ["KPIs", "Metrics", "metrics (VALUES)"],
      { writes: ["KPIs!B2"], deleteSheets: ["Metrics (values)"], missing: [], undecided: [] }],
    ["a copy already deleted needs no undoing", [rec("Metrics (values)")], ["Metrics"],
      { writes: [], deleteSheets: [], missing: [], undecided: [] }],
    ["undecided: the sheet it would be a copy of is gone (or renamed)", [rec("KPIs", "B2"), rec("Metrics (values)")], ["KPIs", "Metrics (values)"],
      { writes: [], deleteSheets: [], missing: [], undecided: ["Metrics (values)!A5"] }],
    ["undecided: the original has records of its own (a copy is never recorded with its original)", [rec("Metrics"), rec("Metrics (values)")], ["Metrics", "Metrics (values)"],
      { writes: [], deleteSheets: [], missing: [], undecided: ["Metrics (values)!A5"] }],
    ["undecided: cut at 31 characters, original gone", [rec(`${long} (v`)], [`${long} (v`],
      { writes: [], deleteSheets: [], missing: [], undecided: [`${long} (v!A5`] }],
  ])("restorePlan: %s", (_name, records, sheets, expected) => {
    const names = new Set(sheets.map((n) => n.toLowerCase()));
    const plan = restorePlan(records, (n) => names.has(n.toLowerCase()), { sheetNames: sheets });
    expect({
      writes: plan.writes.map((w) => `${w.sheet}!${w.address}`),
      deleteSheets: plan.deleteSheets,
      missing: plan.missing.map((r) => `${r.sheet}!${r.address}`),
      undecided: plan.undecided.map((r) => `${r.sheet}!${r.address}`),
    }).toEqual(expected);
    // Never an OPS formula written into a "(values)" copy.
    expect(plan.writes.filter((w) => /\(values\)|\(v$/i.test(w.sheet))).toEqual([]);
  });

  it("the state the pane shows lists the copies a legacy sheet's restore deletes", () => {
    const records = [rec("KPIs", "B2"), rec("Metrics (values)"), rec("Metrics (values)", "D5")];
    expect(frozenSummary(records, { sheetNames: ["KPIs", "Metrics", "Metrics (values)"] })).toEqual({ count: 3, frozenAt: DATE, copies: ["Metrics (values)"] });
    expect(frozenSummary(records)).toEqual({ count: 3, frozenAt: DATE, copies: [] });
  });

  const legacySpec = (sheets: SheetSpec[], records: FormulaRecord[]): WorkbookSpec => ({
    sheets: [...sheets, { kind: OPS_FORMULAS_KIND, name: OPS_FORMULAS_SHEET, blocks: [{ anchor: "A1", rows: legacyValues(records).map((r) => r.map((v) => (v === "" ? null : { value: v as string | number }))) }], hidden: true }],
  });

  it("restoreOpsFormulas deletes an old freeze's copies and leaves the originals as they were", () => {
    const original = sheet("Metrics", [[{ value: "Tier" }], [{ formula: "=OPS.TIER(B5:B9)" }]]);
    const copy = sheet("Metrics (values)", [[{ value: "Tier" }], [{ value: "S" }]]);
    const frozen = legacySpec([original, copy], [rec("Metrics (values)", "A2", "=OPS.TIER(B5:B9)")]);
    expect(formulaRecordsOf(frozen).legacy).toBe(true);
    expect(restoreOpsFormulas(frozen).sheets).toEqual([original]);
  });

  it("freezing again over an old record writes its copies' originals into column G, so a later restore still deletes them", () => {
    const kpis = sheet("KPIs", [[{ formula: "=OPS.PAYRATE(5,100)" }]]);
    const original = sheet("Metrics", [[{ value: "Tier" }], [{ formula: "=OPS.TIER(B5:B9)" }]]);
    const copy = sheet("Metrics (values)", [[{ value: "Tier" }], [{ value: "S" }]]);
    const frozen = legacySpec([kpis, original, copy], [rec("Metrics (values)", "A2")]);
    const evaluate = fixed({ "=OPS.PAYRATE(5,100)": { kind: "value", grid: [[0.05]] }, "=OPS.TIER(B5:B9)": { kind: "value", grid: [["S"]] } });
    const again = freezeOpsFormulas(frozen, { frozenAt: "2026-06-01", evaluate }).workbook;
    const read = formulaRecordsOf(again);
    expect(read.legacy).toBeUndefined();
    expect(read.records.map((r) => `${r.sheet}!${r.address}<${r.copyOf ?? ""}`)).toEqual(["Metrics (values)!A2<Metrics", "KPIs!A1<", "Metrics!A2<"]);
    const restored = restoreOpsFormulas(again);
    expect(restored.sheets.map((s) => s.name)).toEqual(["KPIs", "Metrics"]);
    expect(contents(restored)).toEqual(contents({ sheets: [kpis, original] }));
  });

  it.each<[Locale, RegExp]>([
    ["en", /^Not frozen: an older version of OpsKit froze this workbook, and its record does not say whether Metrics \(values\) are value copies\. Restore first/],
    ["zh-CN", /^未冻结：此工作簿曾由旧版 OpsKit 冻结，其记录无法说明 Metrics \(values\) 是否为数值副本/],
  ])("freezing again over an old record it cannot tell is refused, nothing changed (%s)", (locale, message) => {
    const frozen = legacySpec([sheet("KPIs", [[{ formula: "=OPS.PAYRATE(5,100)" }]]), sheet("Metrics (values)", [[{ value: "S" }]])], [rec("Metrics (values)", "A1")]);
    const copy = JSON.stringify(frozen);
    expect(() => freezeOpsFormulas(frozen, { frozenAt: "2026-06-01", locale, evaluate: fixed({}) })).toThrow(message);
    expect(JSON.stringify(frozen)).toBe(copy);
  });

  it("restoreOpsFormulas leaves the workbook unchanged when it cannot tell a copy", () => {
    const copy = sheet("Metrics (values)", [[{ value: "Tier" }], [{ value: "S" }]]);
    const frozen = legacySpec([sheet("KPIs", [[{ value: 0.05 }]]), copy], [rec("KPIs", "A1", "=OPS.PAYRATE(5,100)"), rec("Metrics (values)", "A2")]);
    expect(restoreOpsFormulas(frozen)).toBe(frozen);
  });
});
