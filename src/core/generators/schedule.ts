/**
 * The execution schedule (step 3 of an operation activity) and its Settings
 * sheet (the holiday list behind the workbook name `Holidays`).
 *
 * Schedule layout (see SCHEDULE_LAYOUT): title, subtitle, legend, header on
 * row 4, one task per row from row 5. Columns:
 *   A ID · B Phase · C Task · D Owner · E Start · F Duration · G End ·
 *   H Depends on · I Status · J % complete · K Milestone · L… Gantt
 * Dates are native formulas, so moving one date moves the chain:
 *   E (no predecessors) a constant date (input), else =WORKDAY(MAX(G…,G…),1,Holidays)
 *   G                    =WORKDAY(E5,F5-1,Holidays)
 * The Gantt has one column per week (Monday) or, when the plan spans at most
 * six weeks, per calendar day. Its header cells are formulas (the Monday of
 * the earliest start, then +7 or +1), and the bars are conditional formats
 * comparing each period with the row's Start..End, a darker done part
 * proportional to % complete, and TODAY() marking the current period. The
 * number of Gantt columns is sized from the dates computed in TypeScript
 * (scheduleDates) plus spare periods so a slipping plan still shows.
 *
 * The plan is validated first: any problem (circular or missing dependencies
 * included) throws PlanValidationError with every problem and its path, and
 * nothing is generated.
 */
import type { Plan } from "../plan/types";
import type { CellSpec, ConditionalFormatSpec, DataValidationSpec, DefinedNameSpec, SheetSpec } from "../tablespec/types";
import { a1, columnLetters, rangeA1, sheetRef } from "../tablespec/a1";
import type { GeneratorContext } from "./context";
import { tIn } from "../i18n";
import { mondayOf, parseIsoSerial } from "../dates";
import { scheduleDates, scheduleSpan } from "../plan/scheduleDates";
import {
  DAILY_GANTT_MAX_DAYS, DATE_FORMAT, HOLIDAYS_NAME, SCHEDULE_LAYOUT, TASK_STATUSES,
  checkedPlan, excelString, inlineListFits, personNames, rectangular, tableNameFor, taskStatusLabel,
} from "./planCommon";

const C = SCHEDULE_LAYOUT.columns;
const FIXED_COLUMNS = SCHEDULE_LAYOUT.firstGanttColumn; // A..K
const SPARE_WEEKS = 2;
const SPARE_DAYS = 7;

const FILL = {
  bar: "#9DC3E6",
  done: "#2F5597",
  milestone: "#ED7D31",
  today: "#FF0000",
  todayCell: "#FFE5E5",
  offDay: "#F2F2F2",
  warning: "#FFC7CE",
  warningFont: "#9C0006",
  doneFont: "#808080",
};

export interface GanttInfo {
  mode: "week" | "day";
  /** Number of Gantt columns. */
  periods: number;
  /** Serial of the first period (a Monday), as the header formula will compute it. */
  firstPeriod: number;
}

/**
 * The workbook name of this set's holidays: "Holidays", or "Holidays_2" when
 * the Settings sheet is "Settings (2)" (Keep both). Each generated set keeps
 * its own holidays: the first Schedule's WORKDAY never reads the copy's list.
 */
export function holidaysName(ctx: GeneratorContext): string {
  const copy = /\((\d+)\)\s*$/.exec(ctx.sheetNames.settings);
  return copy ? `${HOLIDAYS_NAME}_${copy[1]}` : HOLIDAYS_NAME;
}

/** Excel's last column is XFD, the 16,384th. */
export const EXCEL_COLUMNS = 16_384;
/** Most Gantt columns that fit after the fixed columns A..K. */
export const MAX_GANTT_PERIODS = EXCEL_COLUMNS - SCHEDULE_LAYOUT.firstGanttColumn;

/** How the Gantt will be laid out for this plan (validated plan); never past column XFD. */
export function ganttInfo(plan: Plan): GanttInfo {
  const { first, last } = scheduleSpan(scheduleDates(plan));
  const firstPeriod = mondayOf(first);
  const spanDays = last - firstPeriod + 1;
  if (spanDays <= DAILY_GANTT_MAX_DAYS) {
    return { mode: "day", periods: Math.ceil(spanDays / 7) * 7 + SPARE_DAYS, firstPeriod };
  }
  return { mode: "week", periods: Math.min(Math.ceil(spanDays / 7) + SPARE_WEEKS, MAX_GANTT_PERIODS), firstPeriod };
}

