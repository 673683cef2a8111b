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
  // Share tab (issue 16, item 10): what each freeze mode does, and counts of one
  shareCopiesNote: "In copies, each sheet with OPS formulas gets a copy named \"<sheet> (values)\" holding the values; the original sheets keep their OPS formulas: the check still lists them and the workbook still needs OpsKit. Restore deletes the copies and leaves the originals as they are. To send the workbook to someone without OpsKit, freeze in place (untick this).",
  shareInPlaceNote: "In place, the OPS formulas are replaced by their values, so the workbook no longer needs OpsKit; Restore writes the original formulas back.",
  shareFrozenDoneOne: "1 OPS cell frozen as a value on {{date}}.",
  shareFrozenStateOne: "1 formula is frozen (value as of {{date}}); the original is kept in the hidden sheet.",
  shareRestoredOne: "1 formula restored; the hidden sheet was removed.",
  shareRestoredMissingOne: "1 formula was not restored because its sheet no longer exists.",
  shareRestoreFirst: "Formulas are frozen already: restore them before freezing again.",
} as const;
