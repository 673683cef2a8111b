/**
 * The demo workbook recalculated by LibreOffice (a spreadsheet engine that is
 * not ours): WORKDAY ends and starts, shares, cumulative shares and tiers —
 * all native formulas — must equal what TypeScript computes, and no cell
 * outside the spills of the OPS.* formulas may hold an error.
 *
 * Which cells LibreOffice recomputed and which it kept: the file asks for a
 * full recalculation on load, so every native formula is LibreOffice's own
 * result. The OPS.* formulas are stored with their results cached over the
 * whole spill (test/xlsx/dynamicArrays.test.ts checks them against the core
 * functions), but LibreOffice has no add-in and keeps none of them: every
 * cell of every OPS spill is #NAME? — as for a recipient without OpsKit who
 * opens the live file in Calc (the shared copy is for them).
 */
import path from "path";
import os from "os";
import { mkdtempSync, readFileSync } from "fs";
import { buildDemoWorkbook, demoData } from "../../src/core/generators/demo";
import { writeXlsxFile } from "../../src/xlsx/writeXlsx";
import { scheduleDates } from "../../src/core/plan/scheduleDates";
import { scheduleCell } from "../../src/core/generators/schedule";
import { expectedTiering, TIERING_COLUMNS, TIERING_LAYOUT } from "../../src/core/generators/tiering";
import { a1, parseRange } from "../../src/core/tablespec/a1";
import type { Locale } from "../../src/core/i18n";
import { describeWithLibreOffice, recalculate, readAllValues, isError, type CellResult } from "../support/libreoffice";
import { dynamicArrays, openBook } from "../support/xlsxFile";
import { KPI_COLUMNS } from "../../src/core/generators/kpi";
import { expectedKpis } from "../support/demoExpectations";

/** Every cell of every OPS spill in the file we wrote, by sheet. */
async function opsSpillCells(file: string): Promise<Map<string, Set<string>>> {
  const book = await openBook(readFileSync(file));
  const out = new Map<string, Set<string>>();
  for (const [sheet, arrays] of dynamicArrays(book)) {
    const cells = new Set<string>();
    for (const { address, ref } of arrays) {
      if (!/_xldudf_OPS_/.test(book.sheets.get(sheet)!.cells.get(address)!.f!.text)) continue;
      const r = parseRange(ref);
      for (let row = r.row1; row <= r.row2; row++) for (let col = r.col1; col <= r.col2; col++) cells.add(a1(row, col));
    }
    out.set(sheet, cells);
  }
  return out;
}

const num = (v: CellResult | undefined): number => (v === undefined || v === null ? 0 : (v as number));

describeWithLibreOffice("demo workbook recalculated by LibreOffice", () => {
  describe.each<Locale>(["en", "zh-CN"])("locale %s", (locale) => {
    const data = demoData(locale);
    const spec = buildDemoWorkbook(data);
    let values: Map<string, Map<string, CellResult>>;
    let spills: Map<string, Set<string>>;

    beforeAll(async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "opskit-demo-"));
      const file = path.join(dir, "demo.xlsx");
      await writeXlsxFile(spec, file);
      spills = await opsSpillCells(file);
      const recalculated = await recalculate(file);
      if (!recalculated) throw new Error("LibreOffice did not produce a file");
      values = await readAllValues(recalculated);
    }, 240_000);

    it("has every sheet", () => {
      expect([...values.keys()]).toEqual(spec.sheets.map((s) => s.name));
    });

    it("Schedule: WORKDAY starts and ends equal the TypeScript schedule", () => {
      const plan = data.plan;
      const sheet = values.get(data.ctx.sheetNames.schedule)!;
      const expected = scheduleDates(plan);
      expect(expected.size).toBe(plan.schedule.tasks.length);
      plan.schedule.tasks.forEach((task, i) => {
        const dates = expected.get(task.id)!;
        expect([task.id, sheet.get(scheduleCell(i, "start")), sheet.get(scheduleCell(i, "end"))]).toEqual([
          task.id, dates.start, dates.end,
        ]);
      });
    });

    it("Customer tiers: share, cumulative share, tier and final tier equal expectedTiering", () => {
      const sheet = values.get(data.ctx.sheetNames.tiering)!;
      const expected = expectedTiering(data.customers, {});
      expect(expected.rows).toHaveLength(data.customers.length);
      expected.rows.forEach((row, i) => {
        const r = TIERING_LAYOUT.firstDataRow + i;
        const at = (col: number) => sheet.get(a1(r, col));
        expect(at(TIERING_COLUMNS.customer)).toBe(row.name);
        if (row.share === "") expect(at(TIERING_COLUMNS.share) ?? "").toBe("");
        else expect(num(at(TIERING_COLUMNS.share))).toBeCloseTo(row.share, 12);
        if (row.cumulative !== "") expect(num(at(TIERING_COLUMNS.cumulative))).toBeCloseTo(row.cumulative, 12);
        expect([row.name, at(TIERING_COLUMNS.tier) ?? ""]).toEqual([row.name, row.tier]);
        expect([row.name, at(TIERING_COLUMNS.final) ?? ""]).toEqual([row.name, row.finalTier]);
      });
      // The sample has manual overrides, and they win.
      expect(expected.rows.some((r) => r.override !== "" && r.override !== r.tier && r.finalTier === r.override)).toBe(true);
    });

    it("no cell outside the OPS.* spills holds an error", () => {
      const unexpected: string[] = [];
      for (const [sheetName, sheet] of values) {
        for (const [address, v] of sheet) {
          if (isError(v) && !spills.get(sheetName)?.has(address)) unexpected.push(`${sheetName}!${address} ${v.error}`);
        }
      }
      expect(unexpected).toEqual([]);
    });

    it("KPIs: the actuals are OPS formulas LibreOffice cannot compute, so progress and status stay blank (IFERROR), not errors", () => {
      const kpi = values.get(data.ctx.sheetNames.kpi)!;
      const rows = expectedKpis(data).map((k) => k.row);
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        expect([row, kpi.get(a1(row, KPI_COLUMNS.actual))]).toEqual([row, { error: "#NAME?" }]);
        expect([row, kpi.get(a1(row, KPI_COLUMNS.progress)) ?? "", kpi.get(a1(row, KPI_COLUMNS.status)) ?? ""]).toEqual([row, "", ""]);
      }
    });

    it("LibreOffice keeps none of the cached OPS results: every cell of every spill is #NAME?", () => {
      const metrics = spills.get(data.ctx.sheetNames.metrics)!;
      expect(metrics.size).toBeGreaterThan(200); // the tiers alone spill 200 cells
      const notName: string[] = [];
      for (const [sheetName, cells] of spills) {
        for (const address of cells) {
          const v = values.get(sheetName)!.get(address);
          if (!isError(v) || v.error !== "#NAME?") notName.push(`${sheetName}!${address} ${JSON.stringify(v ?? null)}`);
        }
      }
      expect(notName).toEqual([]);
    });
  });
});
