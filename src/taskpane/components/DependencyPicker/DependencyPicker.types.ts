/** Number and name of every task, and what would close a loop: read when shown, not passed down every render. */
export interface DependencyChoiceFacts {
  /** Number and name of every task of the plan, in plan order. */
  titles: readonly { id: string; title: string }[];
  /** The same titles by task id. */
  titleOf: ReadonlyMap<string, string>;
  /** Per task, the tasks that wait for it: choosing them would make a loop, so they are offered disabled. */
  looping: ReadonlyMap<string, ReadonlySet<string>>;
}

/** An external store of the choices (useSyncExternalStore's subscribe and snapshot). */
export interface DependencyChoiceSource {
  subscribe: (listener: () => void) => () => void;
  get: () => DependencyChoiceFacts;
}

export interface DependencyPickerProps {
  /** The task whose predecessors are picked (left out of the choices). */
  taskId: string;
  /** Ids of the predecessors. */
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /**
   * The tasks to choose from. A store rather than a list: a closed picker
   * re-renders only when its own summary text changes, whatever else is typed.
   */
  choices: DependencyChoiceSource;
  /** Shown when the task has no predecessors. */
  emptyText: string;
  label: string;
  validationMessage?: string;
  /** Said after a disabled choice, e.g. "would make a loop". */
  loopNote?: string;
}
