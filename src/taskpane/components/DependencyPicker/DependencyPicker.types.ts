export interface DependencyPickerProps {
  /** The task whose predecessors are picked (left out of the choices). */
  taskId: string;
  /** Ids of the predecessors. */
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Number and name of every task of the plan. */
  choices: readonly { id: string; title: string }[];
  /** Shown when the task has no predecessors. */
  emptyText: string;
  label: string;
  validationMessage?: string;
  /** Tasks that wait for this one: choosing them would make a loop, so they are offered disabled. */
  looping?: ReadonlySet<string>;
  /** Said after a disabled choice, e.g. "would make a loop". */
  loopNote?: string;
}
