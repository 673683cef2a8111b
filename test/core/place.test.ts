/**
 * A metric result at a chosen place (src/core/presentation/place.ts): the
 * place as typed or selected, the block laid out from its top-left (title,
 * provenance line, grid, charts beside it, named), the areas the host checks,
 * and Excel's grid limits (row 1,048,576, column XFD).
 */
import { columnName, EXCEL_COLUMNS, EXCEL_ROWS, isPastTheGrid, parsePlace, placeMetric, rectMinus, rectOf, type PlacedBlock } from "../../src/core/presentation/place";
import { smallRetention } from "../support/metricFixtures";

const retention = smallRetention;

describe("parsePlace", () => {
  it.each([
    ["Report!B4", "", { sheet: "Report", cell: "B4" }],
    ["Report!$B$4", "", { sheet: "Report", cell: "B4" }],
    ["'My report'!c10:e20", "", { sheet: "My report", cell: "C10" }],
    ["'It''s'!A1", "", { sheet: "It's", cell: "A1" }],
    ["B4", "Active", { sheet: "Active", cell: "B4" }],
    ["  报表!XFD1048576 ", "", { sheet: "报表", cell: "XFD1048576" }],
  ])("%j (active %j) → %j", (text, active, place) => {
    expect(parsePlace(text, active)).toEqual(place);
  });

  it.each([["B4"], [""], ["Report!"], ["Report!B0"], ["Report!XFE1"], ["Report!A1048577"], ["Report!A:A"], ["'Report!B4"], ["Report!Total"]])("%j is not a place", (text) => {
    expect(parsePlace(text)).toBeNull();
  });
});

describe("placeMetric", () => {
  const at = (cell: string, formula?: string) => placeMetric(retention, { sheet: "Report", cell }, { locale: "en", note: "Computed from Events", chartPrefix: "OpsKit m1", ...(formula ? { formula } : {}) });

  it("lays the block out from the chosen cell, as a result sheet does from A1", () => {
    const b = at("C10") as PlacedBlock;
    expect(isPastTheGrid(b)).toBe(false);
    expect(b.spec.name).toBe("Report");
    expect(b.spec.freeze).toBeUndefined();
    expect(b.spec.blocks[0]).toMatchObject({ anchor: "C10", rows: [[{ value: "Retention", style: "title" }], [{ value: "Computed from Events", style: "note" }]] });
    expect(b.spec.blocks[1]!.anchor).toBe("C13");
    expect(b.spec.blocks[1]!.rows[1]![0]).toMatchObject({ value: 46024, numberFormat: "yyyy-mm-dd" });
    expect(b.spec.colorScales![0]!.range).toBe("E14:F15");
    // Charts beside the grid (one column gap), named with the prefix so a refresh replaces them.
    expect(b.spec.charts!.map((c) => [c.name, c.anchor])).toEqual([
      ["OpsKit m1 1", "H13"],
      ["OpsKit m1 2", "H30"],
    ]);
    expect(b.cells).toEqual(["C10:C11", "C13:F16"]);
    expect(b.charts).toEqual(["H13:P28", "H30:P45"]);
    expect(b.area).toBe("C10:P45");
    expect(b.spill).toBeUndefined();
  });

  it("a live formula: formats only over the spill area, the formula last at the grid's corner", () => {
    const b = at("B2", "=OPS.RETENTION(Events[User], Events[Date])") as PlacedBlock;
    expect(b.spill).toBe("B5:E8");
    const last = b.spec.blocks[b.spec.blocks.length - 1]!;
    expect(last).toEqual({ anchor: "B5", rows: [[{ formula: "=OPS.RETENTION(Events[User], Events[Date])" }]] });
    expect(b.spec.blocks[1]!.rows[1]![0]).toEqual({ numberFormat: "yyyy-mm-dd" });
  });

  it.each([
    // cell, refused, why
    ["A1048530", false, "grid and charts (rows 1,048,533–1,048,566) fit"],
    ["A1048570", true, "the grid fits (to row 1,048,576) but the charts beside it would pass the last row"],
    ["A1048571", true, "the grid would reach row 1,048,577"],
    ["XFA1", true, "four columns from XFA pass XFD"],
    ["XEO1", false, "grid XEO:XER, charts XET:XFB"],
    ["XEQ1", false, "the charts end in XFD, the last column"],
    ["XER1", true, "the charts would pass XFD"],
  ])("at %s refused: %s (%s)", (cell, past) => {
    expect(isPastTheGrid(placeMetric(retention, { sheet: "R", cell }, { locale: "en", note: "", chartPrefix: "p" }))).toBe(past);
  });

  it("says where a refused block would end", () => {
    const b = placeMetric(retention, { sheet: "R", cell: "A1048576" }, { locale: "en", note: "", chartPrefix: "p" });
    expect(b).toEqual({ pastTheGrid: true, lastRow: 1_048_582, lastColumn: 4 });
    expect(columnName(EXCEL_COLUMNS)).toBe("XFD");
    expect(EXCEL_ROWS).toBe(1_048_576);
  });

  it("a block that fits with its charts is accepted near the last row and column", () => {
    const b = placeMetric(retention, { sheet: "R", cell: `XEO${EXCEL_ROWS - 45}` }, { locale: "en", note: "", chartPrefix: "p" });
    expect(isPastTheGrid(b)).toBe(false);
    expect((b as PlacedBlock).area).toBe(`XEO${EXCEL_ROWS - 45}:XFB${EXCEL_ROWS - 10}`);
  });
});

describe("rectMinus", () => {
  it.each([
    ["A1:D4", "B2:C3", ["A1:D1", "A4:D4", "A2:A3", "D2:D3"]],
    ["A1:D4", "A1:D4", []],
    ["A1:D4", "F1:G2", ["A1:D4"]],
    ["A1:D4", "C1:F9", ["A1:B4"]],
  ])("%s minus %s", (a, b, out) => {
    const addr = (r: { row1: number; col1: number; row2: number; col2: number }) => `${String.fromCharCode(65 + r.col1)}${r.row1 + 1}:${String.fromCharCode(65 + r.col2)}${r.row2 + 1}`;
    expect(rectMinus(rectOf(a), rectOf(b)).map(addr)).toEqual(out);
  });
});
