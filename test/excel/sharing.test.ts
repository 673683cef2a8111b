import { FakeExcel } from "./sharingFake";
import { freezeWorkbook, frozenInput, restoreWorkbook, scanWorkbook } from "../../src/excel/sharing";
import { OPS_FORMULAS_SHEET, readFormulaRecords } from "../../src/core/sharing/freeze";
import { usesOps } from "../../src/core/sharing/formulaText";

const RETENTION = "=OPS.RETENTION(Activity!$A$2:$A$9,Activity!$B$2:$B$9,\"week\",2)";
const PAYRATE = "=OPS.PAYRATE(Activity!$C$2:$C$3,Activity!$A$2:$A$9)";
const BROKEN = "=OPS.PAYRATE(Activity!$D$2:$D$3,Activity!$D$2:$D$3)";
const NESTED = "=LET(r,OPS.RETENTION(Activity!$A$2:$A$9,Activity!$B$2:$B$9),INDEX(r,2,3))";

/** A workbook as Excel has computed it: OPS results are on the sheet (spills included). */
function workbook(spillRows = 3): FakeExcel {
  const retention: unknown[][] = [["Cohort", "Users", "Week 1", "Week 2"]];
  for (let i = 0; i < spillRows - 2; i++) retention.push([i % 2 === 0 ? "2026-03" : 46083 + 7 * i, 10 + i, 0.5, ""]);
  retention.push(["All", 99, 0.4, 0.25]);
  return new FakeExcel([
    { name: "Activity", cells: { A1: "User", A2: "u1", B2: 46083, C2: "u1", A3: "u2", B3: 46090 } },
    {
      name: "Metrics",
      cells: { A1: "Retention", A3: RETENTION, G2: PAYRATE, G4: BROKEN, G6: NESTED, G8: "=SUM(C4:C5)", I1: '="OPS.PAYRATE is text"' },
      spills: { A3: retention },
    },
    {
      name: "KPIs",
      cells: { A1: "Payment rate", E7: "=Metrics!G2", F7: "=IFERROR(E7/D7,\"\")", E8: "=IFERROR(INDEX(Metrics!A3#,2,3),\"\")", H1: "=A1" },
    },
    { name: "Overview", cells: { A1: "Overview", A2: "'Values frozen on 2026-06-01…" } },
  ]).withResults({ Metrics: { G2: 0.25, G4: "#DIV/0!", G6: 0.5 } });
}

describe("scanWorkbook", () => {
  it("finds the OPS cells with their spill areas and the cells that use them, in 3 syncs", async () => {
    const excel = workbook();
    const report = await scanWorkbook(excel.context);
    expect(excel.syncs).toBe(3);
    // In reading order (row by row).
    expect(report.ops.map((o) => [o.sheet, o.address, o.area])).toEqual([
      ["Metrics", "G2", "G2"],
      ["Metrics", "A3", "A3:D5"],
      ["Metrics", "G4", "G4"],
      ["Metrics", "G6", "G6"],
    ]);
    expect(report.dependants.map((d) => [d.sheet, d.address, d.guarded])).toEqual([
      ["Metrics", "G8", false],
      ["KPIs", "E7", false],
      ["KPIs", "E8", true],
    ]);
    expect(report.sheets).toEqual(["Metrics", "KPIs"]);
  });

  it("takes 3 syncs however large the spills are", async () => {
    const excel = workbook(2000);
    const report = await scanWorkbook(excel.context);
    expect(excel.syncs).toBe(3);
    expect(report.ops[1]!.area).toBe("A3:D2002");
  });
});

