/**
 * The schedule's dates computed in TypeScript exactly as the Schedule sheet's
 * native formulas compute them in Excel or LibreOffice:
 *   start (no predecessors) = the task's fixed start, else the schedule start (a constant)
 *   start (predecessors)    = WORKDAY(MAX(ends of predecessors), 1, Holidays)
 *   end                     = WORKDAY(start, duration - 1, Holidays)
 * Used for the Gantt's extent, the launch date, and by the recalculation test
 * that compares LibreOffice's results with these values.
 */
import type { Plan } from "./types";
import { isoOfSerial, parseIsoSerial } from "../dates";
import { workday } from "../workday";
import { topologicalOrder } from "./graph";

export interface TaskDates {
  /** Excel serials (whole days). */
  start: number;
  end: number;
}

/** Serials of the plan's holidays (unparseable entries skipped). */
export function holidaySerials(plan: Pick<Plan, "schedule">): number[] {
  return plan.schedule.holidays.map((h) => Math.trunc(parseIsoSerial(h))).filter((s) => Number.isFinite(s));
}

/** Start and end serial of every task, keyed by task id (in task order). Validate the plan first: throws on cycles or bad dates. */
export function scheduleDates(plan: Pick<Plan, "schedule">): Map<string, TaskDates> {
  const holidays = new Set(holidaySerials(plan));
  const tasks = new Map(plan.schedule.tasks.map((t) => [t.id, t]));
  const defaultStart = parseIsoSerial(plan.schedule.startDate);
  const computed = new Map<string, TaskDates>();
  const order = topologicalOrder([...tasks.keys()], (id) => tasks.get(id)?.dependsOn ?? []);
  for (const id of order) {
    const task = tasks.get(id)!;
    const preds = task.dependsOn.filter((d) => computed.has(d));
    let start: number;
    if (preds.length === 0) {
      start = Math.trunc(parseIsoSerial(task.start ?? plan.schedule.startDate) || defaultStart);
      if (!Number.isFinite(start)) throw new Error(`Task ${id}: no valid start date`);
    } else {
      start = workday(Math.max(...preds.map((d) => computed.get(d)!.end)), 1, holidays);
    }
    computed.set(id, { start, end: workday(start, task.durationDays - 1, holidays) });
  }
  // Return in the schedule's task order.
  return new Map(plan.schedule.tasks.map((t) => [t.id, computed.get(t.id)!]));
}

/** First start and last end of the whole schedule (serials). */
export function scheduleSpan(dates: Map<string, TaskDates>): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const { start, end } of dates.values()) {
    first = Math.min(first, start);
    last = Math.max(last, end);
  }
  return { first, last };
}

/**
 * The schedule's last end (ISO) when it falls after the goal's date, else
 * null (also while the schedule cannot be computed): the plan then misses its
 * own deadline, which the pane shows as a warning (it does not block).
 */
export function endAfterGoal(plan: Pick<Plan, "schedule" | "goal">): { end: string; by: string } | null {
  try {
    const by = parseIsoSerial(plan.goal.target.by);
    if (!Number.isFinite(by) || plan.schedule.tasks.length === 0) return null;
    const { last } = scheduleSpan(scheduleDates(plan));
    return Number.isFinite(last) && last > by ? { end: isoOfSerial(last), by: plan.goal.target.by } : null;
  } catch {
    return null;
  }
}
