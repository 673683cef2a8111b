/**
 * Small pure helpers shared by the wizard steps: which step owns a field,
 * the problems of one field, ids for new rows, and immutable updates.
 */
import { syncLaunchDate } from "../core/plan/launch";
import type { Plan, PlanProblem } from "../core/plan/types";

export const STEPS = ["goal", "team", "schedule", "indicators", "contingency", "review"] as const;
export type StepId = (typeof STEPS)[number];

/** Top-level plan fields edited on each step. */
const STEP_ROOTS: Record<Exclude<StepId, "review">, readonly string[]> = {
  goal: ["title", "goal", "locale", "version"],
  team: ["team"],
  schedule: ["schedule", "raci"],
  indicators: ["indicators"],
  contingency: ["contingencies"],
};

function rootOf(path: string): string {
  const m = /^[^.[]*/.exec(path);
  return m ? m[0] : path;
}

/** The step where the field at `path` is edited ("review" for whole-plan problems). */
export function stepOfPath(path: string): StepId {
  const root = rootOf(path);
  for (const step of Object.keys(STEP_ROOTS) as (keyof typeof STEP_ROOTS)[]) {
    if (STEP_ROOTS[step].includes(root)) return step;
  }
  return "review";
}

export function problemsOfStep(problems: readonly PlanProblem[], step: StepId): PlanProblem[] {
  return problems.filter((p) => stepOfPath(p.path) === step);
}

/** True when `path` is `field` or lies inside it (`field.x`, `field[3]`). */
export function isWithin(path: string, field: string): boolean {
  return path === field || path.startsWith(field + ".") || path.startsWith(field + "[");
}

/** The message(s) for one field, joined; undefined when it has none. */
export function fieldMessage(problems: readonly PlanProblem[], field: string): string | undefined {
  const own = problems.filter((p) => isWithin(p.path, field));
  if (own.length === 0) return undefined;
  return [...new Set(own.map((p) => p.message))].join(" ");
}

/** A fresh id with a prefix that none of `taken` uses. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = used.size + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * A deep copy of plain JSON data that keeps NaN (a number box holding text
 * or left blank stores NaN until it is fixed; JSON would turn it into null).
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = cloneJson(v);
    return out as T;
  }
  return value;
}

/**
 * Returns an edited copy of the plan: `edit` mutates a deep copy (plans are
 * plain JSON). The launch date then follows the launch task, whatever moved it.
 */
export function editPlan(plan: Plan, edit: (draft: Plan) => void): Plan {
  const draft = cloneJson(plan);
  edit(draft);
  syncLaunchDate(draft);
  return draft;
}

export type PlanUpdate = (edit: (draft: Plan) => void) => void;

/** Moves item i of a list by delta (−1 up, +1 down); returns false when it cannot move. */
export function moveItem<T>(list: T[], i: number, delta: number): boolean {
  const j = i + delta;
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return false;
  const [item] = list.splice(i, 1);
  list.splice(j, 0, item!);
  return true;
}

/** Shows a number without floating-point noise (0.07 × 100 → 7). */
export function showNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  return String(Number(n.toPrecision(12)));
}

/** What removing one task changed, so that it can be undone exactly. */
export interface TaskRemoval {
  task: Plan["schedule"]["tasks"][number];
  /** Its position in the task list. */
  index: number;
  /** Its RACI row, when it had one. */
  raci?: Plan["raci"][string];
  /** The previous predecessors of every task that depended on it, by task id. */
  dependents: Record<string, string[]>;
  /** True when it was the plan's launch task. */
  launch?: boolean;
}

/**
 * Removes a task without breaking the chain: every task that depended on it
 * depends on its predecessors instead (so it keeps its place in the WORKDAY
 * chain rather than falling back to the plan's first day). Mutates `draft`;
 * returns what `restoreTask` needs to undo it, or null for an unknown id.
 */
export function removeTask(draft: Plan, id: string): TaskRemoval | null {
  const tasks = draft.schedule.tasks;
  const index = tasks.findIndex((t) => t.id === id);
  if (index < 0) return null;
  const task = tasks[index]!;
  const removal: TaskRemoval = { task: cloneJson(task), index, dependents: {} };
  if (draft.raci[id]) removal.raci = { ...draft.raci[id] };
  tasks.splice(index, 1);
  for (const t of tasks) {
    if (!t.dependsOn.includes(id)) continue;
    removal.dependents[t.id] = [...t.dependsOn];
    const inherited = t.dependsOn.flatMap((dep) => (dep === id ? task.dependsOn : [dep]));
    t.dependsOn = [...new Set(inherited)].filter((dep) => dep !== t.id);
  }
  delete draft.raci[id];
  if (draft.schedule.launchTaskId === id) {
    removal.launch = true;
    delete draft.schedule.launchTaskId;
  }
  return removal;
}

/** Puts a removed task back where it was, with its RACI row and its dependents' previous predecessors. */
export function restoreTask(draft: Plan, removal: TaskRemoval): void {
  const tasks = draft.schedule.tasks;
  if (tasks.some((t) => t.id === removal.task.id)) return;
  tasks.splice(Math.min(removal.index, tasks.length), 0, cloneJson(removal.task));
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) {
    const before = removal.dependents[t.id];
    if (before) t.dependsOn = before.filter((dep) => ids.has(dep));
  }
  if (removal.raci) draft.raci[removal.task.id] = { ...removal.raci };
  if (removal.launch) draft.schedule.launchTaskId = removal.task.id;
}

/**
 * For each task, the tasks that wait for it directly or through others:
 * choosing any of them (or itself) as its predecessor would close a loop.
 */
export function loopingChoices(tasks: readonly Pick<Plan["schedule"]["tasks"][number], "id" | "dependsOn">[]): Map<string, Set<string>> {
  const waitsFor = new Map<string, string[]>(); // id → tasks that depend on it directly
  for (const t of tasks) for (const dep of t.dependsOn) (waitsFor.get(dep) ?? waitsFor.set(dep, []).get(dep)!).push(t.id);
  const out = new Map<string, Set<string>>();
  for (const t of tasks) {
    const seen = new Set<string>([t.id]);
    const stack = [t.id];
    while (stack.length > 0) {
      for (const next of waitsFor.get(stack.pop()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    out.set(t.id, seen);
  }
  return out;
}

/**
 * A validation message in the pane's words: task ids (which the pane never
 * shows) become the task's number and name, e.g. "L01 → L02" → "“1. Define
 * the goal” → “2. Quantify targets”".
 */
export function withTaskTitles(message: string, tasks: readonly Pick<Plan["schedule"]["tasks"][number], "id" | "name">[]): string {
  if (!message.includes("→")) return message;
  const label = new Map(tasks.map((t, i) => [t.id, `“${i + 1}. ${t.name || t.id}”`]));
  return message.replace(/[^\s:：（(→]+(?=\s*→)|(?<=→\s*)[^\s（(→]+/g, (id) => label.get(id) ?? id);
}
