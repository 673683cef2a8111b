import { generateSchedule, generateSettings, ganttInfo, scheduleCell, HOLIDAY_ROWS } from "../../src/core/generators/schedule";
import { SCHEDULE_LAYOUT, HOLIDAYS_NAME } from "../../src/core/generators/planCommon";
import { DATE_FORMAT } from "../../src/core/generators/dataCells";
import { buildPlanWorkbook } from "../../src/core/generators/workbook";
import { defaultContext, type GeneratorContext } from "../../src/core/generators/context";
import { samplePlan, planFromTemplate } from "../../src/core/plan/fromTemplate";
import { scheduleDates } from "../../src/core/plan/scheduleDates";
import { PlanValidationError } from "../../src/core/plan/validate";
import { workday } from "../../src/core/workday";
import { parseIsoSerial, isoOfSerial, mondayOf } from "../../src/core/dates";
import { parseA1, columnLetters } from "../../src/core/tablespec/a1";
import type { Plan } from "../../src/core/plan/types";
import type { CellSpec, SheetSpec } from "../../src/core/tablespec/types";
import { SUPPORTED_LOCALES, type Locale } from "../../src/core/i18n";
import { cellAt, expectFormulasSound, expectGolden, hasCjk } from "./planSheetChecks";

const C = SCHEDULE_LAYOUT.columns;
const FIRST = SCHEDULE_LAYOUT.firstTaskRow;
const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p)) as Plan;

/**
 * A tiny evaluator for the schedule's two date formulas, using workday():
 * proves the formulas compute what scheduleDates() says, without Excel.
 */
function evaluateDates(sheet: SheetSpec, plan: Plan): Map<string, { start: number; end: number }> {
  const holidays = new Set(plan.schedule.holidays.map(parseIsoSerial));
  const rows = sheet.blocks[0]!.rows;
  const cache = new Map<string, number>();
  const value = (address: string): number => {
    if (cache.has(address)) return cache.get(address)!;
    const { row, col } = parseA1(address);
    const cell = rows[row]![col]!;
    let result: number;
    if (cell.formula === undefined) result = cell.value as number;
    else {
      let m = /^=WORKDAY\(([A-Z]+\d+),([A-Z]+\d+)-1,Holidays\)$/.exec(cell.formula);
      if (m) result = workday(value(m[1]!), value(m[2]!) - 1, holidays);
      else if ((m = /^=WORKDAY\((?:MAX\(([A-Z0-9,]+)\)|([A-Z]+\d+)),1,Holidays\)$/.exec(cell.formula)))
        result = workday(Math.max(...(m[1] ?? m[2]!).split(",").map(value)), 1, holidays);
      else throw new Error(`unexpected formula ${cell.formula}`);
    }
    cache.set(address, result);
    return result;
  };
  return new Map(plan.schedule.tasks.map((t, i) => [t.id, { start: value(scheduleCell(i, "start")), end: value(scheduleCell(i, "end")) }]));
}

