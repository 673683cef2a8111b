/**
 * Pane strings of the plan wizard's consistency checks (issue 16): task
 * removal and undo, bounds, launch date, inline errors. Spread into paneEn;
 * wizard.zh-CN.ts mirrors every key.
 */
export const wizardEn = {
  undo: "Undo",
  taskRemovedLabel: "Removed task",
  taskRemoved: "Removed “{{name}}”.",
  taskRemovedDependentsOne: "The task that followed it now follows its predecessors.",
  taskRemovedDependents: "The {{count}} tasks that followed it now follow its predecessors.",
  launchTask: "Launch task",
  launchTaskHint: "The launch date is this task's start. Changing the launch date moves the whole schedule.",
  launchTaskNone: "No launch task",
  wouldLoop: "waits for this task",
} as const;
