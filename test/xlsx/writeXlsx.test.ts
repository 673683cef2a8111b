import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { STYLE_DEFS } from "../../src/core/tablespec/palette";
import type { WorkbookSpec } from "../../src/core/tablespec/types";
import { toFileFormula } from "../../src/xlsx/formulas";
import { chartXml, qualify } from "../../src/xlsx/ooxml";
import { listFormula, workbookToXlsx } from "../../src/xlsx/writeXlsx";
import { demoWorkbook, START_SERIAL, tieringSheet } from "../support/tableSpecs";

/** Throws on XML that is not well-formed (saxes is the parser ExcelJS itself uses). */
function assertWellFormed(xml: string, name: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on("error", (e) => (error ??= e));
  parser.write(xml).close();
  if (error) throw new Error(`${name}: ${error.message}`);
}

type AnyRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("workbookToXlsx", () => {
  let buffer: Buffer;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  const spec: WorkbookSpec = demoWorkbook(10);
  // every feature the adapter handles, on top of the demo sheets
  spec.sheets[0]!.conditionalFormats!.push({
    kind: "cellValue",
    range: "D4:D13",
    operator: "between",
    formula1: "2",
    formula2: "=3",
    format: { fill: "#FFEB9C" },
  });
  spec.sheets[0]!.validations!.push({ kind: "date", range: "C4:C13" });
  spec.sheets[1]!.validations = [{ kind: "listFormula", range: "B2:B3", source: "='Settings'!$A$2:$A$3", allowBlank: false }];
  spec.sheets[1]!.tables = [{ name: "tblHolidays", range: "A1:A3", showTotals: true }];
  spec.sheets[2]!.print = { orientation: "portrait", fitToWidth: true, repeatRows: "A1:D1" };
  spec.sheets[2]!.freeze = { rows: 1, columns: 0 };
  spec.sheets[2]!.blocks.push({ anchor: "A8", rows: [[{ value: "=literal text" }, { formula: "=IFS(B2>100,\"big\",TRUE,\"small\")" }, { value: true }]] });

  beforeAll(async () => {
    buffer = await workbookToXlsx(spec, { date: new Date(Date.UTC(2025, 0, 1)) });
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    zip = await JSZip.loadAsync(buffer);
  });

  it("re-opens with every sheet in order", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Schedule", "Settings", "Customer tiers"]);
  });

  it("writes values, formulas without '=', and number formats", () => {
    const ws = wb.getWorksheet("Schedule")!;
    expect(ws.getCell("A4").value).toBe("T1");
    // a date is a serial with a date format: ExcelJS reads it back as that UTC day
    expect(ws.getCell("C4").value).toEqual(new Date(Date.UTC(2025, 2, 3)));
    expect(Date.UTC(2025, 2, 3) / 86_400_000 + 25569).toBe(START_SERIAL);
    expect(ws.getCell("C4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("D4").value).toBe(1);
    expect(ws.getCell("E4").value).toEqual({ formula: "WORKDAY(C4,D4-1,Holidays)" });
    expect(ws.getCell("C5").value).toEqual({ formula: "WORKDAY(E4,1,Holidays)" });
    expect(ws.getCell("E4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("A2").value).toEqual({ formula: `"Holidays: "&COUNT('Settings'!$A$2:$A$20)` });
    const tiers = wb.getWorksheet("Customer tiers")!;
    expect(tiers.getCell("C2").numFmt).toBe("0.0%");
    expect(tiers.getCell("B2").numFmt).toBe("#,##0");
    // text that looks like a formula stays text; newer functions get their _xlfn. prefix
    expect(tiers.getCell("A8").value).toBe("=literal text");
    expect(tiers.getCell("B8").value).toEqual({ formula: '_xlfn.IFS(B2>100,"big",TRUE,"small")' });
    expect(tiers.getCell("C8").value).toBe(true);
  });

  it("styles by token, merges, widths, freeze panes and tab colour", () => {
    const ws = wb.getWorksheet("Schedule")!;
    expect(ws.getCell("A3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } });
    expect(ws.getCell("A3").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("E4").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${STYLE_DEFS.computed.fill!.slice(1)}` } });
    expect(ws.getCell("A1").font.size).toBe(16);
    expect(ws.model.merges).toEqual(["A1:F1"]);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getColumn(8).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3, topLeftCell: "C4" });
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    expect(wb.getWorksheet("Customer tiers")!.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 1 });
  });

  it("writes conditional formats in priority order (and stopIfTrue in the XML)", async () => {
    const cfs = (wb.getWorksheet("Schedule") as unknown as { conditionalFormattings: AnyRecord[] }).conditionalFormattings;
    const rules = cfs.flatMap((cf) => cf.rules.map((r: AnyRecord) => ({ ref: cf.ref, ...r })));
    expect(rules.map((r) => [r.ref, r.type, r.priority, r.formulae])).toEqual([
      ["A4:F13", "expression", 1, ['$F4="Blocked"']],
      ["A4:F13", "expression", 2, ['$F4="Done"']],
      ["D4:D13", "cellIs", 3, ["4"]],
      ["D4:D13", "cellIs", 4, ["2", "3"]],
    ]);
    expect(rules[0].style.fill.bgColor).toEqual({ argb: "FFFFC7CE" });
    expect(rules[0].style.font.bold).toBe(true);
    expect(rules[2].operator).toBe("greaterThan");
    expect(rules[3].operator).toBe("between");
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(/<cfRule type="expression" dxfId="\d+" priority="1" stopIfTrue="1">/);
    expect(sheetXml).not.toMatch(/priority="2" stopIfTrue/);
  });

  it("writes data validations", () => {
    const dv = (name: string) => (wb.getWorksheet(name) as unknown as { dataValidations: { model: AnyRecord } }).dataValidations.model;
    const schedule = dv("Schedule");
    expect(schedule.F4).toMatchObject({ type: "list", formulae: ['"Not started,In progress,Blocked,Done"'], allowBlank: true, prompt: "Pick a status" });
    expect(schedule.F13).toMatchObject({ type: "list" });
    expect(schedule.D7).toMatchObject({ type: "decimal", operator: "between", formulae: [1, 250] });
    expect(schedule.C4).toMatchObject({ type: "date", operator: "between" });
    expect(dv("Settings").B2).toMatchObject({ type: "list", formulae: ["'Settings'!$A$2:$A$3"] });
    expect(dv("Settings").B2.allowBlank).toBeFalsy();
  });

  it("writes print setup, header/footer and the print names", () => {
    const ws = wb.getWorksheet("Schedule")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printArea).toBe("A1:F13");
    expect(ws.pageSetup.printTitlesRow).toBe("3:3");
    expect(ws.headerFooter.oddHeader).toBe("&CSchedule");
    expect(ws.headerFooter.oddFooter).toBe("&CPage &P of &N");
    const tiers = wb.getWorksheet("Customer tiers")!;
    expect(tiers.pageSetup.printTitlesRow).toBe("1:1");
    expect(tiers.pageSetup.orientation).toBe("portrait");
  });

  it("writes defined names", async () => {
    expect(wb.definedNames.model).toEqual([{ name: "Holidays", ranges: ["Settings!$A$2:$A$20"] }]);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain(`<definedName name="Holidays">'Settings'!$A$2:$A$20</definedName>`);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">'Schedule'!$A$1:$F$13</definedName>`);
    expect(workbookXml).toContain(`fullCalcOnLoad="1"`);
  });

  it("writes Excel tables (ListObjects) with the header text as column names", async () => {
    const ws = wb.getWorksheet("Schedule") as unknown as { tables: Record<string, AnyRecord> };
    const t = ws.tables.tblSchedule!.table;
    expect(t.tableRef).toBe("A3:F13");
    expect(t.columns.map((c: AnyRecord) => c.name)).toEqual(["ID", "Task", "Start", "Duration", "End", "Status"]);
    expect(t.style.theme).toBe("TableStyleLight9");
    const totals = (wb.getWorksheet("Settings") as unknown as { tables: Record<string, AnyRecord> }).tables.tblHolidays!.table;
    expect(totals.tableRef).toBe("A1:A4");
    expect(totals.totalsRow).toBe(true);
    expect(wb.getWorksheet("Settings")!.getCell("A4").value).toBe("Total");
    const tableXml = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(tableXml).toContain(`<autoFilter ref="A3:F13"/>`);
    expect(await zip.file("xl/tables/table2.xml")!.async("string")).toContain(`<autoFilter ref="A1:A3"/>`);
  });

  it("adds the chart parts, rels and content types, all well-formed XML", async () => {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/worksheets/_rels/sheet3.xml.rels",
      ]),
    );
    for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) {
      assertWellFormed(await zip.file(name)!.async("string"), name);
    }
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(`<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    expect(types).toContain(`<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    expect(types).toContain(`<Override PartName="/xl/tables/table1.xml"`);

    const sheetRels = await zip.file("xl/worksheets/_rels/sheet3.xml.rels")!.async("string");
    const drawingId = /Id="(rId\d+)" Type="[^"]+\/drawing" Target="..\/drawings\/drawing1.xml"/.exec(sheetRels)?.[1];
    expect(drawingId).toBeDefined();
    const sheet3 = await zip.file("xl/worksheets/sheet3.xml")!.async("string");
    expect(sheet3).toContain(`<drawing r:id="${drawingId}"/>`);
    expect(sheet3.indexOf("<drawing ")).toBeGreaterThan(sheet3.indexOf("<headerFooter") === -1 ? sheet3.indexOf("<pageSetup") : sheet3.indexOf("<headerFooter"));
    expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain(`Target="../charts/chart1.xml"`);

    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing).toContain("<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    expect(drawing).toContain("<xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row>");

    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain(`<c:barChart><c:barDir val="col"/>`);
    expect(chart).toContain(`<c:f>'Customer tiers'!$B$2:$B$6</c:f>`);
    expect(chart).toContain(`<c:f>'Customer tiers'!$D$2:$D$6</c:f>`);
    expect(chart).toContain(`<c:f>'Customer tiers'!$A$2:$A$6</c:f>`);
    // the line sits on its own (secondary) axes: right-hand value axis, 0..100 %
    expect(chart).toMatch(/<c:lineChart>.*<c:axId val="500000003"\/><c:axId val="500000004"\/><\/c:lineChart>/);
    expect(chart).toContain(`<c:axPos val="r"/>`);
    expect(chart).toContain(`<c:max val="1"/><c:min val="0"/>`);
    expect(chart).toContain(`<c:crosses val="max"/>`);
  });

  it("is reproducible with a fixed date", async () => {
    const again = await workbookToXlsx(spec, { date: new Date(Date.UTC(2025, 0, 1)) });
    const z2 = await JSZip.loadAsync(again);
    for (const name of ["xl/worksheets/sheet1.xml", "xl/charts/chart1.xml", "xl/workbook.xml", "docProps/core.xml"]) {
      expect(await z2.file(name)!.async("string")).toBe(await zip.file(name)!.async("string"));
    }
  });

  it("renders 5,000 rows", async () => {
    const big = await workbookToXlsx(demoWorkbook(5000));
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(big as unknown as ArrayBuffer);
    expect(w.getWorksheet("Schedule")!.getCell("E5003").value).toEqual({ formula: "WORKDAY(C5003,D5003-1,Holidays)" });
  });

  it("makes table headers text, unique and non-empty", async () => {
    const buf = await workbookToXlsx({
      sheets: [
        {
          kind: "x",
          name: "T",
          blocks: [{ anchor: "B2", rows: [[{ value: 2025 }, null, { value: "Name" }, { value: "name" }], [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }]] }],
          tables: [{ name: "tblT", range: "B2:E3" }],
        },
      ],
    });
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = w.getWorksheet("T")!;
    const t = (ws as unknown as { tables: Record<string, AnyRecord> }).tables.tblT!.table;
    expect(t.columns.map((c: AnyRecord) => c.name)).toEqual(["2025", "Column2", "Name", "name2"]);
    expect([ws.getCell("B2").value, ws.getCell("C2").value, ws.getCell("D2").value, ws.getCell("E2").value]).toEqual(["2025", "Column2", "Name", "name2"]);
  });

  it("rejects invalid or duplicate sheet names", async () => {
    await expect(workbookToXlsx({ sheets: [{ kind: "x", name: "a/b", blocks: [] }] })).rejects.toThrow(/invalid sheet name/);
    await expect(
      workbookToXlsx({ sheets: [{ kind: "x", name: "A", blocks: [] }, { kind: "y", name: "a", blocks: [] }] }),
    ).rejects.toThrow(/duplicate sheet name/);
  });
});

