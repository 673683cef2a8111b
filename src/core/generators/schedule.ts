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
import type { Plan, PlanTask } from "../plan/types";
import type { CellSpec, ConditionalFormatSpec, DataValidationSpec, DefinedNameSpec, SheetSpec } from "../tablespec/types";
import { a1, columnLetters, rangeA1, sheetRef } from "../tablespec/a1";
import { PALETTE, TAB_COLORS } from "../tablespec/palette";
import type { GeneratorContext } from "./context";
import { tIn, type Locale } from "../i18n";
import { mondayOf, parseIsoSerial } from "../dates";
import { scheduleDates, scheduleSpan } from "../plan/scheduleDates";
import {
  DAILY_GANTT_MAX_DAYS, HOLIDAYS_NAME, SCHEDULE_LAYOUT, TASK_STATUSES,
  checkedPlan, inPriorityOrder, inlineListFits, personNames, taskStatusLabel,
} from "./planCommon";
import { DATE_FORMAT, excelString, rectangular, tableNameFor, tablePrint } from "./dataCells";

const COL = SCHEDULE_LAYOUT.columns;
const FIXED_COLUMNS = SCHEDULE_LAYOUT.firstGanttColumn; // A..K
const SPARE_WEEKS = 2;
const SPARE_DAYS = 7;
/** Widths of the fixed columns A..K, in characters. */
const FIXED_WIDTHS = [7, 16, 42, 14, 11, 9, 11, 12, 12, 9, 8];

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
export function scheduleCell(taskIndex: number, column: keyof typeof COL, absolute = false): string {
  return a1(SCHEDULE_LAYOUT.firstTaskRow + taskIndex, COL[column], absolute, absolute);
}

/** Where this plan's rows and Gantt columns sit (0-based), and the names its formulas use. */
interface ScheduleFrame {
  locale: Locale;
  /** The workbook name of the holiday list WORKDAY reads. */
  holidays: string;
  gantt: GanttInfo;
  firstTaskRow: number;
  lastTaskRow: number;
  firstGanttColumn: number;
  lastGanttColumn: number;
}

function scheduleFrame(plan: Plan, ctx: GeneratorContext): ScheduleFrame {
  const gantt = ganttInfo(plan);
  const firstTaskRow = SCHEDULE_LAYOUT.firstTaskRow;
  const firstGanttColumn = SCHEDULE_LAYOUT.firstGanttColumn;
  return {
    locale: ctx.locale,
    holidays: holidaysName(ctx),
    gantt,
    firstTaskRow,
    lastTaskRow: firstTaskRow + plan.schedule.tasks.length - 1,
    firstGanttColumn,
    lastGanttColumn: firstGanttColumn + gantt.periods - 1,
  };
}

/** One column of the task rows, e.g. E5:E33. */
function taskColumn(frame: ScheduleFrame, column: number): string {
  return rangeA1(frame.firstTaskRow, column, frame.lastTaskRow, column);
}

export function generateSchedule(input: Plan, ctx: GeneratorContext): SheetSpec {
  const plan = checkedPlan(input, ctx.locale);
  const frame = scheduleFrame(plan, ctx);
  const headerRow = SCHEDULE_LAYOUT.headerRow;
  return {
    kind: "schedule",
    name: ctx.sheetNames.schedule,
    blocks: [{ anchor: "A1", rows: rectangular([...headingRows(plan, ctx, frame), headerCells(frame), ...taskRows(plan, frame)]) }],
    columns: scheduleColumns(frame),
    freeze: { rows: headerRow + 1, columns: COL.task + 1 },
    tables: [{ name: tableNameFor("OpsSchedule", ctx.sheetNames.schedule, "appended"), range: rangeA1(headerRow, 0, frame.lastTaskRow, FIXED_COLUMNS - 1), style: "TableStyleLight9" }],
    conditionalFormats: inPriorityOrder([...ganttRules(frame), ...statusRules(frame)]),
    validations: scheduleValidations(plan, frame),
    print: tablePrint(headerRow, frame.lastTaskRow, frame.lastGanttColumn),
    tabColor: TAB_COLORS.schedule,
  };
}