describe("freezeWorkbook in place", () => {
  const excel = workbook();
  let result: Awaited<ReturnType<typeof freezeWorkbook>>;
  beforeAll(async () => {
    result = await freezeWorkbook(excel.context, { frozenAt: "2026-06-01", noteCell: { sheet: "Overview", address: "A2" } });
  });

  it("takes 4 syncs", () => {
    expect(excel.syncs).toBe(4);
    expect(excel.log.filter((l) => !l.startsWith("sync")).length).toBeGreaterThan(0);
    expect(excel.log[excel.log.length - 1]).toBe("sync 4"); // every write in the last batch
  });

  it("replaces every OPS cell and its spill area by Excel's values, nested formulas too", () => {
    const metrics = excel.sheet("Metrics");
    for (const [address, cell] of metrics.cells) {
      expect([address, usesOps(cell.formula ?? "")]).toEqual([address, false]); // I1 has "OPS.PAYRATE" only as text
    }
    expect(metrics.cells.get("A3")).toEqual({ value: "Cohort", type: "String" });
    expect(metrics.cells.get("A4")).toEqual({ value: "2026-03", type: "String" }); // text stays text (not a date)
    expect(metrics.cells.get("D5")).toEqual({ value: 0.25, type: "Double" });
    expect(metrics.cells.get("G2")).toEqual({ value: 0.25, type: "Double" });
    expect(metrics.cells.get("G6")).toEqual({ value: 0.5, type: "Double" });
    expect(metrics.cells.get("G8")?.formula).toBe("=SUM(C4:C5)"); // not an OPS cell
  });

  it("freezes an error as its code in text, so the shared file holds no error cell", () => {
    expect(excel.sheet("Metrics").cells.get("G4")).toEqual({ value: "#DIV/0!", type: "String" });
  });

  it("keeps the original formulas in the hidden sheet", () => {
    const hidden = excel.sheet(OPS_FORMULAS_SHEET);
    expect(hidden.visibility).toBe("Hidden");
    const { records, noteCell } = readFormulaRecords(excel.valuesFromA1(OPS_FORMULAS_SHEET));
    expect(records).toEqual(result.frozen);
    expect(records.map((r) => [r.address, r.formula, r.rows, r.cols])).toEqual([
      ["G2", PAYRATE, 1, 1],
      ["A3", RETENTION, 3, 4],
      ["G4", BROKEN, 1, 1],
      ["G6", NESTED, 1, 1],
    ]);
    expect(noteCell).toEqual({ sheet: "Overview", address: "A2" });
    // The formula texts are text (written with Excel's text prefix), not live formulas.
    expect([...hidden.cells.values()].every((c) => c.formula === undefined)).toBe(true);
  });

  it("leaves nothing that depends on the add-in", async () => {
    const report = await scanWorkbook(excel.context);
    expect(report).toEqual({ ops: [], dependants: [], sheets: [] });
  });

  it("restores with one click: formulas back, spill areas cleared, note cleared, hidden sheet gone (2 syncs)", async () => {
    const before = excel.syncs;
    const restored = await restoreWorkbook(excel.context);
    expect(excel.syncs - before).toBe(2);
    expect(restored.restored).toHaveLength(4);
    const metrics = excel.sheet("Metrics");
    expect(metrics.cells.get("A3")?.formula).toBe(RETENTION);
    expect(metrics.cells.has("A4")).toBe(false);
    expect(metrics.cells.has("D5")).toBe(false);
    expect(metrics.cells.get("G4")?.formula).toBe(BROKEN);
    expect(metrics.cells.get("G6")?.formula).toBe(NESTED);
    expect(excel.sheet("Overview").cells.has("A2")).toBe(false);
    expect(excel.find(OPS_FORMULAS_SHEET)).toBeUndefined();
    expect(excel.log).toContain("clear Contents Metrics!A3:D5");
  });

  it("a restore without a hidden sheet does nothing (1 sync)", async () => {
    const before = excel.syncs;
    expect(await restoreWorkbook(excel.context)).toEqual({ restored: [], missing: [], removedCopies: [] });
    expect(excel.syncs - before).toBe(1);
  });
});

describe("freezeWorkbook in copies of the sheets", () => {
  it("copies each sheet with OPS cells, freezes the copy and leaves the original live", async () => {
    const excel = workbook();
    const result = await freezeWorkbook(excel.context, { frozenAt: "2026-06-01", copySheets: true });
    expect(excel.syncs).toBe(4);
    expect(result.copies).toEqual([{ from: "Metrics", to: "Metrics (values)" }]);
    expect(excel.live().map((s) => s.name)).toEqual(["Activity", "Metrics", "Metrics (values)", "KPIs", "Overview", OPS_FORMULAS_SHEET]);
    expect(excel.sheet("Metrics").cells.get("A3")?.formula).toBe(RETENTION);
    expect(excel.sheet("Metrics (values)").cells.get("A3")).toEqual({ value: "Cohort", type: "String" });
    expect(result.frozen.every((r) => r.sheet === "Metrics (values)")).toBe(true);
    expect(result.frozen.every((r) => r.copyOf === "Metrics")).toBe(true);
  });

  it("Restore deletes the copy and writes nothing into the original or the copy (2 syncs; issue 16, item 10)", async () => {
    const excel = workbook();
    const original = new Map(excel.sheet("Metrics").cells);
    await freezeWorkbook(excel.context, { frozenAt: "2026-06-01", copySheets: true });
    const { records } = readFormulaRecords(excel.valuesFromA1(OPS_FORMULAS_SHEET));
    expect(records.map((r) => `${r.sheet}!${r.address}<${r.copyOf}`)).toEqual([
      "Metrics (values)!G2<Metrics", "Metrics (values)!A3<Metrics", "Metrics (values)!G4<Metrics", "Metrics (values)!G6<Metrics",
    ]);
    const logged = excel.log.length;
    const syncs = excel.syncs;
    const result = await restoreWorkbook(excel.context);
    expect(excel.syncs - syncs).toBe(2);
    expect(result).toEqual({ restored: [], missing: [], removedCopies: ["Metrics (values)"] });
    expect(excel.live().map((s) => s.name)).toEqual(["Activity", "Metrics", "KPIs", "Overview"]);
    expect(excel.sheet("Metrics").cells).toEqual(original);
    // The only changes: the copy and the hidden sheet deleted.
    expect(excel.log.slice(logged).filter((l) => !l.startsWith("sync"))).toEqual(["delete Metrics (values)", `delete ${OPS_FORMULAS_SHEET}`]);
  });
});