describe("formula and chart helpers", () => {
  it("prefixes functions newer than Excel 2007, outside strings and sheet names", () => {
    expect(toFileFormula("=IFS(A1>0,1,TRUE,0)")).toBe("_xlfn.IFS(A1>0,1,TRUE,0)");
    expect(toFileFormula("=XLOOKUP(A1,B:B,C:C)+MAXIFS(C:C,B:B,\"x\")")).toBe('_xlfn.XLOOKUP(A1,B:B,C:C)+_xlfn.MAXIFS(C:C,B:B,"x")');
    expect(toFileFormula("=workday.intl(A1,3)")).toBe("_xlfn.WORKDAY.INTL(A1,3)");
    expect(toFileFormula("=WORKDAY(A1,3,Holidays)")).toBe("WORKDAY(A1,3,Holidays)");
    expect(toFileFormula("=FILTER(A1:A9,B1:B9>0)")).toBe("_xlfn._xlws.FILTER(A1:A9,B1:B9>0)");
    expect(toFileFormula('="IFS(" & \'IFS(x)\'!A1')).toBe('"IFS(" & \'IFS(x)\'!A1');
    expect(toFileFormula("_xlfn.IFS(1,2)")).toBe("_xlfn.IFS(1,2)");
    expect(toFileFormula("=OPS.RETENTION(A1:B9)")).toBe("_xldudf_OPS_RETENTION(A1:B9)");
    expect(toFileFormula('="OPS.TIER(" & ops.tier(A1)')).toBe('"OPS.TIER(" & _xldudf_OPS_TIER(A1)');
  });

  it("qualifies chart ranges", () => {
    expect(qualify("Customer tiers", "B2:B9")).toBe("'Customer tiers'!$B$2:$B$9");
    expect(qualify("O'Neil", "A1")).toBe("'O''Neil'!$A$1");
    expect(qualify("X", "'Other'!$A$1:$A$3")).toBe("'Other'!$A$1:$A$3");
  });

  it("builds a plain column chart without a secondary axis", () => {
    const xml = chartXml({ ...tieringSheet().charts![0]!, kind: "column", lines: [] }, "S");
    expect(xml).not.toContain("<c:lineChart>");
    expect(xml).not.toContain(`<c:axPos val="r"/>`);
    assertWellFormed(xml, "column chart");
  });

  it("limits explicit lists to what the file format allows", () => {
    expect(listFormula(['Say "hi"', "a,b"])).toBe('"Say ""hi"",a b"');
    expect(() => listFormula([("x".repeat(100))!, "y".repeat(100), "z".repeat(100)])).toThrow(/255/);
  });
});
