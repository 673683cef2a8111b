/**
 * The demo workbook recalculated by LibreOffice (a spreadsheet engine that is
 * not ours): WORKDAY ends and starts, shares, cumulative shares and tiers —
 * all native formulas — must equal what TypeScript computes, and no cell
 * outside the OPS.* formulas may hold an error (LibreOffice has no add-in, so
 * OPS.* cells themselves are #NAME? there, as for a recipient without OpsKit).
 */
import path from "path";
import os from "os";
import { mkdtempSync } from "fs";
import { buildDemoWorkbook, demoData } from "../../src/core/generators/demo";
import { writeXlsxFile } from "../../src/xlsx/writeXlsx";
import { samplePlan } from "../../src/core/plan/fromTemplate";
import { scheduleDates } from "../../src/core/plan/scheduleDates";
import { scheduleCell } from "../../src/core/generators/schedule";
import { expectedTiering, TIERING_COLUMNS, TIERING_LAYOUT } from "../../src/core/generators/tiering";
import { a1, parseRange } from "../../src/core/tablespec/a1";
import type { WorkbookSpec } from "../../src/core/tablespec/types";
import type { Locale } from "../../src/core/i18n";
import { describeWithLibreOffice, recalculate, readAllValues, isError, type CellResult } from "../support/libreoffice";

/** Addresses of cells whose formula calls an OPS function (their errors are expected without the add-in). */
function opsFormulaCells(spec: WorkbookSpec): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const sheet of spec.sheets) {
    const cells = new Set<string>();
    for (const block of sheet.blocks) {
      const { row1, col1 } = parseRange(block.anchor);
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.formula && /\bOPS\./i.test(cell.formula)) cells.add(a1(row1 + r, col1 + c));
        }),
      );
    }
    out.set(sheet.name, cells);
  }
  return out;
}

const num = (v: CellResult | undefined): number => (v === undefined || v === null ? 0 : (v as number));

describeWithLibreOffice("demo workbook recalculated by LibreOffice", () => {
  describe.each<Locale>(["en", "zh-CN"])("locale %s", (locale) => {
    const data = demoData(locale);
    const spec = buildDemoWorkbook(data);
    let values: Map<string, Map<string, CellResult>>;

    beforeAll(async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "opskit-demo-"));
      const file = path.join(dir, "demo.xlsx");
      await writeXlsxFile(spec, file);
      const recalculated = await recalculate(file);
      if (!recalculated) throw new Error("LibreOffice did not produce a file");
      values = await readAllValues(recalculated);
    }, 240_000);

    it("has every sheet", () => {
      expect([...values.keys()]).toEqual(spec.sheets.map((s) => s.name));
    });

    it("Schedule: WORKDAY starts and ends equal the TypeScript schedule", () => {
      const plan = samplePlan(locale);
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

    it("no cell outside the OPS.* formulas holds an error", () => {
      const ops = opsFormulaCells(spec);
      const unexpected: string[] = [];
      for (const [sheetName, sheet] of values) {
        for (const [address, v] of sheet) {
          if (isError(v) && !ops.get(sheetName)?.has(address)) unexpected.push(`${sheetName}!${address} ${v.error}`);
        }
      }
      expect(unexpected).toEqual([]);
      // And the OPS.* cells exist (the Metrics sheet has them).
      expect(ops.get(data.ctx.sheetNames.metrics)!.size).toBeGreaterThanOrEqual(6);
    });
  });
});