/** Address of a task's cell on the Schedule sheet (row of task index i). */
export function scheduleCell(taskIndex: number, column: keyof typeof C, absolute = false): string {
  return a1(SCHEDULE_LAYOUT.firstTaskRow + taskIndex, C[column], absolute, absolute);
}

export function generateSchedule(input: Plan, ctx: GeneratorContext): SheetSpec {
  const plan = checkedPlan(input, ctx.locale);
  const L = ctx.locale;
  const holidays = holidaysName(ctx);
  const tasks = plan.schedule.tasks;
  const names = personNames(plan);
  const rowOf = new Map(tasks.map((t, i) => [t.id, SCHEDULE_LAYOUT.firstTaskRow + i]));
  const first = SCHEDULE_LAYOUT.firstTaskRow;
  const last = first + tasks.length - 1;
  const gantt = ganttInfo(plan);
  const g0 = SCHEDULE_LAYOUT.firstGanttColumn;
  const gLast = g0 + gantt.periods - 1;
  const lastColumn = gLast;
  const cell = (row: number, col: number) => a1(row, col);
  const colRange = (col: number) => rangeA1(first, col, last, col);

  // --- title, subtitle, legend ---
  const title: CellSpec[] = [{ value: tIn(L, "scheduleTitle", { title: plan.title }), style: "title", mergeAcross: FIXED_COLUMNS }];
  const subtitle: CellSpec[] = [{
    value: tIn(L, "scheduleSubtitle", {
      target: plan.goal.target.value,
      unit: plan.goal.target.unit,
      by: plan.goal.target.by,
      tasks: tasks.length,
      settings: ctx.sheetNames.settings,
    }),
    style: "subtitle",
    mergeAcross: FIXED_COLUMNS,
  }];
  const legendRow: (CellSpec | null)[] = [{ value: tIn(L, "scheduleLegend"), style: "note", mergeAcross: FIXED_COLUMNS }];
  for (let c = 1; c < g0; c++) legendRow.push(null);
  legendRow.push({ value: tIn(L, gantt.mode === "week" ? "scheduleGanttWeeks" : "scheduleGanttDays"), style: "note" });

  // --- header: fixed columns, then the Gantt periods as formulas ---
  const headerKeys = [
    "scheduleHeaderId", "scheduleHeaderPhase", "scheduleHeaderTask", "scheduleHeaderOwner", "scheduleHeaderStart",
    "scheduleHeaderDuration", "scheduleHeaderEnd", "scheduleHeaderDependsOn", "scheduleHeaderStatus",
    "scheduleHeaderPercent", "scheduleHeaderMilestone",
  ] as const;
  const header: CellSpec[] = headerKeys.map((key) => ({ value: tIn(L, key), style: "header" }));
  const starts = rangeA1(first, C.start, last, C.start, true); // $E$5:$E$33
  const headerRow = SCHEDULE_LAYOUT.headerRow;
  const ganttFormat = gantt.mode === "week" ? "mm-dd" : "dd";
  for (let p = 0; p < gantt.periods; p++) {
    const formula =
      p === 0
        ? `=MIN(${starts})-WEEKDAY(MIN(${starts}),3)`
        : `=${cell(headerRow, g0 + p - 1)}+${gantt.mode === "week" ? 7 : 1}`;
    header.push({ formula, numberFormat: ganttFormat, style: "header" });
  }

  // --- task rows ---
  const done = taskStatusLabel(L, "done");
  const milestoneMark = tIn(L, "scheduleMilestoneMark");
  const rows: (CellSpec | null)[][] = tasks.map((task, i) => {
    const r = first + i;
    const preds = task.dependsOn.map((d) => cell(rowOf.get(d)!, C.end));
    const start: CellSpec =
      preds.length === 0
        ? { value: parseIsoSerial(task.start ?? plan.schedule.startDate), numberFormat: DATE_FORMAT, style: "input" }
        : {
            formula: `=WORKDAY(${preds.length === 1 ? preds[0] : `MAX(${preds.join(",")})`},1,${holidays})`,
            numberFormat: DATE_FORMAT,
            style: "computed",
          };
    return [
      { value: task.id },
      { value: task.phase },
      { value: task.name },
      { value: names.get(task.ownerId)! },
      start,
      { value: task.durationDays, numberFormat: "0", style: "input" },
      { formula: `=WORKDAY(${cell(r, C.start)},${cell(r, C.duration)}-1,${holidays})`, numberFormat: DATE_FORMAT, style: "computed" },
      task.dependsOn.length > 0 ? { value: task.dependsOn.join(", ") } : null,
      { value: taskStatusLabel(L, task.status ?? "notStarted"), style: "input" },
      { value: task.percentComplete ?? 0, numberFormat: "0%", style: "input" },
      task.milestone ? { value: milestoneMark } : null,
    ];
  });

  // --- conditional formats: Gantt (relative to the top-left cell L5), then status and overdue ---
  const G = columnLetters(g0);
  const hdr = `${G}$${headerRow + 1}`; // L$4: the period start of this column
  const startC = `$${columnLetters(C.start)}${first + 1}`;
  const endC = `$${columnLetters(C.end)}${first + 1}`;
  const pctC = `$${columnLetters(C.percent)}${first + 1}`;
  const msC = `$${columnLetters(C.milestone)}${first + 1}`;
  const statusC = `$${columnLetters(C.status)}${first + 1}`;
  const periodEnd = gantt.mode === "week" ? `${hdr}+6` : hdr;
  const overlaps = `${hdr}<=${endC},${periodEnd}>=${startC}`;
  const doneEnd = `${startC}+(${endC}-${startC}+1)*${pctC}`; // exclusive: start + done share of the calendar span
  const ganttRange = rangeA1(first, g0, last, gLast);
  const ganttHeader = rangeA1(headerRow, g0, headerRow, gLast);
  const today =
    gantt.mode === "week" ? `AND(TODAY()>=${hdr},TODAY()<=${hdr}+6)` : `${hdr}=TODAY()`;
  const conditionalFormats: ConditionalFormatSpec[] = [
    { kind: "expression", range: ganttHeader, formula: `=${today}`, format: { fill: FILL.today, fontColor: "#FFFFFF", bold: true }, stopIfTrue: true },
    { kind: "expression", range: ganttRange, formula: `=AND(${pctC}>0,${hdr}<${doneEnd},${periodEnd}>=${startC})`, format: { fill: FILL.done }, stopIfTrue: true },
    { kind: "expression", range: ganttRange, formula: `=AND(${msC}<>"",${overlaps})`, format: { fill: FILL.milestone }, stopIfTrue: true },
    { kind: "expression", range: ganttRange, formula: `=AND(${overlaps})`, format: { fill: FILL.bar }, stopIfTrue: true },
    { kind: "expression", range: ganttRange, formula: `=${today}`, format: { fill: FILL.todayCell }, stopIfTrue: true },
  ];
  if (gantt.mode === "day")
    conditionalFormats.push({
      kind: "expression",
      range: `${ganttHeader.split(":")[0]}:${a1(last, gLast)}`,
      formula: `=OR(WEEKDAY(${hdr},2)>5,COUNTIF(${holidays},${hdr})>0)`,
      format: { fill: FILL.offDay },
    });
  const fixedRange = rangeA1(first, 0, last, FIXED_COLUMNS - 1);
  conditionalFormats.push(
    {
      kind: "expression",
      range: colRange(C.status),
      formula: `=${statusC}=${excelString(taskStatusLabel(L, "blocked"))}`,
      format: { fill: FILL.warning, fontColor: FILL.warningFont, bold: true },
    },
    {
      kind: "expression",
      range: colRange(C.end),
      formula: `=AND(${endC}<TODAY(),${statusC}<>${excelString(done)})`,
      format: { fill: FILL.warning, fontColor: FILL.warningFont },
    },
    {
      kind: "expression",
      range: fixedRange,
      formula: `=${statusC}=${excelString(done)}`,
      format: { fontColor: FILL.doneFont },
    },
  );
  conditionalFormats.forEach((cf, i) => (cf.priority = i + 1));

  // --- data validation ---
  const people = plan.team.people.map((p) => p.name);
  const validations: DataValidationSpec[] = [
    { kind: "list", range: colRange(C.status), values: TASK_STATUSES.map((s) => taskStatusLabel(L, s)), allowBlank: false, prompt: tIn(L, "schedulePromptStatus") },
    { kind: "decimal", range: colRange(C.duration), min: 1, allowBlank: false, prompt: tIn(L, "schedulePromptDuration") },
    { kind: "decimal", range: colRange(C.percent), min: 0, max: 1, allowBlank: true, prompt: tIn(L, "schedulePromptPercent") },
    { kind: "list", range: colRange(C.milestone), values: [milestoneMark], allowBlank: true, prompt: tIn(L, "schedulePromptMilestone") },
  ];
  if (inlineListFits(people))
    validations.splice(1, 0, { kind: "list", range: colRange(C.owner), values: people, allowBlank: false, prompt: tIn(L, "schedulePromptOwner") });

  const widths = [7, 16, 42, 14, 11, 9, 11, 12, 12, 9, 8];
  return {
    kind: "schedule",
    name: ctx.sheetNames.schedule,
    blocks: [{ anchor: "A1", rows: rectangular([title, subtitle, legendRow, header, ...rows]) }],
    columns: [
      ...widths.map((width, index) => ({ index, width })),
      ...Array.from({ length: gantt.periods }, (_, p) => ({ index: g0 + p, width: gantt.mode === "week" ? 6 : 3.5 })),
    ],
    freeze: { rows: headerRow + 1, columns: C.task + 1 },
    tables: [{ name: tableNameFor("OpsSchedule", ctx.sheetNames.schedule), range: rangeA1(headerRow, 0, last, FIXED_COLUMNS - 1), style: "TableStyleLight9" }],
    conditionalFormats,
    validations,
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: `${headerRow + 1}:${headerRow + 1}`,
      area: rangeA1(0, 0, last, lastColumn),
    },
    tabColor: "#2F5597",
  };
}

