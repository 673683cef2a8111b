/**
 * Small helpers shared by the plan sheets (schedule, settings, roles,
 * contingency): localized status lists, rule priorities, plan checks, and the
 * Schedule sheet's layout (which other sheets and tests read). Cell
 * constructors, formats, formula text and table names are in dataCells.ts.
 */
import type { Plan, TaskStatus, ContingencyStatus } from "../plan/types";
import type { ConditionalFormatSpec } from "../tablespec/types";
import type { Locale, MessageKey } from "../i18n";
import { tIn } from "../i18n";
import { assertValidPlan } from "../plan/validate";

/** The workbook-level name of the holiday range (Settings sheet) that feeds WORKDAY. */
export const HOLIDAYS_NAME = "Holidays";

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
