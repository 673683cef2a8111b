/**
 * What the rows of a long task list show about the other tasks: every task's
 * number and name (the After button's summary and its list), the choices
 * that would close a loop, and each task's computed dates.
 *
 * They change with edits of other rows (a name typed in task 60 changes the
 * After summary of task 61; a duration changes the dates of every later
 * task), so they are not row props: a row re-renders only when its own task
 * changes. The small parts that show a fact read it from this store with
 * useSyncExternalStore and a selector returning a string, so each re-renders
 * only when its own text changes (one summary, one date line), not all 120.
 */
import { createContext, useContext, useSyncExternalStore } from "react";

export interface TaskTitle {
  id: string;
  title: string;
}

export interface TaskFacts {
  /** Number and name of every task ("3. Brief the sales team"), in plan order. */
  titles: readonly TaskTitle[];
  /** The same titles by task id. */
  titleOf: ReadonlyMap<string, string>;
  /** Per task, the tasks that wait for it: choosing one as its predecessor would close a loop. */
  looping: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per task, its dates as shown ("2026-03-02 → 03-06"), when the schedule can be computed. */
  dates: ReadonlyMap<string, string>;
}

const EMPTY: TaskFacts = { titles: [], titleOf: new Map(), looping: new Map(), dates: new Map() };

/** A tiny external store: the latest facts, and who to tell when they change. */
export class TaskFactsStore {
  private facts: TaskFacts;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Partial<TaskFacts> = {}) {
    this.facts = { ...EMPTY, ...initial };
  }

  readonly get = (): TaskFacts => this.facts;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Replaces the given facts; subscribers hear of it only when one of them is a different object. */
  set(part: Partial<TaskFacts>): void {
    const next = { ...this.facts, ...part };
    if ((Object.keys(next) as (keyof TaskFacts)[]).every((k) => next[k] === this.facts[k])) return;
    this.facts = next;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The list's store (a stable object: providing it never re-renders anything). */
export const TaskFactsContext = createContext<TaskFactsStore>(new TaskFactsStore());

/** One fact of the list; the caller re-renders only when `select` returns something else (use strings). */
export function useTaskFact<T>(select: (facts: TaskFacts) => T, store?: TaskFactsStore): T {
  const fromContext = useContext(TaskFactsContext);
  const source = store ?? fromContext;
  const snapshot = () => select(source.get());
  return useSyncExternalStore(source.subscribe, snapshot, snapshot);
}
