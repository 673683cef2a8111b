/**
 * Pane strings of the Share tab's restore (issue 16, item 10): Restore undoes
 * exactly what Freeze did, so a freeze in copies is undone by deleting the
 * copies. Spread into paneEn; share.zh-CN.ts mirrors every key.
 */
export const shareEn = {
  shareRestoreCopies: "Delete the value copies",
  shareFrozenCopiesState: "Values frozen in copies as of {{date}}: {{sheets}}. Restore deletes these copies; the original sheets keep their live formulas.",
  shareRemovedCopies: "Deleted the value copies: {{sheets}}. The original sheets were not changed; the hidden sheet was removed.",
  shareRestoredNothing: "There was nothing to restore; the hidden sheet was removed.",
  // An older OpsKit froze in copies without recording which sheets are copies; Restore does not guess.
  shareRestoreUndecided:
    "Restore changed nothing: this workbook was frozen by an older version of OpsKit, and its record does not say whether {{sheets}} are value copies (to delete) or sheets frozen in place (to get their formulas back). If they are value copies, delete them and click Restore again; otherwise their original formulas are listed in the hidden sheet \"{{hidden}}\".",
} as const;
