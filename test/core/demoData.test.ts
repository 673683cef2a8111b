/**
 * The demo workbook as a plan in progress, dated from the day it is made:
 * the plan starts the Monday of the week before `today`, the tasks before
 * today are done, one spans today, the rest lie ahead (no overdue wall of
 * red); the activity covers the 90 days before today; the KPI actuals are the
 * wizard's indicator formulas over the Activity data, and what the file
 * caches for them equals the core functions' results.
 */
import { buildDemoWorkbook, demoData, demoPlan, DEMO_ACTIVITY_DAYS, DEMO_TODAY } from "../../src/core/generators/demo";
import { samplePlan, SAMPLE_HOLIDAYS, SAMPLE_START } from "../../src/core/plan/fromTemplate";
import { scheduleDates } from "../../src/core/plan/scheduleDates";
import { buildIndicatorFormula, parseIndicatorFormula } from "../../src/core/plan/indicatorFormulas";
import { KPI_COLUMNS } from "../../src/core/generators/kpi";
import { activityRanges } from "../../src/core/generators/metrics";
import { isoOfSerial, parseIsoSerial } from "../../src/core/dates";
import { a1 } from "../../src/core/tablespec/a1";
import { opsEvaluator } from "../../src/core/sharing/evaluateOps";
import { workbookToXlsx } from "../../src/xlsx/writeXlsx";
import { cachedValue, openBook } from "../support/xlsxFile";
import { expectedKpis } from "../support/demoExpectations";
import { buildSharedDemoWorkbook } from "../../src/core/sharing/sharedDemo";
import { formulaRecordsOf, restoreOpsFormulas } from "../../src/core/sharing/freeze";
import { sheetCells } from "../../src/core/sharing/cells";
import { FORMATS } from "../../src/core/presentation";
import { tIn } from "../../src/core/i18n";
import { parseA1 } from "../../src/core/tablespec/a1";
import type { ChartSpec } from "../../src/core/tablespec/types";

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday

describe("samplePlan(locale, startDate)", () => {
  it("by default starts on SAMPLE_START with the sample holidays (the golden files)", () => {
    const plan = samplePlan("en");
    expect(plan.schedule.startDate).toBe(SAMPLE_START);
    expect(plan.schedule.holidays).toEqual([...SAMPLE_HOLIDAYS]);
  });

  it.each([
    // start date      → Monday it starts
    ["2026-12-03", "2026-11-30"], // a Thursday
    ["2027-01-04", "2027-01-04"], // a Monday
    ["2026-03-01", "2026-02-23"], // a Sunday: the Monday before
  ])("%s starts the plan on %s, every date moved by the same whole weeks", (start, monday) => {
    const base = samplePlan("en");
    const moved = samplePlan("en", start);
    expect(moved.schedule.startDate).toBe(monday);
    expect(weekday(monday)).toBe(1);
    const shift = parseIsoSerial(monday) - parseIsoSerial(SAMPLE_START);
    expect(((shift % 7) + 7) % 7).toBe(0);
    expect(moved.schedule.holidays).toEqual(SAMPLE_HOLIDAYS.map((h) => isoOfSerial(parseIsoSerial(h) + shift)));
    const before = scheduleDates(base);
    const after = scheduleDates(moved);
    for (const task of base.schedule.tasks) {
      expect([task.id, after.get(task.id)!.start - before.get(task.id)!.start, after.get(task.id)!.end - before.get(task.id)!.end]).toEqual([
        task.id, shift, shift,
      ]);
    }
  });

  it("refuses a date that is not one", () => {
    expect(() => samplePlan("en", "2026-02-30")).toThrow(/2026-02-30/);
  });
});

describe.each(["2026-12-03", "2026-12-05", "2027-02-15", DEMO_TODAY])("the demo dated %s", (today) => {
  const day = parseIsoSerial(today);
  const plan = demoPlan("en", today);
  const dates = scheduleDates(plan);

  it("starts the Monday of the week before", () => {
    expect(weekday(plan.schedule.startDate)).toBe(1);
    expect(day - parseIsoSerial(plan.schedule.startDate)).toBeGreaterThanOrEqual(7);
    expect(day - parseIsoSerial(plan.schedule.startDate)).toBeLessThan(14);
  });

  it("is in progress: the tasks before today done, most still ahead, no open task overdue", () => {
    const status = plan.schedule.tasks.map((t) => [t.id, t.status, dates.get(t.id)!] as const);
    expect(status.filter(([, s]) => s === "done").length).toBeGreaterThanOrEqual(2);
    expect(status.filter(([, s]) => s === "notStarted").length).toBeGreaterThan(plan.schedule.tasks.length / 2);
    for (const [id, s, d] of status) {
      if (s === "done") expect([id, d.end < day]).toEqual([id, true]);
      else expect([id, s, d.end >= day]).toEqual([id, s, true]); // not overdue
    }
  });

  it("has 90 days of activity ending the day before", () => {
    const { activity } = demoData("en", { today });
    expect(Math.min(...activity.times)).toBeGreaterThanOrEqual(day - DEMO_ACTIVITY_DAYS);
    expect(Math.max(...activity.times)).toBeLessThan(day);
    expect(activity.active.length).toBeGreaterThan(0);
    for (const id of activity.active) expect(activity.userIds).toContain(id);
  });
});

