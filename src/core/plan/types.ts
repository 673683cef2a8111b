/**
 * The plan model: what the task-pane wizard fills in and saves inside the
 * workbook, and what the generators turn into sheets. Plain JSON (dates are
 * ISO text YYYY-MM-DD) so it survives a round trip through a custom XML part.
 * Mirrors the six steps of an operation activity (shared/domain.md).
 */
import type { Locale } from "../i18n/start";

/**
 * Format of the saved plan. 2: schedule.launchTaskId (the launch date is the
 * launch task's start); plans saved as 1 are migrated by parsePlan.
 */
export const PLAN_VERSION = 2;

/**
 * Longest task, in working days: about one working year. Longer is a typo
 * (500 days ends years after the goal; 21234567 days would be the year 83421).
 */
export const MAX_DURATION_DAYS = 260;

export type GoalType = "users" | "revenue" | "activity";

/** The 5W2H frame of the operation plan. */
export interface FiveW2H {
  what: string;
  why: string;
  who: string;
  when: string;
  where: string;
  how: string;
  howMuch: string;
}

export interface Goal {
  type: GoalType;
  /** A quantified target: e.g. 2000 "registrations" by 2026-06-30. */
  target: { value: number; unit: string; by: string };
  fiveW2H: FiveW2H;
}

export interface Person {
  id: string;
  name: string;
  /** Free text role, e.g. "Product manager", "Key-account sales". */
  role: string;
}

export interface Team {
  people: Person[];
  channels: string[];
  budget?: number;
  currency?: string;
}

export type TaskStatus = "notStarted" | "inProgress" | "blocked" | "done";

export interface PlanTask {
  id: string;
  phase: string;
  name: string;
  /** Person id of the accountable owner (the A of RACI). */
  ownerId: string;
  /** Working days, ≥ 1. */
  durationDays: number;
  /** Ids of predecessor tasks: the task starts the workday after the latest of them ends. */
  dependsOn: string[];
  milestone: boolean;
  /** Fixed start (ISO) for a task without predecessors; defaults to the schedule's start date. */
  start?: string;
  status?: TaskStatus;
  /** 0..1 */
  percentComplete?: number;
}

export interface Schedule {
  templateId: string;
  /** First working day of the plan (ISO). */
  startDate: string;
  /** The task whose start is the launch / go-live date (format 2). */
  launchTaskId?: string;
  /**
   * The launch date (ISO): always the launch task's computed start, kept in
   * step by syncLaunchDate (src/core/plan/launch.ts); absent without a launch task.
   */
  launchDate?: string;
  /**
   * True when the user typed the launch date (it then anchors the plan: another
   * template keeps it and moves the start); false or absent when the start does.
   */
  launchPinned?: boolean;
  /** Non-working days (ISO), written to the Settings sheet and fed to WORKDAY. */
  holidays: string[];
  tasks: PlanTask[];
}

export type RaciLetter = "R" | "A" | "C" | "I";

export type IndicatorKind =
  | "registrations"
  | "nextDayRetention"
  | "cycleRetention"
  | "channelRetention"
  | "activityRate"
  | "paymentRate"
  | "arpu"
  | "arppu"
  | "funnelStep"
  | "custom";

export type IndicatorUnit = "percent" | "count" | "currency" | "days";

export interface Indicator {
  id: string;
  kind: IndicatorKind;
  name: string;
  definition: string;
  unit: IndicatorUnit;
  target: number;
  /** "higher" (default) when more is better, "lower" otherwise (e.g. churn). */
  direction?: "higher" | "lower";
  /** A live formula for the Actual cell, e.g. =OPS.PAYRATE(Paid!A2:A500,Users!A2:A9000). */
  actualFormula?: string;
  /** Or a plain number. */
  actual?: number;
  /** Next review date (ISO). */
  reviewDate?: string;
}

export type ContingencyStatus = "watching" | "triggered" | "resolved";

export interface Contingency {
  id: string;
  risk: string;
  /** The decision condition, e.g. "D+3 registrations < 60 % of target". */
  trigger: string;
  response: string;
  ownerId: string;
  resources: string;
  status: ContingencyStatus;
}

export interface Plan {
  version: typeof PLAN_VERSION;
  locale: Locale;
  title: string;
  goal: Goal;
  team: Team;
  schedule: Schedule;
  /** RACI per task id and person id; the task owner is always A. */
  raci: Record<string, Record<string, RaciLetter>>;
  indicators: Indicator[];
  contingencies: Contingency[];
}

/** A problem in a plan, with the path of the field it concerns (e.g. "schedule.tasks[3].dependsOn"). */
export interface PlanProblem {
  path: string;
  message: string;
}
