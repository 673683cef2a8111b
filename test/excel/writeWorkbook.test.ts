import { STYLE_DEFS, widthCharsToPoints } from "../../src/core/tablespec/palette";
import { defaultSheetNames } from "../../src/core/generators/context";
import {
  blockArrays,
  formulaInput,
  rectangles,
  renameSheetRefs,
  styleRectangles,
} from "../../src/excel/layout";
import { planSheetNames, resolveSheetNames, titleRows, writeSheets } from "../../src/excel/writeWorkbook";
import { createMockExcel } from "./mockExcel";
import { demoWorkbook, scheduleSheet, settingsSheet, START_SERIAL, tieringSheet } from "../support/tableSpecs";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("sync budget", () => {
  it.each([10, 5000])("writes a %i-row sheet with at most 3 syncs per sheet", async (rows) => {
    const excel = createMockExcel(["Sheet1"]);
    const spec = { sheets: [scheduleSheet(rows)], names: [] };
    const progress: [string, number, number][] = [];
    await writeSheets(excel.context, spec, { onExisting: "keepBoth", onProgress: (...a) => progress.push(a) });
    expect(excel.syncs()).toBeLessThanOrEqual(3);
    expect(excel.syncs()).toBe(2); // one load for the workbook + one write for the sheet
    expect(progress).toEqual([["Schedule", 1, 1]]);
    const data = excel.range("Schedule", `A4:F${3 + rows}`);
    expect(data.formulas).toHaveLength(rows);
  });

  it("does not grow with the row count: N sheets take N + 1 syncs", async () => {
    for (const rows of [10, 5000]) {
      const excel = createMockExcel(["Sheet1"]);
      await writeSheets(excel.context, demoWorkbook(rows), { onExisting: "keepBoth" });
      expect(excel.syncs()).toBe(4);
      expect(excel.syncs() / 3).toBeLessThanOrEqual(3);
    }
  });

  it("reads collections only after syncing them (the mock refuses reads before)", async () => {
    const excel = createMockExcel(["Sheet1"]);
    const sheets = excel.context.workbook.worksheets;
    expect(() => sheets.items.map((s) => s.name)).toThrow();
  });
});