/** Rows of the holiday list on the Settings sheet (a generous range so users can add dates). */
export const HOLIDAY_ROWS = 60;
const SETTINGS_HEADER_ROW = 3; // row 4
const SETTINGS_FIRST_ROW = 4; // row 5

/**
 * The Settings sheet: the holiday list (sorted ISO → serial dates, then blank
 * input rows) and the workbook name Holidays → its column range, which the
 * schedule's WORKDAY formulas use. Blank cells in the range are ignored by WORKDAY.
 */
export function generateSettings(plan: Plan, ctx: GeneratorContext): { sheet: SheetSpec; names: DefinedNameSpec[] } {
  const L = ctx.locale;
  const holidays = [...new Set(plan.schedule.holidays.map((h) => Math.trunc(parseIsoSerial(h))).filter(Number.isFinite))].sort((a, b) => a - b);
  const count = Math.max(HOLIDAY_ROWS, holidays.length + 20);
  const first = SETTINGS_FIRST_ROW;
  const last = first + count - 1;
  const rows: (CellSpec | null)[][] = [
    [{ value: tIn(L, "scheduleSettingsTitle"), style: "title", mergeAcross: 2 }],
    [{ value: tIn(L, "scheduleSettingsNote"), style: "note" }], // not merged: the long note overflows to the right
    [],
    [{ value: tIn(L, "scheduleSettingsHoliday"), style: "header" }, { value: tIn(L, "scheduleSettingsWeekday"), style: "header" }],
  ];
  for (let i = 0; i < count; i++) {
    const date = holidays[i];
    const r = first + i;
    rows.push([
      date === undefined ? { numberFormat: DATE_FORMAT, style: "input" } : { value: date, numberFormat: DATE_FORMAT, style: "input" },
      { formula: `=IF(${a1(r, 0)}="","",${a1(r, 0)})`, numberFormat: "dddd", style: "computed" },
    ]);
  }
  const range = rangeA1(first, 0, last, 0, true);
  const sheet: SheetSpec = {
    kind: "settings",
    name: ctx.sheetNames.settings,
    blocks: [{ anchor: "A1", rows: rectangular(rows) }],
    columns: [{ index: 0, width: 14 }, { index: 1, width: 14 }],
    freeze: { rows: SETTINGS_HEADER_ROW + 1, columns: 0 },
    validations: [{ kind: "date", range: rangeA1(first, 0, last, 0), allowBlank: true, prompt: tIn(L, "scheduleSettingsPromptHoliday") }],
    conditionalFormats: [
      // A holiday on a weekend changes nothing: grey it so the user sees it.
      { kind: "expression", range: rangeA1(first, 0, last, 1), formula: `=AND($A${first + 1}<>"",WEEKDAY($A${first + 1},2)>5)`, format: { fontColor: "#808080" }, priority: 1 },
    ],
    print: { orientation: "portrait", fitToWidth: true, repeatRows: `${SETTINGS_HEADER_ROW + 1}:${SETTINGS_HEADER_ROW + 1}` },
    tabColor: "#7F7F7F",
  };
  return { sheet, names: [{ name: holidaysName(ctx), refersTo: sheetRef(ctx.sheetNames.settings, range) }] };
}
