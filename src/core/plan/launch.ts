/**
 * One launch date (issue 16, item 5): the plan names its launch task
 * (schedule.launchTaskId) and the launch date is that task's computed start,
 * so the field, the Schedule and the Summary always agree. schedule.launchDate
 * is kept in step with it (syncLaunchDate) for readers of the saved plan;
 * it is never edited on its own. Typing a launch date moves the whole
 * schedule (the plan's start) by the working days between the two dates, so
 * the WORKDAY chain is kept.
 */
import type { Plan } from "./types";
import { isoOfSerial, parseIsoSerial } from "../dates";
import { isWorkday, workday } from "../workday";
import { holidaySerials, scheduleDates } from "./scheduleDates";

/** Start serial of the launch task, or undefined (no launch task, or the schedule cannot be computed). */
export function launchStart(plan: Pick<Plan, "schedule">): number | undefined {
  const id = plan.schedule.launchTaskId;
  if (id === undefined || !plan.schedule.tasks.some((t) => t.id === id)) return undefined;
  try {
    const start = scheduleDates(plan).get(id)?.start;
    return start !== undefined && Number.isFinite(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Brings schedule.launchDate in line with the launch task (mutates): its
 * start when it can be computed; no launch date without a launch task. While
 * the schedule cannot be computed (a cycle being fixed) the last date stays.
 */
export function syncLaunchDate(plan: Pick<Plan, "schedule">): void {
  const s = plan.schedule;
  if (s.launchTaskId !== undefined && !s.tasks.some((t) => t.id === s.launchTaskId)) delete s.launchTaskId;
  if (s.launchTaskId === undefined) {
    delete s.launchDate;
    return;
  }
  const start = launchStart(plan);
  if (start !== undefined) s.launchDate = isoOfSerial(start);
}

/** Signed number of working days from `a` to `b` (both working days): workday(a, n) = b. */
function workdaysBetween(a: number, b: number, holidays: ReadonlySet<number>): number {
  let n = 0;
  const step = b >= a ? 1 : -1;
  for (let d = a; d !== b; d += step) if (isWorkday(d + step, holidays)) n += step;
  return n;
}

/**
 * Moves the schedule so that the launch task starts on `iso` (the next
 * working day when `iso` is not one): the plan's start and every fixed task
 * start shift by the same number of working days. Mutates; returns false
 * when there is no launch task or the date or schedule is unusable.
 */
export function moveLaunchTo(plan: Pick<Plan, "schedule">, iso: string): boolean {
  const current = launchStart(plan);
  let target = Math.trunc(parseIsoSerial(iso));
  if (current === undefined || !Number.isFinite(target)) return false;
  const holidays = new Set(holidaySerials(plan));
  while (!isWorkday(target, holidays)) target++;
  const shift = workdaysBetween(current, target, holidays);
  if (shift === 0) return true;
  const move = (day: string): string => {
    let d = Math.trunc(parseIsoSerial(day));
    if (!Number.isFinite(d)) return day;
    while (!isWorkday(d, holidays)) d++;
    return isoOfSerial(workday(d, shift, holidays));
  };
  plan.schedule.startDate = move(plan.schedule.startDate);
  for (const t of plan.schedule.tasks) if (t.start !== undefined) t.start = move(t.start);
  syncLaunchDate(plan);
  return true;
}