describe("Restore after a freeze in copies by an older OpsKit (no \"Copy of\" column)", () => {
  /** Today's freeze in copies, with column G taken off the hidden sheet: what an older version left. */
  async function legacyFrozen(): Promise<{ excel: FakeExcel; original: Map<string, unknown> }> {
    const excel = workbook();
    const original = new Map(excel.sheet("Metrics").cells);
    await freezeWorkbook(excel.context, { frozenAt: "2026-05-01", copySheets: true });
    const hidden = excel.sheet(OPS_FORMULAS_SHEET);
    for (const address of [...hidden.cells.keys()]) if (address.startsWith("G")) hidden.cells.delete(address);
    const read = readFormulaRecords(excel.valuesFromA1(OPS_FORMULAS_SHEET));
    expect(read.records.every((r) => r.sheet === "Metrics (values)" && r.copyOf === undefined)).toBe(true);
    return { excel, original };
  }

  it("deletes the copies and writes no OPS formula into them; the originals are untouched (2 syncs)", async () => {
    const { excel, original } = await legacyFrozen();
    const logged = excel.log.length;
    const syncs = excel.syncs;
    const result = await restoreWorkbook(excel.context);
    // Never a formula written: before the fix the four OPS formulas went live into the copy.
    expect(excel.log.slice(logged).filter((l) => l.startsWith("formulas"))).toEqual([]);
    expect(excel.syncs - syncs).toBe(2);
    expect(result).toEqual({ restored: [], missing: [], removedCopies: ["Metrics (values)"] });
    expect(excel.live().map((s) => s.name)).toEqual(["Activity", "Metrics", "KPIs", "Overview"]);
    expect(excel.sheet("Metrics").cells).toEqual(original);
    expect(excel.log.slice(logged).filter((l) => !l.startsWith("sync"))).toEqual(["delete Metrics (values)", `delete ${OPS_FORMULAS_SHEET}`]);
  });

  it("freezing again over the old record keeps its copies as copies (column G), so Restore still deletes them", async () => {
    const { excel } = await legacyFrozen();
    excel.sheet("KPIs").cells.set("B2", { formula: "=OPS.PAYRATE(5,100)", value: 0.05, type: "Double" });
    excel.sheet("Metrics").cells = new Map([["A1", { value: "Retention", type: "String" }]]); // no OPS cell left to freeze there
    await freezeWorkbook(excel.context, { frozenAt: "2026-06-08" });
    const read = readFormulaRecords(excel.valuesFromA1(OPS_FORMULAS_SHEET));
    expect(read.legacy).toBeUndefined();
    expect(read.records.map((r) => `${r.sheet}!${r.address}<${r.copyOf ?? ""}`)).toEqual([
      "Metrics (values)!G2<Metrics", "Metrics (values)!A3<Metrics", "Metrics (values)!G4<Metrics", "Metrics (values)!G6<Metrics", "KPIs!B2<",
    ]);
    const result = await restoreWorkbook(excel.context);
    expect(result.removedCopies).toEqual(["Metrics (values)"]);
    expect(result.restored.map((r) => `${r.sheet}!${r.address}`)).toEqual(["KPIs!B2"]);
  });

  it("freezing again over an old record it cannot tell is refused before any write", async () => {
    const { excel } = await legacyFrozen();
    excel.sheet("Metrics").name = "Metrics 2026";
    const logged = excel.log.length;
    await expect(freezeWorkbook(excel.context, { frozenAt: "2026-06-08" })).rejects.toThrow(/^Not frozen: an older version of OpsKit/);
    expect(excel.log.slice(logged).filter((l) => !l.startsWith("sync"))).toEqual([]);
  });

  it("when it cannot tell (the original was renamed), changes nothing and names the sheets (1 sync)", async () => {
    const { excel } = await legacyFrozen();
    excel.sheet("Metrics").name = "Metrics 2026";
    const copy = new Map(excel.sheet("Metrics (values)").cells);
    const hidden = new Map(excel.sheet(OPS_FORMULAS_SHEET).cells);
    const logged = excel.log.length;
    const syncs = excel.syncs;
    const result = await restoreWorkbook(excel.context);
    expect(excel.syncs - syncs).toBe(1);
    expect(result).toEqual({ restored: [], missing: [], removedCopies: [], undecided: ["Metrics (values)"] });
    expect(excel.log.slice(logged).filter((l) => !l.startsWith("sync"))).toEqual([]);
    expect(excel.live().map((s) => s.name)).toEqual(["Activity", "Metrics 2026", "Metrics (values)", "KPIs", "Overview", OPS_FORMULAS_SHEET]);
    expect(excel.sheet("Metrics (values)").cells).toEqual(copy);
    expect(excel.sheet(OPS_FORMULAS_SHEET).cells).toEqual(hidden);
  });
});

