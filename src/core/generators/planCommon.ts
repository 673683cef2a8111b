/**
 * Small helpers shared by the plan sheets (schedule, settings, roles,
 * contingency): formula text, table names, localized status lists, and the
 * Schedule sheet's layout (which other sheets and tests read).
 */
import type { Plan, TaskStatus, ContingencyStatus } from "../plan/types";
import type { CellSpec, ConditionalFormatSpec } from "../tablespec/types";
import type { Locale, MessageKey } from "../i18n";
import { tIn } from "../i18n";
import { assertValidPlan } from "../plan/validate";

/** Excel's date format used on the plan sheets. */
export const DATE_FORMAT = "yyyy-mm-dd";

/** The workbook-level name of the holiday range (Settings sheet) that feeds WORKDAY. */
export const HOLIDAYS_NAME = "Holidays";

/** A text as an Excel string literal: "a ""quoted"" word". */
export function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A table (ListObject) name for a sheet: base name plus the number of a
 * de-duplicated sheet name ("Schedule (2)" → OpsSchedule2), so tables stay
 * unique when a second copy of the sheet is written. ASCII only.
 */
export function tableNameFor(base: string, sheetName: string): string {
  const m = /\((\d+)\)\s*$/.exec(sheetName);
  return m ? `${base}${m[1]}` : base;
}

export const TASK_STATUSES: readonly TaskStatus[] = ["notStarted", "inProgress", "blocked", "done"];
const TASK_STATUS_KEYS: Record<TaskStatus, MessageKey> = {
  notStarted: "scheduleStatusNotStarted",
  inProgress: "scheduleStatusInProgress",
  blocked: "scheduleStatusBlocked",
  done: "scheduleStatusDone",
};
export function taskStatusLabel(locale: Locale, status: TaskStatus): string {
  return tIn(locale, TASK_STATUS_KEYS[status]);
}

export const CONTINGENCY_STATUSES: readonly ContingencyStatus[] = ["watching", "triggered", "resolved"];
const CONTINGENCY_STATUS_KEYS: Record<ContingencyStatus, MessageKey> = {
  watching: "contingencyStatusWatching",
  triggered: "contingencyStatusTriggered",
  resolved: "contingencyStatusResolved",
};
export function contingencyStatusLabel(locale: Locale, status: ContingencyStatus): string {
  return tIn(locale, CONTINGENCY_STATUS_KEYS[status]);
}

/** Person id → display name. */
export function personNames(plan: Plan): Map<string, string> {
  return new Map(plan.team.people.map((p) => [p.id, p.name]));
}

/** Pads rows with nulls to the longest row, so a block is a rectangle (adapters write whole 2-D ranges). */
export function rectangular(rows: (CellSpec | null)[][]): (CellSpec | null)[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length === width ? r : [...r, ...Array<null>(width - r.length).fill(null)]));
}

/** The rules with priority 1, 2, … in list order (earlier rules win). */
export function inPriorityOrder(rules: readonly ConditionalFormatSpec[]): ConditionalFormatSpec[] {
  return rules.map((rule, i) => ({ ...rule, priority: i + 1 }));
}

/** Excel limits an inline validation list to 255 characters (items joined with commas), and items may not contain commas. */
export function inlineListFits(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => v !== "" && !v.includes(",")) && values.join(",").length <= 255;
}

/** Validates before generating: throws PlanValidationError (every problem with its path) so nothing is written. */
export function checkedPlan(plan: Plan, locale: Locale): Plan {
  return assertValidPlan(plan, locale);
}

/**
 * Layout of the Schedule sheet (0-based rows and columns), shared with the
 * roles sheet (which looks tasks up by ID) and the recalculation test.
 */
export const SCHEDULE_LAYOUT = {
  titleRow: 0,
  subtitleRow: 1,
  legendRow: 2,
  headerRow: 3,
  /** Row of the first task (A5). Task i is on row firstTaskRow + i. */
  firstTaskRow: 4,
  columns: {
    id: 0,
    phase: 1,
    task: 2,
    owner: 3,
    start: 4,
    duration: 5,
    end: 6,
    dependsOn: 7,
    status: 8,
    percent: 9,
    milestone: 10,
  },
  /** First Gantt column (L). */
  firstGanttColumn: 11,
} as const;

/** Plans spanning at most this many calendar days (6 weeks) get one Gantt column per day. */
export const DAILY_GANTT_MAX_DAYS = 42;
