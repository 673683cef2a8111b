/**
 * Pane strings of the plan wizard's consistency checks (issue 16): task
 * removal and undo, bounds, launch date, inline errors. Spread into paneEn;
 * wizard.zh-CN.ts mirrors every key.
 */
export const wizardEn = {
  undo: "Undo",
  taskRemovedLabel: "Removed task",
  taskRemoved: "Removed “{{name}}”.",
  taskRemovedDependents_one: "The task that followed it now follows its predecessors.",
  taskRemovedDependents_other: "The {{count}} tasks that followed it now follow its predecessors.",
  taskRemovedDependents: "The {{count}} tasks that followed it now follow its predecessors.",
} as const;