/** Title, subtitle and legend (rows 1–3); the legend row also says whether the Gantt is in weeks or days. */
function headingRows(plan: Plan, ctx: GeneratorContext, frame: ScheduleFrame): (CellSpec | null)[][] {
  const { locale, gantt } = frame;
  const title: CellSpec[] = [{ value: tIn(locale, "scheduleTitle", { title: plan.title }), style: "title", mergeAcross: FIXED_COLUMNS }];
  const subtitle: CellSpec[] = [{
    value: tIn(locale, "scheduleSubtitle", {
      target: plan.goal.target.value,
      unit: plan.goal.target.unit,
      by: plan.goal.target.by,
      tasks: plan.schedule.tasks.length,
      settings: ctx.sheetNames.settings,
    }),
    style: "subtitle",
    mergeAcross: FIXED_COLUMNS,
  }];
  const legend: (CellSpec | null)[] = [{ value: tIn(locale, "scheduleLegend"), style: "note", mergeAcross: FIXED_COLUMNS }];
  for (let c = 1; c < frame.firstGanttColumn; c++) legend.push(null);
  legend.push({ value: tIn(locale, gantt.mode === "week" ? "scheduleGanttWeeks" : "scheduleGanttDays"), style: "note" });
  return [title, subtitle, legend];
}

const HEADER_KEYS = [
  "scheduleHeaderId", "scheduleHeaderPhase", "scheduleHeaderTask", "scheduleHeaderOwner", "scheduleHeaderStart",
  "scheduleHeaderDuration", "scheduleHeaderEnd", "scheduleHeaderDependsOn", "scheduleHeaderStatus",
  "scheduleHeaderPercent", "scheduleHeaderMilestone",
] as const;

/**
 * The header row: the fixed columns' names, then one formula per Gantt
 * period: the Monday of the earliest start, then the previous period + 7
 * (weeks) or + 1 (days).
 */
function headerCells(frame: ScheduleFrame): CellSpec[] {
  const { gantt, firstGanttColumn } = frame;
  const cells: CellSpec[] = HEADER_KEYS.map((key) => ({ value: tIn(frame.locale, key), style: "header" }));
  const starts = rangeA1(frame.firstTaskRow, COL.start, frame.lastTaskRow, COL.start, true); // $E$5:$E$33
  const numberFormat = gantt.mode === "week" ? "mm-dd" : "dd";
  for (let p = 0; p < gantt.periods; p++) {
    const formula =
      p === 0
        ? `=MIN(${starts})-WEEKDAY(MIN(${starts}),3)`
        : `=${a1(SCHEDULE_LAYOUT.headerRow, firstGanttColumn + p - 1)}+${gantt.mode === "week" ? 7 : 1}`;
    cells.push({ formula, numberFormat, style: "header" });
  }
  return cells;
}

/** One row per task: the plan's values as inputs, Start (when it has predecessors) and End as WORKDAY formulas. */
function taskRows(plan: Plan, frame: ScheduleFrame): (CellSpec | null)[][] {
  const { locale, holidays } = frame;
  const names = personNames(plan);
  const rowOf = new Map(plan.schedule.tasks.map((t, i) => [t.id, frame.firstTaskRow + i]));
  const milestoneMark = tIn(locale, "scheduleMilestoneMark");
  return plan.schedule.tasks.map((task, i) => {
    const row = frame.firstTaskRow + i;
    const predecessorEnds = task.dependsOn.map((d) => a1(rowOf.get(d)!, COL.end));
    return [
      { value: task.id },
      { value: task.phase },
      { value: task.name },
      { value: names.get(task.ownerId)! },
      startCell(task, plan.schedule.startDate, predecessorEnds, holidays),
      { value: task.durationDays, numberFormat: "0", style: "input" },
      { formula: `=WORKDAY(${a1(row, COL.start)},${a1(row, COL.duration)}-1,${holidays})`, numberFormat: DATE_FORMAT, style: "computed" },
      task.dependsOn.length > 0 ? { value: task.dependsOn.join(", ") } : null,
      { value: taskStatusLabel(locale, task.status ?? "notStarted"), style: "input" },
      { value: task.percentComplete ?? 0, numberFormat: "0%", style: "input" },
      task.milestone ? { value: milestoneMark } : null,
    ];
  });
}

/** A task's Start: its date (input) without predecessors, else the working day after the latest predecessor's End. */
function startCell(task: PlanTask, planStart: string, predecessorEnds: string[], holidays: string): CellSpec {
  if (predecessorEnds.length === 0) {
    return { value: parseIsoSerial(task.start ?? planStart), numberFormat: DATE_FORMAT, style: "input" };
  }
  const latest = predecessorEnds.length === 1 ? predecessorEnds[0] : `MAX(${predecessorEnds.join(",")})`;
  return { formula: `=WORKDAY(${latest},1,${holidays})`, numberFormat: DATE_FORMAT, style: "computed" };
}

/**
 * References of the Gantt rules, written for their top-left cell (L5) as
 * conditional formats are: the period's column moves, the task's row moves.
 */