describe.each(SUPPORTED_LOCALES.map((l) => [l]))("generateSchedule, sample plan in %s", (locale) => {
  const plan = samplePlan(locale as Locale);
  const ctx = defaultContext(locale as Locale);
  const sheet = generateSchedule(plan, ctx);
  const { names } = generateSettings(plan, ctx);
  const tasks = plan.schedule.tasks;
  const row = (i: number) => sheet.blocks[0]!.rows[FIRST + i]!;

  it("is named from the context and its formulas are sound", () => {
    expect(sheet.name).toBe(ctx.sheetNames.schedule);
    expect(sheet.kind).toBe("schedule");
    expectFormulasSound(sheet, ctx, names);
    expect(names.map((n) => n.name)).toEqual([HOLIDAYS_NAME]);
  });

  it("has the columns of the issue, translated", () => {
    const header = sheet.blocks[0]!.rows[SCHEDULE_LAYOUT.headerRow]!.slice(0, 11).map((c) => c!.value as string);
    if (locale === "en")
      expect(header).toEqual(["ID", "Phase", "Task", "Owner", "Start", "Duration (workdays)", "End", "Depends on", "Status", "% complete", "Milestone"]);
    else {
      expect(header).toEqual(["编号", "阶段", "任务", "负责人", "开始", "工期（工作日）", "结束", "前置任务", "状态", "完成度", "里程碑"]);
      for (const text of header) expect(hasCjk(text)).toBe(true);
    }
  });

  it("writes End as WORKDAY(Start, Duration-1, Holidays) on every row", () => {
    tasks.forEach((_t, i) => {
      const r = FIRST + i + 1;
      expect(row(i)[C.end]).toEqual({ formula: `=WORKDAY(E${r},F${r}-1,Holidays)`, numberFormat: DATE_FORMAT, style: "computed" });
    });
  });

  it("starts a dependent task the workday after its predecessors' End cells, others on a constant date", () => {
    const rowOf = new Map(tasks.map((t, i) => [t.id, FIRST + i + 1]));
    tasks.forEach((t, i) => {
      const start = row(i)[C.start]!;
      expect(start.numberFormat).toBe(DATE_FORMAT);
      if (t.dependsOn.length === 0) {
        expect(start.formula).toBeUndefined();
        expect(start.value).toBe(parseIsoSerial(t.start ?? plan.schedule.startDate));
      } else {
        const refs = [...start.formula!.matchAll(/G(\d+)/g)].map((m) => Number(m[1]));
        expect(refs.sort()).toEqual(t.dependsOn.map((d) => rowOf.get(d)!).sort());
        expect(start.formula).toMatch(t.dependsOn.length > 1 ? /^=WORKDAY\(MAX\(G\d+(,G\d+)+\),1,Holidays\)$/ : /^=WORKDAY\(G\d+,1,Holidays\)$/);
      }
    });
  });

  it("formulas compute the dates scheduleDates() computes", () => {
    expect(evaluateDates(sheet, plan)).toEqual(scheduleDates(plan));
  });

  it("has status, owner, duration, % and milestone validation", () => {
    const last = FIRST + tasks.length;
    const byRange = new Map(sheet.validations!.map((v) => [v.range, v]));
    const status = byRange.get(`I5:I${last}`)!;
    expect(status.kind).toBe("list");
    expect(status.kind === "list" && status.values).toEqual(
      locale === "en" ? ["Not started", "In progress", "Blocked", "Done"] : ["未开始", "进行中", "受阻", "已完成"],
    );
    const owner = byRange.get(`D5:D${last}`)!;
    expect(owner.kind === "list" && owner.values).toEqual(plan.team.people.map((p) => p.name));
    expect(byRange.get(`F5:F${last}`)).toMatchObject({ kind: "decimal", min: 1 });
    expect(byRange.get(`J5:J${last}`)).toMatchObject({ kind: "decimal", min: 0, max: 1 });
    expect(byRange.get(`K5:K${last}`)).toMatchObject({ kind: "list", values: ["◆"] });
    // every status cell holds one of the list's values
    tasks.forEach((_t, i) => expect(status.kind === "list" && status.values).toContain(row(i)[C.status]!.value));
  });

  it("draws a weekly Gantt with formula headers, bars, done part and a today marker", () => {
    const info = ganttInfo(plan);
    expect(info.mode).toBe("week");
    expect(info.firstPeriod).toBe(mondayOf(parseIsoSerial(plan.schedule.startDate)));
    const header = sheet.blocks[0]!.rows[SCHEDULE_LAYOUT.headerRow]!;
    const g0 = SCHEDULE_LAYOUT.firstGanttColumn;
    expect(header.length).toBe(g0 + info.periods);
    expect(header[g0]!.formula).toBe(`=MIN($E$5:$E$${FIRST + tasks.length})-WEEKDAY(MIN($E$5:$E$${FIRST + tasks.length}),3)`);
    for (let p = 1; p < info.periods; p++) expect(header[g0 + p]!.formula).toBe(`=${columnLetters(g0 + p - 1)}4+7`);
    // the periods cover every task
    const lastEnd = Math.max(...[...scheduleDates(plan).values()].map((d) => d.end));
    expect(info.firstPeriod + 7 * info.periods).toBeGreaterThan(lastEnd);
    const formulas = sheet.conditionalFormats!.map((cf) => (cf.kind === "expression" ? cf.formula : ""));
    expect(formulas).toContain("=AND(L$4<=$G5,L$4+6>=$E5)");
    expect(formulas).toContain("=AND($J5>0,L$4<$E5+($G5-$E5+1)*$J5,L$4+6>=$E5)");
    expect(formulas.filter((f) => f.includes("TODAY()>=L$4"))).toHaveLength(2);
    expect(sheet.conditionalFormats!.map((cf) => cf.priority)).toEqual(sheet.conditionalFormats!.map((_cf, i) => i + 1));
    // milestone mark feeds the milestone bar
    expect(tasks.filter((t) => t.milestone).length).toBe(tasks.filter((_t, i) => row(i)[C.milestone]?.value === "◆").length);
  });

  it("freezes the header and task columns, styles a table, prints landscape on one page wide", () => {
    expect(sheet.freeze).toEqual({ rows: 4, columns: 3 });
    expect(sheet.tables).toEqual([{ name: "OpsSchedule", range: `A4:K${FIRST + tasks.length}`, style: "TableStyleLight9" }]);
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToWidth: true, repeatRows: "4:4" });
    expect(sheet.columns!.length).toBe(SCHEDULE_LAYOUT.firstGanttColumn + ganttInfo(plan).periods);
  });

  it("blocks are rectangles", () => {
    const widths = new Set(sheet.blocks[0]!.rows.map((r) => r.length));
    expect(widths.size).toBe(1);
  });

  it("matches the golden file", () => expectGolden(`schedule.${locale}`, sheet));
});