describe("values, formulas and formats", () => {
  let excel: ReturnType<typeof createMockExcel>;
  beforeAll(async () => {
    excel = createMockExcel(["Sheet1"]);
    await writeSheets(excel.context, demoWorkbook(10), { onExisting: "keepBoth" });
  });

  it("writes each block as one 2-D formulas array (constants and formulas together)", () => {
    const data = excel.range("Schedule", "A4:F13");
    expect(data.formulas[0]).toEqual(["T1", "Task 1", START_SERIAL, 1, "=WORKDAY(C4,D4-1,Holidays)", "Not started"]);
    expect(data.formulas[1]).toEqual(["T2", "Task 2", "=WORKDAY(E4,1,Holidays)", 2, "=WORKDAY(C5,D5-1,Holidays)", "Not started"]);
    expect(excel.range("Schedule", "A3:F3").formulas).toEqual([["ID", "Task", "Start", "Duration", "End", "Status"]]);
    expect(excel.range("Schedule", "A2").formulas).toEqual([[`="Holidays: "&COUNT('Settings'!$A$2:$A$20)`]]);
  });

  it("writes number formats as a 2-D array, null where the spec has none", () => {
    const data = excel.range("Schedule", "A4:F13");
    expect(data.numberFormat[0]).toEqual([null, null, "yyyy-mm-dd", "0", "yyyy-mm-dd", null]);
    expect(data.numberFormat).toHaveLength(10);
    // the header block has no formats: numberFormat is not touched
    expect(excel.range("Schedule", "A3:F3").numberFormat).toBeUndefined();
  });

  it("batches styles by token into rectangles, merges titles, sets widths", () => {
    const s = excel.sheet("Schedule");
    const header = excel.range("Schedule", "A3:F3");
    expect(header.format.fill.color).toBe(STYLE_DEFS.header.fill);
    expect(header.format.font.bold).toBe(true);
    // computed: the End column is one rectangle, the Start column (rows 2..10) another
    expect(excel.range("Schedule", "E4:E13").format.fill.color).toBe(STYLE_DEFS.computed.fill);
    expect(excel.range("Schedule", "C5:C13").format.fill.color).toBe(STYLE_DEFS.computed.fill);
    expect(s.merges).toEqual(["A1:F1"]);
    expect(excel.range("Schedule", "B:B").format.columnWidth).toBe(widthCharsToPoints(30));
    expect(excel.range("Schedule", "C:E").format.columnWidth).toBe(widthCharsToPoints(12));
    expect(excel.range("Schedule", "H:H").columnHidden).toBe(true);
    expect(s.freeze).toEqual(["at A1:B3"]);
    expect(s.mock.tabColor).toBe("#1F4E79");
  });

  it("adds the table, conditional formats (priority order), validations and print settings", () => {
    const s = excel.sheet("Schedule");
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0]!.address).toBe("A3:F13");
    expect(s.tables[0]!.hasHeaders).toBe(true);
    expect((s.tables[0]!.mock as Obj).name).toBe("tblSchedule");
    expect((s.tables[0]!.mock as Obj).style).toBe("TableStyleLight9");

    // Office.js inserts each new rule at the top: the rule with priority 1 is added last.
    const cfs = s.conditionalFormats.map((c) => ({ type: c.type, mock: c.mock as Obj, address: c.address }));
    expect(cfs.map((c) => c.type)).toEqual(["CellValue", "Custom", "Custom"]);
    expect(cfs[2]!.mock.custom.rule.formula).toBe('=$F4="Blocked"');
    expect(cfs[2]!.mock.stopIfTrue).toBe(true);
    expect(cfs[2]!.mock.custom.format.fill.color).toBe("#FFC7CE");
    expect(cfs[2]!.mock.custom.format.font.bold).toBe(true);
    expect(cfs[1]!.mock.custom.rule.formula).toBe('=$F4="Done"');
    expect(cfs[0]!.mock.cellValue.rule).toEqual({ formula1: "=4", operator: "GreaterThan" });
    expect(cfs[0]!.address).toBe("D4:D13");

    const status = excel.range("Schedule", "F4:F13");
    expect(status.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: "Not started,In progress,Blocked,Done" } });
    expect(status.dataValidation.prompt).toEqual({ showPrompt: true, message: "Pick a status", title: "" });
    expect(status.dataValidation.ignoreBlanks).toBe(true);
    expect(excel.range("Schedule", "D4:D13").dataValidation.rule).toEqual({
      decimal: { formula1: 1, formula2: 250, operator: "Between" },
    });

    const layout = s.mock.pageLayout as Obj;
    expect(layout.orientation).toBe("Landscape");
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(s.printCalls).toEqual(["titles $3:$3", "area A1:F13"]);
    expect(layout.headersFooters.defaultForAllPages.centerHeader).toBe("Schedule");
    expect(layout.headersFooters.defaultForAllPages.centerFooter).toBe("Page &P of &N");
  });

  it("draws the Pareto chart: columns + cumulative line on a 0–100 % secondary axis", () => {
    const [chart] = excel.sheet("Customer tiers").charts;
    expect(chart).toBeDefined();
    expect(chart!.type).toBe("ColumnClustered");
    expect(chart!.source).toBe("B2:B6");
    expect((chart!.mock as Obj).title.text).toBe("Customer value (Pareto)");
    expect(chart!.position).toEqual(["F2", "M17"]);
    expect(chart!.series).toHaveLength(2);
    const [cols, line] = chart!.series;
    expect(cols!.calls).toEqual(["values B2:B6", "categories A2:A6", "fill #1F4E79"]);
    expect((cols!.mock as Obj).name).toBe("Value");
    expect(line!.name).toBe("Cumulative share");
    expect(line!.calls).toEqual(["values D2:D6", "categories A2:A6"]);
    expect((line!.mock as Obj).chartType).toBe("LineMarkers");
    expect((line!.mock as Obj).axisGroup).toBe("Secondary");
    expect(chart!.axes.map((a) => [a.type, a.group])).toEqual([["Value", "Secondary"]]);
    const axis = chart!.axes[0]!.mock as Obj;
    expect([axis.minimum, axis.maximum, axis.numberFormat]).toEqual([0, 1, "0%"]);
  });

  it("creates every sheet in the first write batch, adds names last and activates the first sheet", () => {
    expect(excel.log).toEqual([
      "sync 1",
      "add Schedule",
      "add Settings",
      "add Customer tiers",
      "sync 2",
      "sync 3",
      "name Holidays",
      "activate Schedule",
      "sync 4",
    ]);
    expect(excel.workbookNames).toEqual([{ name: "Holidays", ref: "='Settings'!$A$2:$A$20" }]);
  });
});

