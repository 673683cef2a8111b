/**
 * The demo's shared variant (demo/OpsKit-sample-shared.xlsx) recalculated by
 * LibreOffice, which has no OpsKit add-in — exactly a recipient's situation:
 *
 * - no #NAME? and no error cell anywhere, on any sheet (the live demo has
 *   #NAME? in every OPS cell: see demo.recalc.test.ts);
 * - no formula calls OPS.* any more (the originals are text on the hidden
 *   sheet);
 * - the frozen values equal the live ones computed in TypeScript by calling
 *   the core metric functions DIRECTLY on the sample data (not through the
 *   formula evaluator that froze them), cell by cell over each spill area;
 * - the Overview's links compute: milestone dates equal the TypeScript
 *   schedule, the tier rows equal expectedTiering.
 */
import path from "path";
import os from "os";
import { mkdtempSync, readFileSync } from "fs";
import ExcelJS from "exceljs";
import { demoData } from "../../src/core/generators/demo";
import { buildSharedDemoWorkbook, SHARED_DEMO_FROZEN_AT } from "../../src/core/sharing/sharedDemo";
import { OPS_FORMULAS_SHEET, frozenValue, readFormulaRecords, type FormulaRecord } from "../../src/core/sharing/freeze";
import { writeXlsxFile } from "../../src/xlsx/writeXlsx";
import { retention } from "../../src/core/metrics/retention";
import { funnel } from "../../src/core/metrics/funnel";
import { payrate } from "../../src/core/metrics/payrate";
import { tier } from "../../src/core/metrics/tier";
import { isOpsError, type Grid } from "../../src/core/errors";
import { FUNNEL_EVENTS } from "../../src/core/generators/metrics";
import { expectedTiering, sortCustomers } from "../../src/core/generators/tiering";
import { scheduleDates } from "../../src/core/plan/scheduleDates";
import { a1, parseA1 } from "../../src/core/tablespec/a1";
import { tIn, type Locale } from "../../src/core/i18n";
import { convertWithLibreOffice, describeWithLibreOffice, recalculate, readAllValues, isError, type CellResult } from "../support/libreoffice";
import { KPI_COLUMNS } from "../../src/core/generators/kpi";
import { expectedKpis } from "../support/demoExpectations";

const ERROR_TEXT = /^#(NAME\?|VALUE!|N\/A|DIV\/0!|NUM!|REF!|NULL!|SPILL!|CALC!|GETTING_DATA)$/;