describe("freezing again", () => {
  it("appends to the hidden sheet and keeps the earlier records", async () => {
    const excel = workbook();
    await freezeWorkbook(excel.context, { frozenAt: "2026-06-01" });
    excel.sheet("KPIs").cells.set("B2", { formula: "=OPS.PAYRATE(5,100)", value: 0.05, type: "Double" });
    const second = await freezeWorkbook(excel.context, { frozenAt: "2026-06-08", locale: "zh-CN" });
    expect(second.frozen.map((r) => `${r.sheet}!${r.address}`)).toEqual(["KPIs!B2"]);
    const { records } = readFormulaRecords(excel.valuesFromA1(OPS_FORMULAS_SHEET));
    expect(records.map((r) => `${r.sheet}!${r.address} ${r.frozenAt}`)).toEqual([
      "Metrics!G2 2026-06-01", "Metrics!A3 2026-06-01", "Metrics!G4 2026-06-01", "Metrics!G6 2026-06-01", "KPIs!B2 2026-06-08",
    ]);
    expect(excel.valuesFromA1(OPS_FORMULAS_SHEET)[3]![0]).toBe("工作表");
  });

  it("a workbook without OPS cells is left alone (2 syncs, no writes)", async () => {
    const excel = new FakeExcel([{ name: "Sheet1", cells: { A1: 1, B1: "=A1*2" } }]);
    expect(await freezeWorkbook(excel.context, { frozenAt: "2026-06-01" })).toEqual({ frozen: [], copies: [] });
    expect(excel.syncs).toBe(2);
    expect(excel.log.filter((l) => !l.startsWith("sync"))).toEqual([]);
  });

  it("refuses a frozenAt that is not an ISO date before touching the workbook", async () => {
    const excel = workbook();
    await expect(freezeWorkbook(excel.context, { frozenAt: "June 1" })).rejects.toThrow(/ISO date/);
    expect(excel.syncs).toBe(0);
  });
});

describe("frozenInput", () => {
  it.each<[unknown, string | undefined, unknown]>([
    [0.25, "Double", 0.25],
    ["Cohort", "String", "Cohort"],
    ["2026-03", "String", "'2026-03"],
    ["=not a formula", "String", "'=not a formula"],
    ["#DIV/0!", "Error", "'#DIV/0!"],
    [true, "Boolean", true],
    ["", "Empty", ""],
  ])("%p (%s) → %p", (value, type, input) => {
    expect(frozenInput(value, type)).toEqual(input);
  });
});

describe("the Office.js writer renders hidden sheets and one-page printing", () => {
  it("hides a hidden sheet, activates the first visible one, fits a one-page sheet on one page", async () => {
    const { createMockExcel } = await import("./mockExcel");
    const { writeSheets } = await import("../../src/excel/writeWorkbook");
    const excel = createMockExcel(["Sheet1"]);
    await writeSheets(
      excel.context,
      {
        sheets: [
          { kind: "opsFormulas", name: OPS_FORMULAS_SHEET, hidden: true, blocks: [{ anchor: "A1", rows: [[{ value: "=OPS.TIER(B1)" }]] }] },
          { kind: "overview", name: "Overview", blocks: [{ anchor: "A1", rows: [[{ value: "Overview" }]] }], print: { onePage: true, area: "A1:F40" } },
        ],
      },
      { onExisting: "keepBoth" },
    );
    const hidden = excel.sheet(OPS_FORMULAS_SHEET).mock as unknown as Record<string, unknown>;
    const overview = excel.sheet("Overview").mock as unknown as { visibility?: string; pageLayout: { zoom: unknown } };
    expect(hidden.visibility).toBe("Hidden");
    expect(overview.visibility).toBeUndefined();
    expect(excel.log).toContain("activate Overview");
    expect(excel.log).not.toContain(`activate ${OPS_FORMULAS_SHEET}`);
    expect(overview.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    // The formula text is written as text (Excel's apostrophe prefix), not as a live formula.
    expect(excel.range(OPS_FORMULAS_SHEET, "A1").formulas).toEqual([["'=OPS.TIER(B1)"]]);
  });
});