describe("generateSettings", () => {
  it.each(SUPPORTED_LOCALES.map((l) => [l]))("lists the holidays (%s) and names the range Holidays", (locale) => {
    const plan = samplePlan(locale as Locale);
    const ctx = defaultContext(locale as Locale);
    const { sheet, names } = generateSettings(plan, ctx);
    expect(sheet.name).toBe(ctx.sheetNames.settings);
    expect(names).toEqual([{ name: "Holidays", refersTo: `'${ctx.sheetNames.settings}'!$A$5:$A$${4 + HOLIDAY_ROWS}` }]);
    const values = sheet.blocks[0]!.rows.slice(4).map((r) => r[0]!.value).filter((v) => v !== undefined);
    expect(values).toEqual(plan.schedule.holidays.map(parseIsoSerial));
    expect(sheet.blocks[0]!.rows.length).toBe(4 + HOLIDAY_ROWS);
    for (const r of sheet.blocks[0]!.rows.slice(4)) expect(r[0]!.numberFormat).toBe(DATE_FORMAT);
    expectFormulasSound(sheet, ctx, names);
    expect(sheet.validations).toEqual([expect.objectContaining({ kind: "date", range: `A5:A${4 + HOLIDAY_ROWS}` })]);
    if (locale === "zh-CN") expect(hasCjk(cellAt(sheet, 3, 0)!.value as string)).toBe(true);
    expectGolden(`settings.${locale}`, { sheet, names });
  });

  it("sorts, de-duplicates and grows the range for many holidays", () => {
    const plan = clone(samplePlan("en"));
    plan.schedule.holidays = ["2026-05-04", "2026-05-01", "2026-05-04"];
    const { sheet } = generateSettings(plan, defaultContext("en"));
    expect(sheet.blocks[0]!.rows.slice(4, 6).map((r) => isoOfSerial(r[0]!.value as number))).toEqual(["2026-05-01", "2026-05-04"]);
    plan.schedule.holidays = Array.from({ length: 70 }, (_, i) => isoOfSerial(parseIsoSerial("2026-01-01") + i));
    const { names } = generateSettings(plan, defaultContext("en"));
    expect(names[0]!.refersTo).toBe("'Settings'!$A$5:$A$94");
  });
});

describe("generateSchedule refuses an unsound plan", () => {
  const ctx = defaultContext("en");
  it("circular dependencies: nothing generated, the cycle reported", () => {
    const plan = clone(samplePlan("en"));
    plan.schedule.tasks[0]!.dependsOn = ["L05"];
    expect(() => generateSchedule(plan, ctx)).toThrow(PlanValidationError);
    try {
      generateSchedule(plan, ctx);
    } catch (e) {
      expect((e as PlanValidationError).problems).toEqual([
        { path: "schedule.tasks[0].dependsOn[0]", message: "circular dependency: L01 → L05 → L03 → L02 → L01 (X → Y means X waits for Y)" },
      ]);
    }
  });

  it("missing dependencies: nothing generated", () => {
    const plan = clone(samplePlan("zh-CN"));
    plan.schedule.tasks[2]!.dependsOn = ["L02", "L00"];
    expect(() => generateSchedule(plan, defaultContext("zh-CN"))).toThrow(/schedule.tasks\[2\].dependsOn\[1\]: 依赖的“L00”不是执行计划中的任务/);
  });
});