describe("the demo's KPI actuals", () => {
  const data = demoData("en");
  const spec = buildDemoWorkbook(data);
  const kpi = spec.sheets.find((s) => s.kind === "kpi")!;
  const ranges = activityRanges(data.activity, data.ctx);

  it("are the wizard's indicator formulas over the Activity columns, for every indicator", () => {
    expect(data.plan.indicators.map((i) => i.kind)).toEqual(["registrations", "paymentRate", "nextDayRetention", "cycleRetention", "activityRate"]);
    for (const ind of data.plan.indicators) {
      const formula = ind.actualFormula!;
      expect(formula).toBe(
        buildIndicatorFormula(ind.kind, { ids: ranges.users, dates: ranges.times, users: ranges.users, payers: ranges.payers, active: ranges.active }),
      );
      expect(parseIndicatorFormula(ind.kind, formula)).not.toBeNull(); // the wizard reads it back
    }
  });

  it("evaluate to the core functions' results (the LET(r, …, INDEX(r, ROWS(r), 3)) pick included)", () => {
    const evaluate = opsEvaluator(spec);
    for (const k of expectedKpis(data)) {
      const ind = data.plan.indicators.find((i) => i.id === k.id)!;
      const result = evaluate(kpi.name, ind.actualFormula!);
      expect([k.id, result.kind]).toEqual([k.id, "value"]);
      const v = (result as { grid: unknown[][] }).grid[0]![0] as number;
      expect([k.id, Math.abs(v - k.actual) <= 1e-12]).toEqual([k.id, true]);
    }
  });

  it("are cached in the written file, cell by cell", async () => {
    const book = await openBook(await workbookToXlsx(spec));
    const cells = book.sheets.get(kpi.name)!.cells;
    for (const k of expectedKpis(data)) {
      const address = a1(k.row, KPI_COLUMNS.actual);
      const cell = cells.get(address)!;
      expect([k.id, cell.cm, cell.f?.t, cell.f?.ref]).toEqual([k.id, "1", "array", address]);
      const got = cachedValue(cell, book.strings) as number;
      expect([k.id, Math.abs(got - k.actual) <= 1e-12]).toEqual([k.id, true]);
    }
  }, 60_000);

  it("are a mix, not all met or all missed (a plan in progress)", () => {
    const statuses = new Set(expectedKpis(data).map((k) => k.status));
    expect(statuses.size).toBeGreaterThanOrEqual(2);
  });
});

describe("the demo's Metrics sheet, presented", () => {
  const data = demoData("en");
  const live = buildDemoWorkbook(data);
  const metrics = live.sheets.find((s) => s.kind === "metrics")!;
  const shared = buildSharedDemoWorkbook(data);
  const frozenMetrics = shared.sheets.find((s) => s.kind === "metrics")!;
  const records = formulaRecordsOf(shared).records.filter((r) => r.sheet === metrics.name);

  it("has a heat-map on the retention shares, data bars on the funnel and native charts: retention curves and the funnel", () => {
    expect(metrics.colorScales!.length).toBeGreaterThanOrEqual(2); // weekly and channel retention
    expect(metrics.dataBars!.length).toBeGreaterThanOrEqual(1);
    const kinds = metrics.charts!.map((c) => [c.kind, c.title]);
    expect(kinds).toContainEqual(["line", tIn("en", "mxChartRetentionCurves")]);
    expect(kinds).toContainEqual(["bar", tIn("en", "mxChartFunnel")]);
  });

  it("charts overlap neither each other nor any spill or content", () => {
    const rect = (c: ChartSpec) => {
      const { row, col } = parseA1(c.anchor);
      return { row1: row, col1: col, row2: row + c.heightCells - 1, col2: col + c.widthCells - 1 };
    };
    const rects = metrics.charts!.map(rect);
    const overlap = (a: ReturnType<typeof rect>, b: ReturnType<typeof rect>) => a.row1 <= b.row2 && b.row1 <= a.row2 && a.col1 <= b.col2 && b.col1 <= a.col2;
    rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
    const occupied = records.map((r) => {
      const { row, col } = parseA1(r.address);
      return { row1: row, col1: col, row2: row + r.rows - 1, col2: col + r.cols - 1 };
    });
    for (const [key, cell] of sheetCells(metrics)) if (cell.value !== undefined) occupied.push({ row1: Math.floor(key / 16384), col1: key % 16384, row2: Math.floor(key / 16384), col2: key % 16384 });
    for (const c of rects) for (const o of occupied) expect([c, o, overlap(c, o)]).toEqual([c, o, false]);
  });

  it("the shared copy keeps the presented formats on the frozen values: cohort dates, counts, percentages", () => {
    const before = sheetCells(metrics);
    const after = sheetCells(frozenMetrics);
    let checked = 0;
    for (const r of records) {
      const { row, col } = parseA1(r.address);
      for (let dr = 0; dr < r.rows; dr++)
        for (let dc = 0; dc < r.cols; dc++) {
          const key = (row + dr) * 16384 + col + dc;
          const format = before.get(key)?.numberFormat;
          if (!format) continue;
          expect([r.address, dr, dc, after.get(key)?.numberFormat]).toEqual([r.address, dr, dc, format]);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(50);
    const weekly = records[0]!;
    const { row, col } = parseA1(weekly.address);
    const cohort = after.get((row + 1) * 16384 + col)!;
    const share = after.get((row + 1) * 16384 + col + 2)!;
    expect([typeof cohort.value, cohort.numberFormat]).toEqual(["number", FORMATS.date]);
    expect([typeof share.value, share.numberFormat]).toEqual(["number", FORMATS.share]);
  });

  it("a restore puts the live formulas back and keeps the formats under their spills", () => {
    const restored = restoreOpsFormulas(shared).sheets.find((s) => s.kind === "metrics")!;
    const cells = sheetCells(restored);
    for (const [key, cell] of sheetCells(metrics)) {
      if (!cell.numberFormat) continue;
      expect([key, cells.get(key)?.numberFormat]).toEqual([key, cell.numberFormat]);
    }
  });
});