/** The live results, straight from the core functions on the sample data (one per Metrics formula, in sheet order). */
function liveResults(locale: Locale): { match: RegExp; grid: Grid }[] {
  const { activity, customers } = demoData(locale);
  const col = (xs: readonly unknown[]) => xs.map((x) => [x]);
  const asGrid = (r: Grid | number | ReturnType<typeof payrate>): Grid => {
    if (isOpsError(r)) throw new Error(`live result is an error: ${r.code} ${r.message}`);
    return typeof r === "number" ? [[r]] : (r as Grid);
  };
  const tierValues = sortCustomers(customers).map((c) => [c.value ?? ""]);
  return [
    { match: /^=OPS\.RETENTION\(.*,"week",4\)$/, grid: asGrid(retention(col(activity.userIds), col(activity.times), "week", [[4]], null, null)) },
    {
      match: /^=OPS\.RETENTION\(.*"day",\{1,7\},"classic",/,
      grid: asGrid(retention(col(activity.userIds), col(activity.times), "day", [[1, 7]], "classic", col(activity.channels))),
    },
    {
      match: /^=OPS\.FUNNEL\(/,
      grid: asGrid(funnel(col([...FUNNEL_EVENTS]), col(activity.userIds), col(activity.events), col(activity.times), 14, null)),
    },
    { match: /^=OPS\.PAYRATE\([^"]*\)$/, grid: asGrid(payrate(col(activity.payers), col(activity.userIds), null, null)) },
    {
      match: /^=OPS\.PAYRATE\(.*"arppu"\)$/,
      grid: asGrid(payrate(col(activity.payers), col(activity.userIds), col(activity.amounts), "arppu")),
    },
    { match: /^=OPS\.TIER\(/, grid: asGrid(tier(tierValues, null, null, null, null)) },
  ];
}

describeWithLibreOffice("shared demo workbook recalculated by LibreOffice (no add-in)", () => {
  describe.each<Locale>(["en", "zh-CN"])("locale %s", (locale) => {
    const data = demoData(locale);
    const spec = buildSharedDemoWorkbook(data);
    let values: Map<string, Map<string, CellResult>>;
    let book: ExcelJS.Workbook;
    let records: FormulaRecord[];

    beforeAll(async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "opskit-shared-"));
      const file = path.join(dir, "shared.xlsx");
      await writeXlsxFile(spec, file);
      const recalculated = await recalculate(file);
      if (!recalculated) throw new Error("LibreOffice did not produce a file");
      values = await readAllValues(recalculated);
      book = new ExcelJS.Workbook();
      await book.xlsx.readFile(recalculated);
      const hidden = book.getWorksheet(OPS_FORMULAS_SHEET)!;
      const grid: unknown[][] = [];
      hidden.eachRow({ includeEmpty: true }, (row, r) => {
        const cells: unknown[] = [];
        // cell.text: LibreOffice saves text mixing CJK and Latin as rich-text runs.
        row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.text));
        grid[r - 1] = cells;
      });
      records = readFormulaRecords(Array.from(grid, (r) => r ?? [])).records;
    }, 240_000);

    it("has every sheet, the formulas sheet hidden and the Overview first", () => {
      expect([...values.keys()]).toEqual(spec.sheets.map((s) => s.name));
      expect(book.worksheets[0]!.name).toBe(data.ctx.sheetNames.overview);
      expect(book.getWorksheet(OPS_FORMULAS_SHEET)!.state).toBe("hidden");
    });

    it("holds no #NAME? and no error cell anywhere (not even as text)", () => {
      const bad: string[] = [];
      for (const [sheet, cells] of values) {
        for (const [address, v] of cells) {
          if (isError(v) || (typeof v === "string" && ERROR_TEXT.test(v.trim()))) bad.push(`${sheet}!${address} ${JSON.stringify(v)}`);
        }
      }
      expect(bad).toEqual([]);
    });

    it("no formula calls OPS.* any more", () => {
      const live: string[] = [];
      for (const ws of book.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const f = (cell.value as { formula?: string } | null)?.formula ?? (cell.value as { sharedFormula?: string } | null)?.sharedFormula;
            if (typeof f === "string" && /(OPS\.|_xldudf_)/i.test(f)) live.push(`${ws.name}!${cell.address} ${f}`);
          }),
        );
      }
      expect(live).toEqual([]);
    });

    it("the hidden sheet keeps every original formula of the KPI and Metrics sheets", () => {
      expect(records.map((r) => r.sheet)).toEqual([...Array(5).fill(data.ctx.sheetNames.kpi), ...Array(6).fill(data.ctx.sheetNames.metrics)]);
      expect(records.every((r) => r.frozenAt === SHARED_DEMO_FROZEN_AT)).toBe(true);
      expect(records.map((r) => r.formula)).toEqual(data.plan.indicators.map((i) => i.actualFormula).concat(records.slice(5).map((r) => r.formula)));
      expect(records.every((r) => /^=(OPS\.|LET\(r,OPS\.)/.test(r.formula))).toBe(true);
    });

    it("frozen values equal the core functions' live results, cell by cell over each spill area", () => {
      const metrics = values.get(data.ctx.sheetNames.metrics)!;
      const live = liveResults(locale);
      const metricsRecords = records.filter((r) => r.sheet === data.ctx.sheetNames.metrics);
      expect(metricsRecords).toHaveLength(live.length);
      let compared = 0;
      for (const expected of live) {
        const record = metricsRecords.find((r) => expected.match.test(r.formula));
        expect([expected.match.source, record !== undefined]).toEqual([expected.match.source, true]);
        const width = Math.max(...expected.grid.map((r) => r.length));
        expect([record!.address, record!.rows, record!.cols]).toEqual([record!.address, expected.grid.length, width]);
        const { row, col } = parseA1(record!.address);
        expected.grid.forEach((cells, r) =>
          cells.forEach((cell, c) => {
            const want = frozenValue(cell);
            const got = metrics.get(a1(row + r, col + c));
            const where = `${record!.address}+(${r},${c})`;
            if (want === null) expect([where, got ?? null]).toEqual([where, null]);
            else if (typeof want === "number") {
              expect([where, typeof got]).toEqual([where, "number"]);
              // LibreOffice stores 15 significant digits.
              expect([where, Math.abs((got as number) - want) <= Math.abs(want) * 1e-14 + 1e-15]).toEqual([where, true]);
            } else expect([where, got]).toEqual([where, want]);
            compared++;
          }),
        );
      }
      expect(compared).toBeGreaterThan(200 + 4 * 6); // the tiers alone are 200 cells
    });

    it("KPIs: the frozen actuals equal the core functions' results; LibreOffice computes progress, status and the Summary's Met? from them", () => {
      const kpi = values.get(data.ctx.sheetNames.kpi)!;
      for (const k of expectedKpis(data)) {
        const actual = kpi.get(a1(k.row, KPI_COLUMNS.actual)) as number;
        const progress = kpi.get(a1(k.row, KPI_COLUMNS.progress)) as number;
        expect([k.id, Math.abs(actual - k.actual) <= Math.abs(k.actual) * 1e-14]).toEqual([k.id, true]);
        expect([k.id, Math.abs(progress - k.progress) <= Math.abs(k.progress) * 1e-12]).toEqual([k.id, true]);
        expect([k.id, kpi.get(a1(k.row, KPI_COLUMNS.status))]).toEqual([k.id, k.status]);
      }
      // The Summary's "Met?" reads the same frozen actuals (it showed 0 of 5 when the actuals were empty).
      const summary = values.get(data.ctx.sheetNames.summary)!;
      for (const [i, k] of expectedKpis(data).entries()) {
        const ind = data.plan.indicators[i]!;
        const at = [...summary].find(([address, v]) => v === ind.name && address.startsWith("A"))?.[0];
        expect([k.id, at !== undefined]).toEqual([k.id, true]);
        const { row } = parseA1(at!);
        const met = tIn(locale, k.actual >= ind.target ? "summaryMet" : "summaryNotMet");
        expect([k.id, summary.get(a1(row, 3))]).toEqual([k.id, met]);
      }
    });

    it("the Overview's links compute: milestone dates and tier rows", () => {
      const overview = values.get(data.ctx.sheetNames.overview)!;
      const plan = data.plan;
      const dates = scheduleDates(plan);
      const texts = [...overview.values()].filter((v): v is string => typeof v === "string");
      const serials = [...overview.values()].filter((v): v is number => typeof v === "number");
      for (const task of plan.schedule.tasks.filter((t) => t.milestone)) {
        expect(texts).toContain(task.name);
        expect(serials).toContain(dates.get(task.id)!.end);
      }
      expect(texts.some((t) => t.includes(SHARED_DEMO_FROZEN_AT))).toBe(true);
      // Tier rows: label, then count and value sums as in expectedTiering.
      const summary = expectedTiering(data.customers, {}).summary;
      for (const t of summary) {
        const labelAt = [...overview].find(([, v]) => v === t.label)?.[0];
        expect(labelAt).toBeDefined();
        const { row } = parseA1(labelAt!);
        expect(overview.get(a1(row, 2))).toBe(t.count);
        expect(overview.get(a1(row, 4)) as number).toBeCloseTo(t.value, 6);
      }
    });
  });
});

/**
 * The shared copy's printout is the plan: LibreOffice's PDF export prints
 * every visible sheet's print area, and the data sheet (3,000 Activity rows,
 * about 70 pages when it was visible) is hidden. Measured here: 14 pages
 * (it was 80).
 */
describeWithLibreOffice("shared demo printout (PDF export by LibreOffice)", () => {
  it("prints the plan sheets, not the raw data", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "opskit-shared-pdf-"));
    const file = path.join(dir, "shared.xlsx");
    await writeXlsxFile(buildSharedDemoWorkbook(demoData("en")), file);
    const pdf = await convertWithLibreOffice(file, "pdf");
    const pages = (readFileSync(pdf!, "latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(10); // ten visible sheets (Overview, plan sheets, tiers, metrics, settings), each at least a page
    expect(pages).toBeLessThanOrEqual(20);
  }, 240_000);
});