function ganttReferences(frame: ScheduleFrame) {
  const taskRow = frame.firstTaskRow + 1; // 1-based
  const taskField = (column: number) => `$${columnLetters(column)}${taskRow}`; // $E5
  /** L$4: the first day of this column's period (the header formula). */
  const periodStart = `${columnLetters(frame.firstGanttColumn)}$${SCHEDULE_LAYOUT.headerRow + 1}`;
  const taskStart = taskField(COL.start);
  const taskEnd = taskField(COL.end);
  const taskPercent = taskField(COL.percent);
  const week = frame.gantt.mode === "week";
  /** The last day of the period. */
  const periodEnd = week ? `${periodStart}+6` : periodStart;
  return {
    periodStart,
    periodEnd,
    taskStart,
    taskPercent,
    taskMilestone: taskField(COL.milestone),
    taskStatus: taskField(COL.status),
    taskEnd,
    /** The AND() arguments: the period and the task's Start..End share a day. */
    periodOverlapsTask: `${periodStart}<=${taskEnd},${periodEnd}>=${taskStart}`,
    /** Exclusive end of the done part: Start + % complete of the task's calendar span. */
    doneUntil: `${taskStart}+(${taskEnd}-${taskStart}+1)*${taskPercent}`,
    periodHasToday: week ? `AND(TODAY()>=${periodStart},TODAY()<=${periodStart}+6)` : `${periodStart}=TODAY()`,
  };
}

/**
 * The Gantt's conditional formats, first match wins: today's header cell,
 * the done part of a bar, a milestone's bar, the bar, today's column; with a
 * daily Gantt, weekends and holidays greyed (header and bars).
 */
function ganttRules(frame: ScheduleFrame): ConditionalFormatSpec[] {
  const ref = ganttReferences(frame);
  const { firstTaskRow, lastTaskRow, firstGanttColumn, lastGanttColumn } = frame;
  const headerRow = SCHEDULE_LAYOUT.headerRow;
  const bars = rangeA1(firstTaskRow, firstGanttColumn, lastTaskRow, lastGanttColumn);
  const periodHeaders = rangeA1(headerRow, firstGanttColumn, headerRow, lastGanttColumn);
  const rules: ConditionalFormatSpec[] = [
    { kind: "expression", range: periodHeaders, formula: `=${ref.periodHasToday}`, format: { fill: PALETTE.ganttToday, fontColor: PALETTE.white, bold: true }, stopIfTrue: true },
    { kind: "expression", range: bars, formula: `=AND(${ref.taskPercent}>0,${ref.periodStart}<${ref.doneUntil},${ref.periodEnd}>=${ref.taskStart})`, format: { fill: PALETTE.ganttBarDone }, stopIfTrue: true },
    { kind: "expression", range: bars, formula: `=AND(${ref.taskMilestone}<>"",${ref.periodOverlapsTask})`, format: { fill: PALETTE.ganttMilestone }, stopIfTrue: true },
    { kind: "expression", range: bars, formula: `=AND(${ref.periodOverlapsTask})`, format: { fill: PALETTE.ganttBar }, stopIfTrue: true },
    { kind: "expression", range: bars, formula: `=${ref.periodHasToday}`, format: { fill: PALETTE.ganttTodayFill }, stopIfTrue: true },
  ];
  if (frame.gantt.mode === "day")
    rules.push({
      kind: "expression",
      range: `${a1(headerRow, firstGanttColumn)}:${a1(lastTaskRow, lastGanttColumn)}`,
      formula: `=OR(WEEKDAY(${ref.periodStart},2)>5,COUNTIF(${frame.holidays},${ref.periodStart})>0)`,
      format: { fill: PALETTE.greyLight },
    });
  return rules;
}

/** Status rules: a blocked task's status in red, an overdue End (not done) in red, a done row greyed. */
function statusRules(frame: ScheduleFrame): ConditionalFormatSpec[] {
  const { taskStatus, taskEnd } = ganttReferences(frame);
  const done = excelString(taskStatusLabel(frame.locale, "done"));
  return [
    {
      kind: "expression",
      range: taskColumn(frame, COL.status),
      formula: `=${taskStatus}=${excelString(taskStatusLabel(frame.locale, "blocked"))}`,
      format: { fill: PALETTE.badFill, fontColor: PALETTE.bad, bold: true },
    },
    {
      kind: "expression",
      range: taskColumn(frame, COL.end),
      formula: `=AND(${taskEnd}<TODAY(),${taskStatus}<>${done})`,
      format: { fill: PALETTE.badFill, fontColor: PALETTE.bad },
    },
    {
      kind: "expression",
      range: rangeA1(frame.firstTaskRow, 0, frame.lastTaskRow, FIXED_COLUMNS - 1),
      formula: `=${taskStatus}=${done}`,
      format: { fontColor: PALETTE.mutedText },
    },
  ];
}

