import { useCallback, useMemo, useRef, useState } from "react";
import { isoOfSerial } from "../../../core/dates";
import { scheduleDates, type TaskDates } from "../../../core/plan/scheduleDates";
import { MAX_DURATION_DAYS, type PlanTask } from "../../../core/plan/types";
import { editPlan, fieldMessage, loopingChoices, withTaskTitles, freshId, moveItem, removeTask, restoreTask, type TaskRemoval } from "../../planEditing";
import type { TaskListProps, TaskRowHandlers } from "./TaskList.types";

/** focusTask value that puts focus on the Undo button of a removed task. */
export const UNDO_FOCUS = "\u0000undo";

/** Computed dates of every task, or none while the schedule cannot be computed (cycle, bad date). */
function safeDates(plan: TaskListProps["plan"]): Map<string, TaskDates> {
  try {
    return scheduleDates(plan);
  } catch {
    return new Map();
  }
}

export function useTaskList({ plan, update, problems }: TaskListProps) {
  const [focusTask, setFocusTask] = useState<string | null>(null);
  /** The last removed task, offered for undo where it was. */
  const [removed, setRemoved] = useState<TaskRemoval | null>(null);
  const tasks = plan.schedule.tasks;
  const tasksRef = useRef(tasks);
  tasksRef.current = tasks;
  const planRef = useRef(plan);
  planRef.current = plan;
  const dates = useMemo(() => safeDates(plan), [plan]);

  const edit = useCallback(
    (id: string, change: (task: PlanTask) => void) =>
      update((d) => {
        const task = d.schedule.tasks.find((t) => t.id === id);
        if (task) change(task);
      }),
    [update],
  );

  const addTask = () => {
    const id = freshId("T", tasks.map((t) => t.id));
    const last = tasks[tasks.length - 1];
    update((d) =>
      void d.schedule.tasks.push({
        id,
        phase: last?.phase ?? "",
        name: "",
        ownerId: last?.ownerId ?? d.team.people[0]?.id ?? "",
        durationDays: 1,
        dependsOn: last ? [last.id] : [],
        milestone: false,
        status: "notStarted",
        percentComplete: 0,
      }),
    );
    setFocusTask(id);
  };

  // Stable handlers, so a row re-renders only when its own data changes.
  const handlers = useMemo<TaskRowHandlers>(
    () => ({
      /** Removes a task; its dependents inherit its predecessors, and the removal can be undone in place. */
      remove: (id) => {
        let removal: TaskRemoval | null = null;
        editPlan(planRef.current, (d) => void (removal = removeTask(d, id)));
        if (!removal) return;
        update((d) => void removeTask(d, id));
        setRemoved(removal);
        // Keep keyboard users in the list: focus moves to the Undo button that replaces the row.
        setFocusTask(UNDO_FOCUS);
      },
      move: (id, delta) =>
        update((d) => {
          const i = d.schedule.tasks.findIndex((t) => t.id === id);
          moveItem(d.schedule.tasks, i, delta);
        }),
      /** A new owner is the task's A in RACI; a previous A becomes R. */
      setOwner: (id, ownerId) =>
        update((d) => {
          const task = d.schedule.tasks.find((t) => t.id === id);
          if (!task) return;
          task.ownerId = ownerId;
          const row = (d.raci[id] ??= {});
          for (const [person, letter] of Object.entries(row)) if (letter === "A") row[person] = "R";
          if (ownerId !== "") row[ownerId] = "A";
        }),
      setName: (id, name) => edit(id, (t) => void (t.name = name)),
      setPhase: (id, phase) => edit(id, (t) => void (t.phase = phase)),
      setDuration: (id, days) => edit(id, (t) => void (t.durationDays = days ?? NaN)),
      setDependsOn: (id, deps) => edit(id, (t) => void (t.dependsOn = deps)),
      setMilestone: (id, milestone) => edit(id, (t) => void (t.milestone = milestone)),
    }),
    [update, edit],
  );

  /** Number and name of every task, for the dependency lists. */
  const titles = useMemo(
    () => ({ titles: tasks.map((t, i) => ({ id: t.id, title: `${i + 1}. ${t.name || t.id}` })), looping: loopingChoices(tasks) }),
    [tasks],
  );

  const dateText = (id: string): string | undefined => {
    const d = dates.get(id);
    // No dates for a duration that is not a day count yet (0 would show an end before the start).
    const days = tasks.find((t) => t.id === id)?.durationDays;
    if (!d || days === undefined || !Number.isInteger(days) || days < 1 || days > MAX_DURATION_DAYS) return undefined;
    const start = isoOfSerial(d.start);
    const end = isoOfSerial(d.end);
    // Same year: the end without it (2026-03-02 → 03-06).
    return start === end ? start : `${start} → ${end.slice(0, 4) === start.slice(0, 4) ? end.slice(5) : end}`;
  };

  const messagesOf = (i: number) => {
    const p = `schedule.tasks[${i}]`;
    return {
      name: fieldMessage(problems, `${p}.name`),
      ownerId: fieldMessage(problems, `${p}.ownerId`),
      durationDays: fieldMessage(problems, `${p}.durationDays`),
      dependsOn: ((m) => (m === undefined ? m : withTaskTitles(m, tasks)))(fieldMessage(problems, `${p}.dependsOn`)),
      phase: fieldMessage(problems, `${p}.phase`),
    };
  };

  const undoRemove = () => {
    if (!removed) return;
    const removal = removed;
    update((d) => restoreTask(d, removal));
    setRemoved(null);
    setFocusTask(removal.task.id);
  };

  return {
    tasks,
    removed,
    undoRemove,
    dismissRemoved: () => setRemoved(null),
    people: plan.team.people,
    listMessage: fieldMessage(problems, "schedule.tasks") && tasks.length === 0 ? fieldMessage(problems, "schedule.tasks") : undefined,
    focusTask,
    addTask,
    handlers,
    titles,
    dateText,
    messagesOf,
  };
}