describe("existing sheets: never overwrite silently", () => {
  it("planSheetNames resolves against the workbook before generation", async () => {
    const excel = createMockExcel(["Schedule", "Settings"]);
    const desired = defaultSheetNames("en");
    const names = await planSheetNames(excel.context, desired, "keepBoth");
    expect(names.schedule).toBe("Schedule (2)");
    expect(names.settings).toBe("Settings (2)");
    expect(names.kpi).toBe("KPIs");
    expect(excel.syncs()).toBe(1);
    const replace = await planSheetNames(excel.context, desired, "replace");
    expect(replace.schedule).toBe("Schedule");
  });

  it("resolveSheetNames never gives two kinds the same name", () => {
    expect(resolveSheetNames({ a: "Plan", b: "plan", c: "Plan" }, ["PLAN"], "keepBoth")).toEqual({
      a: "Plan (2)",
      b: "plan (3)",
      c: "Plan (4)",
    });
    expect(resolveSheetNames({ a: "Plan", b: "Plan" }, ["Plan"], "replace")).toEqual({ a: "Plan", b: "Plan (2)" });
    expect(resolveSheetNames({ a: "a:b/c" }, [], "keepBoth")).toEqual({ a: "a b c" });
  });

  it("keepBoth: an existing Schedule makes Schedule (2) and references follow", async () => {
    const excel = createMockExcel(["Schedule", "Settings"], ["Holidays"]);
    const result = await writeSheets(excel.context, demoWorkbook(10), { onExisting: "keepBoth" });
    expect(result.written).toEqual([
      { kind: "schedule", requested: "Schedule", actual: "Schedule (2)" },
      { kind: "settings", requested: "Settings", actual: "Settings (2)" },
      { kind: "tiering", requested: "Customer tiers", actual: "Customer tiers" },
    ]);
    expect(excel.log.filter((l) => l.startsWith("delete"))).toEqual([]);
    // the cross-sheet reference now points at the new Settings sheet
    expect(excel.range("Schedule (2)", "A2").formulas).toEqual([[`="Holidays: "&COUNT('Settings (2)'!$A$2:$A$20)`]]);
    // the old Holidays name belongs to the old sheets: ours is scoped to each new sheet
    expect(excel.workbookNames).toEqual([{ name: "Holidays", ref: "=#REF!" }]);
    expect(excel.sheet("Schedule (2)").names).toEqual([{ name: "Holidays", ref: "='Settings (2)'!$A$2:$A$20" }]);
    expect(excel.syncs()).toBe(4);
  });

  it("keepBoth: a table name already used elsewhere gets a suffix", async () => {
    const excel = createMockExcel([{ name: "Schedule", tables: ["tblSchedule"] }]);
    await writeSheets(excel.context, { sheets: [scheduleSheet(5)] }, { onExisting: "keepBoth" });
    expect((excel.sheet("Schedule (2)").tables[0]!.mock as Obj).name).toBe("tblSchedule_2");
  });

  it("replace: deletes the old sheet first, recreates it at the same position, replaces names", async () => {
    const excel = createMockExcel(["Intro", { name: "Schedule", tables: ["tblSchedule"] }, "Notes"], ["Holidays"]);
    const result = await writeSheets(excel.context, { sheets: [scheduleSheet(5), settingsSheet()], names: demoWorkbook(1).names }, { onExisting: "replace" });
    expect(result.written.map((w) => w.actual)).toEqual(["Schedule", "Settings"]);
    const i = excel.log.indexOf("delete Schedule");
    expect(i).toBeGreaterThan(0);
    expect(excel.log[i + 1]).toBe("add Schedule");
    expect(excel.log.slice(0, i)).toEqual(["sync 1"]);
    expect(excel.sheet("Schedule").mock.position).toBe(1);
    expect((excel.sheet("Schedule").tables[0]!.mock as Obj).name).toBe("tblSchedule"); // freed by the delete
    expect(excel.log).toContain("delete name Holidays");
    expect(excel.workbookNames).toEqual([{ name: "Holidays", ref: "='Settings'!$A$2:$A$20" }]);
    expect(excel.syncs()).toBe(3);
  });

  it("replace: keeps a placeholder when every visible sheet is replaced (Excel keeps one sheet)", async () => {
    const excel = createMockExcel(["Schedule"]);
    await writeSheets(excel.context, { sheets: [scheduleSheet(3)] }, { onExisting: "replace" });
    expect(excel.log).toEqual([
      "sync 1",
      "add OpsKit temp",
      "delete Schedule",
      "add Schedule",
      "delete OpsKit temp",
      "activate Schedule",
      "sync 2",
    ]);
  });

  it("reports which sheet failed", async () => {
    const excel = createMockExcel(["Sheet1"]);
    const ctx = excel.context as unknown as { sync: () => Promise<void> };
    const sync = ctx.sync.bind(ctx);
    let n = 0;
    ctx.sync = async () => {
      if (++n === 3) throw new Error("InvalidArgument");
      return sync();
    };
    await expect(writeSheets(excel.context, demoWorkbook(3), { onExisting: "keepBoth" })).rejects.toThrow(
      'Writing sheet "Settings" failed: InvalidArgument',
    );
  });
});

