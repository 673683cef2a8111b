/**
 * OPS formulas in the .xlsx files we write, read back from the zip as Excel
 * would read them (no ExcelJS on the way back):
 *
 * - the formula text is Excel's saved form of a JavaScript custom function,
 *   `_xldudf_OPS_<NAME>(…)`, and no `OPS.` call is left in any part;
 * - each OPS cell is a dynamic array: `cm="1"` on the cell, pointing at the
 *   one XLDAPR cell-metadata record of xl/metadata.xml, `<f t="array">` with
 *   the `ref` of its spill; the metadata part has its content type and its
 *   workbook relationship;
 * - the cached values of the whole spill equal the core functions' results,
 *   called directly here on the same data, cell by cell;
 * - a formula we cannot evaluate, or whose spill is blocked, is an array of
 *   its own cell with no cached value (Excel computes it).
 *
 * Evidence for the format is in CONTRIBUTING.md ("Excel file format").
 */
import { SaxesParser } from "saxes";
import { workbookToXlsx } from "../../src/xlsx/writeXlsx";
import { toFileFormula } from "../../src/xlsx/formulas";
import { DYNAMIC_ARRAY_METADATA, markDynamicArrays } from "../../src/xlsx/ooxml";
import { retention } from "../../src/core/metrics/retention";
import { funnel } from "../../src/core/metrics/funnel";
import { payrate } from "../../src/core/metrics/payrate";
import { tier } from "../../src/core/metrics/tier";
import { renewal } from "../../src/core/metrics/renewal";
import { isOpsError, type Grid } from "../../src/core/errors";
import { a1, parseA1, parseRange } from "../../src/core/tablespec/a1";
import type { CellSpec, WorkbookSpec } from "../../src/core/tablespec/types";
import { buildDemoWorkbook, demoData } from "../../src/core/generators/demo";
import { sortCustomers } from "../../src/core/generators/tiering";
import { sheetCells, isFormulaCell } from "../../src/core/sharing/cells";
import { usesOps } from "../../src/core/sharing/formulaText";
import { cachedValue, expectedValue, openBook, type Book } from "../support/xlsxFile";
import { col } from "../support/specHelpers";

// ---------------------------------------------------------------------------
// A small workbook with every OPS function, an error, an unsupported call and a blocked spill
// ---------------------------------------------------------------------------

const USERS = ["u1", "u1", "u2", "u2", "u3", "u1", "u4", "u3"];
const TIMES = [46082.1, 46083.5, 46082.9, 46090.2, 46089, 46096.4, 46097, 46104.7];
const EVENTS = ["browse", "register", "browse", "register", "browse", "pay", "browse", "try"];
const AMOUNTS = [100, 0, 50, 70, 0, 30, 10, 0];
const VALUES = [500, 300, 100, 10, 0, 90];

/** A core result as the grid the writer spills: an error or a single number becomes a 1×1 grid. */
const asGrid = (x: Grid | number | ReturnType<typeof payrate>): Grid => (isOpsError(x) ? [[x]] : typeof x === "number" ? [[x]] : x);