describe("generateSchedule, other plans", () => {
  it("uses one column per day for a plan of at most six weeks, shading weekends and holidays", () => {
    const plan = planFromTemplate("paid-tier-launch", { startDate: "2026-03-04", locale: "en", holidays: ["2026-03-10"] });
    const info = ganttInfo(plan);
    expect(info.mode).toBe("day");
    const sheet = generateSchedule(plan, defaultContext("en"));
    const header = sheet.blocks[0]!.rows[SCHEDULE_LAYOUT.headerRow]!;
    const g0 = SCHEDULE_LAYOUT.firstGanttColumn;
    expect(header[g0 + 1]!.formula).toBe("=L4+1");
    expect(info.firstPeriod).toBe(parseIsoSerial("2026-03-02")); // the Monday before the Wednesday start
    const formulas = sheet.conditionalFormats!.map((cf) => (cf.kind === "expression" ? cf.formula : ""));
    expect(formulas).toContain("=AND(L$4<=$G5,L$4>=$E5)");
    expect(formulas).toContain("=OR(WEEKDAY(L$4,2)>5,COUNTIF(Holidays,L$4)>0)");
    expect(formulas).toContain("=L$4=TODAY()");
    expect(evaluateDates(sheet, plan)).toEqual(scheduleDates(plan));
    expectFormulasSound(sheet, defaultContext("en"), ["Holidays"]);
  });

  it("uses a task's own fixed start when it has no predecessors", () => {
    const plan = clone(samplePlan("en"));
    plan.schedule.tasks[12]!.dependsOn = []; // L13 starts on its own date
    plan.schedule.tasks[12]!.start = "2026-03-20";
    const sheet = generateSchedule(plan, defaultContext("en"));
    expect(sheet.blocks[0]!.rows[FIRST + 12]![C.start]!.value).toBe(parseIsoSerial("2026-03-20"));
    expect(evaluateDates(sheet, plan)).toEqual(scheduleDates(plan));
  });

  it.each(["operation-activity", "paid-tier-launch", "b2b-launch"])("template %s in zh-CN: sound formulas, dates agree", (id) => {
    const plan = planFromTemplate(id, { startDate: "2026-09-28", locale: "zh-CN", holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"] });
    const ctx = defaultContext("zh-CN");
    const sheet = generateSchedule(plan, ctx);
    expectFormulasSound(sheet, ctx, ["Holidays"]);
    expect(evaluateDates(sheet, plan)).toEqual(scheduleDates(plan));
  });

  it("follows renamed sheets: names, table and the Settings reference", () => {
    const ctx: GeneratorContext = defaultContext("en");
    ctx.sheetNames = { ...ctx.sheetNames, schedule: "Schedule (2)", settings: "Settings (2)" };
    const plan = samplePlan("en");
    const sheet = generateSchedule(plan, ctx);
    expect(sheet.name).toBe("Schedule (2)");
    expect(sheet.tables![0]!.name).toBe("OpsSchedule2");
    expect(generateSettings(plan, ctx).names[0]!.refersTo).toBe("'Settings (2)'!$A$5:$A$64");
    const subtitle = cellAt(sheet, SCHEDULE_LAYOUT.subtitleRow, 0) as CellSpec;
    expect(subtitle.value).toContain("Settings (2)");
  });
});

describe("Gantt width", () => {
  it("never runs past Excel's last column XFD, however long the plan", () => {
    // 400 chained tasks of the longest duration: about 20,800 weeks, more than Excel's columns.
    const plan = clone(samplePlan("en"));
    const owner = plan.schedule.tasks[0]!.ownerId;
    plan.schedule.tasks = Array.from({ length: 400 }, (_, i) => ({
      id: `T${i + 1}`, phase: "", name: `Task ${i + 1}`, ownerId: owner, durationDays: 260,
      dependsOn: i === 0 ? [] : [`T${i}`], milestone: false,
    }));
    plan.raci = {};
    const gantt = ganttInfo(plan);
    expect(gantt.mode).toBe("week");
    expect(SCHEDULE_LAYOUT.firstGanttColumn + gantt.periods).toBe(16_384);
    expect(columnLetters(SCHEDULE_LAYOUT.firstGanttColumn + gantt.periods - 1)).toBe("XFD");
  });
});

describe("holidays of a second set (Keep both)", () => {
  it("gets its own workbook name, so the first Schedule keeps reading its own list", () => {
    const names = { ...defaultContext("en").sheetNames, schedule: "Schedule (2)", settings: "Settings (2)", intake: "Requirement intake (2)" };
    const second = buildPlanWorkbook(samplePlan("en"), { locale: "en", sheetNames: names }, ["schedule", "intake"]);
    expect(second.names).toEqual([{ name: "Holidays_2", refersTo: expect.stringMatching(/^'Settings \(2\)'!\$A\$5:\$A\$\d+$/) }]);
    const formulas = second.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat().map((c) => c?.formula ?? "")));
    expect(formulas.filter((f) => f.includes("WORKDAY")).length).toBeGreaterThan(0);
    expect(formulas.filter((f) => /\bHolidays\b/.test(f))).toEqual([]);
    const first = buildPlanWorkbook(samplePlan("en"), defaultContext("en"), ["schedule"]);
    expect(first.names!.map((n) => n.name)).toEqual([HOLIDAYS_NAME]);
  });
});
