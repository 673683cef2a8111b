/**
 * The Office.js writer at an offset (src/excel/writeWorkbook.ts writeBlock),
 * on office-addin-mock: a metric block at a chosen place of an existing
 * sheet — values at the block's own addresses, our earlier cells and charts
 * removed first (a refresh in place), the user's overwritten contents
 * cleared, charts named and placed beside the grid, columns only widened,
 * nothing sheet-wide (freeze panes, print, tab colour), and a large block cut
 * into requests under Excel's limit.
 */
import { placeMetric, type PlacedBlock } from "../../src/core/presentation/place";
import type { MetricResult } from "../../src/core/presentation";
import { smallRetention } from "../support/metricFixtures";
import { widthCharsToPoints } from "../../src/core/tablespec/palette";
import { writeBlock } from "../../src/excel/writeWorkbook";
import { createMockExcel } from "./mockExcel";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const retention = smallRetention;

const block = (cell: string, result = retention) => placeMetric(result, { sheet: "Report", cell }, { locale: "en", note: "Computed from Events", chartPrefix: "OpsKit m1" }) as PlacedBlock;

describe("writeBlock (Office.js) at a chosen place", () => {
  it("writes the block at its offset in 2 syncs, names its charts, widens narrow columns and touches nothing sheet-wide", async () => {
    const excel = createMockExcel([{ name: "Report", charts: ["OpsKit m1 1", "OpsKit m1 2", "Sales chart", "OpsKit m10 1"] }]);
    const b = block("C10");
    await writeBlock(excel.context, b.spec, { chartPrefix: "OpsKit m1", clear: ["C10:C11", "C13:F15"], overwrite: ["D14"] });
    expect(excel.syncs()).toBe(2); // load charts and widths, then one write
    expect(excel.log.filter((l) => l.startsWith("delete chart"))).toEqual(["delete chart OpsKit m1 1", "delete chart OpsKit m1 2"]);
    expect(excel.log).toEqual(expect.arrayContaining(["clear rules Report!C10:C11", "clear Report!C10:C11 All", "clear Report!C13:F15 All", "clear Report!D14 Contents"]));
    expect(excel.range("Report", "C10:C11").formulas).toEqual([["Retention"], ["Computed from Events"]]);
    const grid = excel.range("Report", "C13:F16");
    expect(grid.formulas[0]).toEqual(["Cohort", "Users", "Day 1", "Day 2"]);
    expect(grid.numberFormat[1][0]).toBe("yyyy-mm-dd");
    const report = excel.sheet("Report");
    expect(report.conditionalFormats.map((c) => [c.address, c.type])).toEqual([["E14:F15", "ColorScale"]]);
    expect(report.charts.map((c) => [(c.mock as unknown as Obj).name, c.position])).toEqual([
      ["OpsKit m1 1", ["H13", "P28"]],
      ["OpsKit m1 2", ["H30", "P45"]],
    ]);
    expect(report.freeze).toEqual([]);
    expect(report.printCalls).toEqual([]);
    // Every column is 48 pt now; the spec asks 14 and 12 characters: wider, so set.
    expect((excel.range("Report", "C:C").format as Obj).columnWidth).toBe(widthCharsToPoints(14));
    expect((excel.range("Report", "D:D").format as Obj).columnWidth).toBe(widthCharsToPoints(12));
  });

  it("never narrows a column the user made wider", async () => {
    const excel = createMockExcel([{ name: "Report", columnWidth: 300 }]);
    await writeBlock(excel.context, block("C10").spec);
    expect((excel.range("Report", "C:C").format as Obj).columnWidth).toBe(300);
  });

  it("a large block is written in requests under Excel's limit", async () => {
    const rows = 100_000;
    const tier: MetricResult = {
      metric: "tier",
      grid: [["Customer", "Value", "Tier"], ...Array.from({ length: rows }, (_, i) => [`Customer with a long name ${i}`, 1_000_000 - i, i < 100 ? "S" : "B"])],
    };
    const excel = createMockExcel([{ name: "Report" }]);
    await writeBlock(excel.context, block("B2", tier).spec);
    expect(excel.syncs()).toBeGreaterThan(3);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(5_000_000);
  });

  it("a refused sync names the sheet (SheetWriteError, Excel's code kept)", async () => {
    const excel = createMockExcel([{ name: "Report" }]);
    const ctx = excel.context as unknown as { sync: () => Promise<void> };
    const sync = ctx.sync.bind(ctx);
    let n = 0;
    ctx.sync = async () => {
      if (++n === 2) throw Object.assign(new Error("The cell is being edited."), { code: "InvalidOperation" });
      return sync();
    };
    const thrown = await writeBlock(excel.context, block("C10").spec).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ name: "SheetWriteError", sheet: "Report", detail: "The cell is being edited.", code: "InvalidOperation", message: 'Writing sheet "Report" failed: The cell is being edited.' });
  });
});