function smallSpec(): WorkbookSpec {
  const data: (CellSpec | null)[][] = [[{ value: "User" }, { value: "Time" }, { value: "Event" }, { value: "Amount" }, { value: "Value" }]];
  for (let i = 0; i < USERS.length; i++) {
    data.push([{ value: USERS[i]! }, { value: TIMES[i]! }, { value: EVENTS[i]! }, { value: AMOUNTS[i]! }, i < VALUES.length ? { value: VALUES[i]! } : null]);
  }
  const r = (c: string) => `'Data'!$${c}$2:$${c}$${USERS.length + 1}`;
  const values = `'Data'!$E$2:$E$${VALUES.length + 1}`;
  return {
    sheets: [
      {
        kind: "metrics",
        name: "Calc",
        blocks: [
          { anchor: "A1", rows: [[{ formula: `=OPS.RETENTION(${r("A")},${r("B")},"week",2)`, numberFormat: "0.0%" }]] },
          { anchor: "A8", rows: [[{ formula: `=ops.funnel({"browse";"register";"pay"},${r("A")},${r("C")},${r("B")},30)` }]] },
          { anchor: "A14", rows: [[{ formula: `=OPS.PAYRATE({"u1";"u2"},${r("A")})`, numberFormat: "0.0%" }]] },
          { anchor: "A15", rows: [[{ formula: `=OPS.TIER(${values},"nonsense")` }]] }, // a whole-call error
          { anchor: "A16", rows: [[{ formula: `=OPS.RENEWAL(${r("A")},${r("B")},${r("D")},"week",{1,2})` }]] },
          { anchor: "H1", rows: [[{ formula: `=OPS.TIER(${values})` }], [{ numberFormat: "@", style: "computed" }]] }, // formatting only: not a block
          { anchor: "J1", rows: [[{ formula: `=LET(x,OPS.TIER(${values}),x)` }]] }, // inside another formula: not evaluated here
          { anchor: "L1", rows: [[{ formula: `=OPS.TIER(${values})` }], [null], [{ value: "in the way" }]] }, // blocked spill
          { anchor: "N1", rows: [[{ formula: `=SUM(${values})` }]] },
        ],
      },
      { kind: "activity", name: "Data", blocks: [{ anchor: "A1", rows: data }] },
    ],
  };
}

/** The core functions, called directly (not through the evaluator the writer uses). */
function coreResults(): { address: string; grid: Grid }[] {
  return [
    { address: "A1", grid: asGrid(retention(col(...USERS), col(...TIMES), "week", [[2]], null, null)) },
    { address: "A8", grid: asGrid(funnel(col("browse", "register", "pay"), col(...USERS), col(...EVENTS), col(...TIMES), 30, null)) },
    { address: "A14", grid: asGrid(payrate([["u1"], ["u2"]], col(...USERS), null, null)) },
    { address: "A15", grid: asGrid(tier(col(...VALUES), "nonsense", null, null, null)) },
    { address: "A16", grid: asGrid(renewal(col(...USERS), col(...TIMES), col(...AMOUNTS), "week", [[1, 2]], null)) },
    { address: "H1", grid: asGrid(tier(col(...VALUES), null, null, null, null)) },
  ];
}

