import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import { isoOfSerial } from "../../../core/dates";
import { scheduleDates, type TaskDates } from "../../../core/plan/scheduleDates";
import { MAX_DURATION_DAYS, type PlanTask } from "../../../core/plan/types";
import { editPlan, fieldMessage, loopingChoices, withTaskTitles, freshId, moveItem, removeTask, restoreTask, type TaskRemoval } from "../../planEditing";
import type { TaskListProps, TaskRowHandlers } from "./TaskList.types";
import { TaskFactsStore, type TaskTitle } from "./taskFacts";

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

/** Each task's dates as shown: "2026-03-02 → 03-06" (the end without its year when it is the same). */
function dateTexts(plan: TaskListProps["plan"]): Map<string, string> {
  const dates = safeDates(plan);
  const out = new Map<string, string>();
  for (const task of plan.schedule.tasks) {
    const d = dates.get(task.id);
    // No dates for a duration that is not a day count yet (0 would show an end before the start).
    const days = task.durationDays;
    if (!d || days === undefined || !Number.isInteger(days) || days < 1 || days > MAX_DURATION_DAYS) continue;
    const start = isoOfSerial(d.start);
    const end = isoOfSerial(d.end);
    out.set(task.id, start === end ? start : `${start} → ${end.slice(0, 4) === start.slice(0, 4) ? end.slice(5) : end}`);
  }
  return out;
}

/** `value` itself while its content is unchanged (plans are edited as deep copies). */
function useSameContent<T>(value: T): T {
  const last = useRef<{ value: T; json: string } | null>(null);
  const json = JSON.stringify(value);
  if (last.current?.json !== json) last.current = { value, json };
  return last.current.value;
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
  // The dates are computed from a deferred copy of the plan: a keystroke is painted first,
  // the dates of the later tasks follow in a render React may interrupt for the next key.
  const deferredPlan = useDeferredValue(plan);
  const dates = useMemo(() => dateTexts(deferredPlan), [deferredPlan]);
  const people = useSameContent(plan.team.people);

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

  // Number and name of every task (recomputed when a name or the order changes), and the
  // choices that would close a loop (when a dependency changes), for the After buttons and lists.
  const titleKey = tasks.map((t) => `${t.id}\u0001${t.name}`).join("\u0002");
  const titles = useMemo((): { titles: TaskTitle[]; titleOf: Map<string, string> } => {
    const list = tasksRef.current.map((t, i) => ({ id: t.id, title: `${i + 1}. ${t.name || t.id}` }));
    return { titles: list, titleOf: new Map(list.map((c) => [c.id, c.title])) };
  }, [titleKey]);
  const dependencyKey = tasks.map((t) => `${t.id}\u0001${t.dependsOn.join("\u0001")}`).join("\u0002");
  const looping = useMemo(() => loopingChoices(tasksRef.current), [dependencyKey]);

  // The rows read these facts from a store, so a row re-renders only when its own task changes.
  const [facts] = useState(() => new TaskFactsStore({ ...titles, looping, dates }));
  useLayoutEffect(() => facts.set({ ...titles, looping, dates }), [facts, titles, looping, dates]);

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
    people,
    listMessage: fieldMessage(problems, "schedule.tasks") && tasks.length === 0 ? fieldMessage(problems, "schedule.tasks") : undefined,
    focusTask,
    addTask,
    handlers,
    facts,
    messagesOf,
  };
}
