import type { Person, PlanTask } from "../../../core/plan/types";
import type { StepProps } from "../stepTypes";

/** The editable task list of the Schedule step: add, remove, reorder, owner, duration, dependencies. */
export type TaskListProps = StepProps;

/** Edits of one task, by task id (stable across renders). */
export interface TaskRowHandlers {
  remove: (id: string) => void;
  move: (id: string, delta: number) => void;
  setOwner: (id: string, ownerId: string) => void;
  setName: (id: string, name: string) => void;
  setPhase: (id: string, phase: string) => void;
  setDuration: (id: string, days: number | undefined) => void;
  setDependsOn: (id: string, deps: string[]) => void;
  setMilestone: (id: string, milestone: boolean) => void;
}

/** One row of the task list. */
export interface TaskRowProps {
  task: PlanTask;
  /** 0-based position. */
  index: number;
  count: number;
  people: readonly Person[];
  /** Validation messages of the row's fields. */
  messages: Partial<Record<"name" | "ownerId" | "durationDays" | "dependsOn" | "phase", string>>;
  handlers: TaskRowHandlers;
}