describe("OPS formulas in the written .xlsx", () => {
  let book: Book;
  const spec = smallSpec();

  beforeAll(async () => {
    book = await openBook(await workbookToXlsx(spec, { date: new Date(Date.UTC(2026, 0, 1)) }));
  });

  it("formula text: _xldudf_OPS_<NAME>(…), the arguments as written", () => {
    const calc = book.sheets.get("Calc")!.cells;
    expect(calc.get("A1")!.f!.text).toBe(`_xldudf_OPS_RETENTION('Data'!$A$2:$A$9,'Data'!$B$2:$B$9,"week",2)`);
    expect(calc.get("A8")!.f!.text).toMatch(/^_xldudf_OPS_FUNNEL\(\{"browse";"register";"pay"\},/); // lower-case call → the registered name
    expect(calc.get("J1")!.f!.text).toBe(`_xlfn.LET(x,_xldudf_OPS_TIER('Data'!$E$2:$E$7),x)`);
    expect(calc.get("N1")!.f).toEqual({ t: undefined, ref: undefined, text: "SUM('Data'!$E$2:$E$7)" });
    expect(calc.get("N1")!.cm).toBeUndefined();
  });

  it("no part of the package calls OPS. any more", async () => {
    const texts = await Promise.all(Object.values(book.zip.files).filter((f) => !f.dir).map(async (f) => [f.name, await f.async("string")] as const));
    expect(texts.filter(([, t]) => /OPS\./.test(t)).map(([n]) => n)).toEqual([]);
  });

  it("each OPS cell is a dynamic array: cm=1 and t=array with the ref of the core result", () => {
    const calc = book.sheets.get("Calc")!.cells;
    for (const { address, grid } of coreResults()) {
      const { row, col: c } = parseA1(address);
      const width = Math.max(...grid.map((r) => r.length));
      const ref = grid.length === 1 && width === 1 ? address : `${address}:${a1(row + grid.length - 1, c + width - 1)}`;
      const cell = calc.get(address)!;
      expect([address, cell.cm, cell.f?.t, cell.f?.ref]).toEqual([address, "1", "array", ref]);
    }
    // Not evaluated here, or spill blocked: an array of its own cell, no cached value.
    for (const address of ["J1", "L1"]) {
      const cell = calc.get(address)!;
      expect([address, cell.cm, cell.f?.t, cell.f?.ref, cell.v]).toEqual([address, "1", "array", address, undefined]);
    }
    expect(calc.get("L3")!.v !== undefined || calc.get("L3")!.t === "s").toBe(true); // the blocking text is kept
  });

  it("cached values over each spill equal the core functions' results, cell by cell", () => {
    const calc = book.sheets.get("Calc")!.cells;
    let compared = 0;
    for (const { address, grid } of coreResults()) {
      const { row, col: c } = parseA1(address);
      const width = Math.max(...grid.map((r) => r.length));
      for (let r = 0; r < grid.length; r++)
        for (let k = 0; k < width; k++) {
          const where = `${address}+(${r},${k}) ${a1(row + r, c + k)}`;
          const cell = calc.get(a1(row + r, c + k));
          const want = expectedValue(grid[r]![k]);
          const got = cachedValue(cell, book.strings);
          expect([where, got]).toEqual([where, want]);
          if (r > 0 || k > 0) expect([where, cell?.f]).toEqual([where, undefined]); // spill cells hold values only
          compared++;
        }
    }
    expect(compared).toBeGreaterThan(30);
    // The whole-call error is cached as that error.
    expect(cachedValue(calc.get("A15"), book.strings)).toEqual({ error: "#VALUE!" });
    // The anchor keeps its number format; a formatting-only cell in a spill keeps its style.
    expect(calc.get("A1")!.s).toBeDefined();
    expect(calc.get("H2")!.s).toBeDefined();
  });

  it("xl/metadata.xml: one XLDAPR type, fDynamic=1, one cell-metadata record; content type and workbook relationship", async () => {
    const metadata = await book.zip.file("xl/metadata.xml")!.async("string");
    expect(metadata).toBe(DYNAMIC_ARRAY_METADATA);
    expect(metadata).toContain(`<metadataType name="XLDAPR" minSupportedVersion="120000"`);
    expect(metadata).toContain(`<ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext>`);
    expect(metadata).toContain(`<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>`);
    const parser = new SaxesParser({ xmlns: true });
    let error: Error | undefined;
    parser.on("error", (e) => (error ??= e));
    parser.write(metadata).close();
    expect(error).toBeUndefined();
    const types = await book.zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      `<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>`,
    );
    const rels = await book.zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata\.xml"/);
  });

  it("a workbook without OPS formulas gets no metadata part", async () => {
    const plain = await openBook(await workbookToXlsx({ sheets: [spec.sheets[1]!] }));
    expect(plain.zip.file("xl/metadata.xml")).toBeNull();
    expect(await plain.zip.file("[Content_Types].xml")!.async("string")).not.toContain("metadata");
  });
});

describe("markDynamicArrays", () => {
  it("adds cm and t=array to the formula cell, after its own attributes", () => {
    const xml = `<row r="1"><c r="B1" s="2" t="str"><f>_xldudf_OPS_TIER(A1:A3)</f><v>S</v></c><c r="C1"><f>SUM(A1)</f></c></row>`;
    expect(markDynamicArrays(xml, [{ address: "B1", ref: "B1:B3" }])).toBe(
      `<row r="1"><c r="B1" s="2" t="str" cm="1"><f t="array" ref="B1:B3">_xldudf_OPS_TIER(A1:A3)</f><v>S</v></c><c r="C1"><f>SUM(A1)</f></c></row>`,
    );
  });

  it("refuses a cell that is not a plain formula cell", () => {
    expect(() => markDynamicArrays(`<c r="B1"><v>1</v></c>`, [{ address: "B1", ref: "B1" }])).toThrow(/B1/);
  });
});