/** Lists for Status, Owner (when the names fit an inline list) and Milestone; bounds for Duration and % complete. */
function scheduleValidations(plan: Plan, frame: ScheduleFrame): DataValidationSpec[] {
  const { locale } = frame;
  const people = plan.team.people.map((p) => p.name);
  const owner: DataValidationSpec[] = inlineListFits(people)
    ? [{ kind: "list", range: taskColumn(frame, COL.owner), values: people, allowBlank: false, prompt: tIn(locale, "schedulePromptOwner") }]
    : [];
  return [
    { kind: "list", range: taskColumn(frame, COL.status), values: TASK_STATUSES.map((s) => taskStatusLabel(locale, s)), allowBlank: false, prompt: tIn(locale, "schedulePromptStatus") },
    ...owner,
    { kind: "decimal", range: taskColumn(frame, COL.duration), min: 1, allowBlank: false, prompt: tIn(locale, "schedulePromptDuration") },
    { kind: "decimal", range: taskColumn(frame, COL.percent), min: 0, max: 1, allowBlank: true, prompt: tIn(locale, "schedulePromptPercent") },
    { kind: "list", range: taskColumn(frame, COL.milestone), values: [tIn(locale, "scheduleMilestoneMark")], allowBlank: true, prompt: tIn(locale, "schedulePromptMilestone") },
  ];
}

/** The fixed columns' widths, then one narrow column per Gantt period. */
function scheduleColumns(frame: ScheduleFrame): { index: number; width: number }[] {
  const periodWidth = frame.gantt.mode === "week" ? 6 : 3.5;
  return [
    ...FIXED_WIDTHS.map((width, index) => ({ index, width })),
    ...Array.from({ length: frame.gantt.periods }, (_, p) => ({ index: frame.firstGanttColumn + p, width: periodWidth })),
  ];
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
  const { locale } = ctx;
  const holidays = holidaySerials(plan);
  const count = Math.max(HOLIDAY_ROWS, holidays.length + 20);
  const first = SETTINGS_FIRST_ROW;
  const last = first + count - 1;
  const dateTop = `$A${first + 1}`;
  const sheet: SheetSpec = {
    kind: "settings",
    name: ctx.sheetNames.settings,
    blocks: [{ anchor: "A1", rows: rectangular([...settingsHeadingRows(locale), ...holidayRows(holidays, count)]) }],
    columns: [{ index: 0, width: 14 }, { index: 1, width: 14 }],
    freeze: { rows: SETTINGS_HEADER_ROW + 1, columns: 0 },
    validations: [{ kind: "date", range: rangeA1(first, 0, last, 0), allowBlank: true, prompt: tIn(locale, "scheduleSettingsPromptHoliday") }],
    conditionalFormats: [
      // A holiday on a weekend changes nothing: grey it so the user sees it.
      { kind: "expression", range: rangeA1(first, 0, last, 1), formula: `=AND(${dateTop}<>"",WEEKDAY(${dateTop},2)>5)`, format: { fontColor: PALETTE.mutedText }, priority: 1 },
    ],
    print: { orientation: "portrait", fitToWidth: true, repeatRows: `${SETTINGS_HEADER_ROW + 1}:${SETTINGS_HEADER_ROW + 1}` },
    tabColor: TAB_COLORS.settings,
  };
  return { sheet, names: [{ name: holidaysName(ctx), refersTo: sheetRef(ctx.sheetNames.settings, rangeA1(first, 0, last, 0, true)) }] };
}

/** The plan's holidays as serial dates: whole days, valid ones only, sorted, each once. */
function holidaySerials(plan: Plan): number[] {
  return [...new Set(plan.schedule.holidays.map((h) => Math.trunc(parseIsoSerial(h))).filter(Number.isFinite))].sort((a, b) => a - b);
}

/** Title, note, a blank row and the header (rows 1–4). */
function settingsHeadingRows(locale: Locale): (CellSpec | null)[][] {
  return [
    [{ value: tIn(locale, "scheduleSettingsTitle"), style: "title", mergeAcross: 2 }],
    [{ value: tIn(locale, "scheduleSettingsNote"), style: "note" }], // not merged: the long note overflows to the right
    [],
    [{ value: tIn(locale, "scheduleSettingsHoliday"), style: "header" }, { value: tIn(locale, "scheduleSettingsWeekday"), style: "header" }],
  ];
}

/** `count` rows from row 5: the holidays, then blank date inputs; column B shows each date's weekday. */
function holidayRows(holidays: readonly number[], count: number): (CellSpec | null)[][] {
  return Array.from({ length: count }, (_, i) => {
    const date = holidays[i];
    const row = SETTINGS_FIRST_ROW + i;
    return [
      date === undefined ? { numberFormat: DATE_FORMAT, style: "input" } : { value: date, numberFormat: DATE_FORMAT, style: "input" },
      { formula: `=IF(${a1(row, 0)}="","",${a1(row, 0)})`, numberFormat: "dddd", style: "computed" },
    ];
  });
}