describe("layout helpers", () => {
  it("prefixes text Excel would reinterpret", () => {
    expect(formulaInput({ value: "0012" })).toBe("'0012");
    expect(formulaInput({ value: "=not a formula" })).toBe("'=not a formula");
    expect(formulaInput({ value: "TRUE" })).toBe("'TRUE");
    expect(formulaInput({ value: "Mar 3" })).toBe("'Mar 3");
    expect(formulaInput({ value: "Launch" })).toBe("Launch");
    expect(formulaInput({ value: "上线" })).toBe("上线");
    expect(formulaInput({ value: 3 })).toBe(3);
    expect(formulaInput({ value: false })).toBe(false);
    expect(formulaInput({ formula: "SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(formulaInput({ formula: "=A1", value: 4 })).toBe("=A1");
    expect(formulaInput(null)).toBeNull();
  });

  it("pads ragged blocks", () => {
    const arrays = blockArrays({ anchor: "B2", rows: [[{ value: 1 }], [null, { value: 2, numberFormat: "0" }]] });
    expect(arrays).toEqual({ address: "B2:C3", formulas: [[1, null], [null, 2]], numberFormats: [[null, null], [null, "0"]] });
    expect(blockArrays({ anchor: "A1", rows: [] })).toBeNull();
  });

  it("covers cells with few rectangles", () => {
    const column = Array.from({ length: 5000 }, (_, i) => [i, 3] as const);
    expect(rectangles(column)).toEqual([{ row1: 0, col1: 3, row2: 4999, col2: 3 }]);
    const striped = Array.from({ length: 6 }, (_, i) => [i, i % 2] as const);
    expect(rectangles(striped)).toHaveLength(6);
    const l = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 0]] as const;
    expect(rectangles(l)).toEqual([
      { row1: 0, col1: 0, row2: 1, col2: 1 },
      { row1: 2, col1: 0, row2: 2, col2: 0 },
    ]);
  });

  it("a 5,000-row sheet needs a handful of style ranges", () => {
    const rects = styleRectangles(scheduleSheet(5000));
    const count = [...rects.values()].reduce((n, r) => n + r.length, 0);
    expect(count).toBeLessThan(10);
  });

  it("renames sheet references outside string literals", () => {
    const renames = new Map([["Settings", "Settings (2)"]]);
    expect(renameSheetRefs("=SUM('Settings'!A1:A3)+Settings!B1", renames)).toBe("=SUM('Settings (2)'!A1:A3)+'Settings (2)'!B1");
    expect(renameSheetRefs('="Settings!A1"&MySettings!A1', renames)).toBe('="Settings!A1"&MySettings!A1');
  });

  it("normalises print title rows", () => {
    expect(titleRows("1:3")).toBe("$1:$3");
    expect(titleRows("$2:$2")).toBe("$2:$2");
    expect(titleRows("A4:K5")).toBe("$4:$5");
  });

  it("tiering sheet helper is well-formed", () => {
    expect(tieringSheet().charts).toHaveLength(1);
  });
});