describe("the demo workbook", () => {
  it("stores every OPS formula of its spec as a dynamic array with the file's formula text", async () => {
    const spec = buildDemoWorkbook(demoData("en"));
    const book = await openBook(await workbookToXlsx(spec));
    let anchors = 0;
    for (const sheet of spec.sheets) {
      const written = book.sheets.get(sheet.name)!.cells;
      for (const [key, cell] of sheetCells(sheet)) {
        if (!isFormulaCell(cell) || !usesOps(cell.formula)) continue;
        const address = a1(Math.floor(key / 16384), key % 16384);
        const got = written.get(address)!;
        expect([address, got.cm, got.f?.t, got.f?.text]).toEqual([address, "1", "array", toFileFormula(cell.formula)]);
        const ref = parseRange(got.f!.ref!);
        expect(a1(ref.row1, ref.col1)).toBe(address);
        // The whole spill has cached content (a grid cell may be "", but never the whole spill).
        let cached = 0;
        for (let r = ref.row1; r <= ref.row2; r++)
          for (let c = ref.col1; c <= ref.col2; c++) if (cachedValue(written.get(a1(r, c)), book.strings) !== null) cached++;
        expect([address, cached > 0]).toEqual([address, true]);
        anchors++;
      }
    }
    expect(anchors).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it("caches the core functions' results over every Metrics spill, cell by cell", async () => {
    const data = demoData("en");
    const spec = buildDemoWorkbook(data);
    const book = await openBook(await workbookToXlsx(spec));
    const sheet = spec.sheets.find((s) => s.kind === "metrics")!;
    const written = book.sheets.get(sheet.name)!.cells;
    const { activity, customers } = data;
    const tierValues = sortCustomers(customers).map((c) => [c.value ?? ""]); // the order the Customer tiers sheet lists them
    const expected: [RegExp, () => Grid][] = [
      [/^=OPS\.RETENTION\(.*"week",4\)$/, () => asGrid(retention(col(...activity.userIds), col(...activity.times), "week", [[4]], null, null))],
      [/^=OPS\.RETENTION\(.*"classic",/, () => asGrid(retention(col(...activity.userIds), col(...activity.times), "day", [[1, 7]], "classic", col(...activity.channels)))],
      [/^=OPS\.FUNNEL\(/, () => asGrid(funnel(col("browse", "register", "try", "pay"), col(...activity.userIds), col(...activity.events), col(...activity.times), 14, null))],
      [/^=OPS\.PAYRATE\([^"]*\)$/, () => asGrid(payrate(col(...activity.payers), col(...activity.userIds), null, null))],
      [/^=OPS\.PAYRATE\(.*"arppu"\)$/, () => asGrid(payrate(col(...activity.payers), col(...activity.userIds), col(...activity.amounts), "arppu"))],
      [/^=OPS\.TIER\(/, () => asGrid(tier(tierValues, null, null, null, null))],
    ];
    let compared = 0;
    let formulas = 0;
    for (const [key, cell] of sheetCells(sheet)) {
      if (!isFormulaCell(cell) || !usesOps(cell.formula)) continue;
      formulas++;
      const match = expected.find(([re]) => re.test(cell.formula));
      expect([cell.formula, match !== undefined]).toEqual([cell.formula, true]);
      const grid = match![1]();
      const row = Math.floor(key / 16384);
      const c0 = key % 16384;
      const width = Math.max(...grid.map((r) => r.length));
      expect(written.get(a1(row, c0))!.f!.ref).toBe(grid.length === 1 && width === 1 ? a1(row, c0) : `${a1(row, c0)}:${a1(row + grid.length - 1, c0 + width - 1)}`);
      for (let r = 0; r < grid.length; r++)
        for (let c = 0; c < width; c++) {
          const where = `${a1(row, c0)}+(${r},${c})`;
          expect([where, cachedValue(written.get(a1(row + r, c0 + c)), book.strings)]).toEqual([where, expectedValue(grid[r]![c])]);
          compared++;
        }
    }
    expect(formulas).toBe(expected.length);
    expect(compared).toBeGreaterThan(300);
  }, 60_000);
});
