/**
 * English strings for "Prepare for sharing": the Overview sheet, print
 * headers/footers, the hidden sheet of original OPS formulas, the add-in
 * dependency scan and the formula evaluator used to freeze values.
 * Keys must be unique across all catalogues; they start with "share".
 * share.zh-CN.ts mirrors every key.
 */
export const shareEn = {
  // --- Overview sheet ---
  shareOverviewTitle: "Overview — {{title}}",
  shareOverviewSubtitle: "One page for stakeholders: the goal, key milestones, owners, KPI status and customer tiers. Figures are linked to the other sheets and follow them.",
  shareFrozenNote:
    "Values frozen on {{date}}: the results of OpsKit formulas (OPS.*) were turned into plain values so this workbook opens without the add-in. They do not update. The original formulas are kept in the hidden sheet \"{{sheet}}\"; \"Restore formulas\" in the OpsKit pane puts them back.",
  shareGoalSection: "Goal and target",
  shareGoalLabel: "Core goal",
  shareTargetLabel: "Quantified target",
  shareTargetBy: "By",
  shareWhatLabel: "What",
  shareWhyLabel: "Why",
  shareLaunchLabel: "Launch date",
  shareTimelineSection: "Timeline: key milestones",
  shareHeaderTaskId: "ID",
  shareHeaderMilestone: "Milestone",
  shareHeaderOwner: "Owner",
  shareHeaderStart: "Start",
  shareHeaderEnd: "End",
  shareHeaderStatus: "Status",
  shareNoMilestones: "The plan marks no task as a milestone.",
  shareOwnersSection: "Owners",
  shareHeaderPerson: "Person",
  shareHeaderRole: "Role",
  shareHeaderTasks: "Tasks owned",
  shareKpiSection: "KPI status",
  shareHeaderIndicator: "Indicator",
  shareHeaderTarget: "Target",
  shareHeaderActual: "Actual",
  shareHeaderProgress: "Progress",
  shareHeaderKpiStatus: "Status",
  shareTierSection: "Customer tiers",
  shareHeaderTier: "Tier",
  shareHeaderCustomers: "Customers",
  shareHeaderCustomerShare: "% of customers",
  shareHeaderValue: "Value",
  shareHeaderValueShare: "% of value",
  shareHeaderService: "Service level",
  shareTotal: "Total",

  // --- print header / footer (Excel codes: &P page, &N pages, &D date) ---
  sharePrintFooter: "Page &P of &N",
  sharePrintDate: "Printed &D",
  sharePrintAsOf: "As of {{date}}",

  // --- hidden sheet of original formulas ---
  shareFormulasTitle: "OpsKit: original OPS formulas",
  shareFormulasNote:
    "Kept when the values were frozen for sharing. Restore in the OpsKit pane writes them back, or deletes the value copies that a freeze in copies made. Do not edit this sheet.",
  shareFormulasHeaderSheet: "Sheet",
  shareFormulasHeaderAddress: "Cell",
  shareFormulasHeaderFormula: "Formula",
  shareFormulasHeaderRows: "Spill rows",
  shareFormulasHeaderColumns: "Spill columns",
  shareFormulasHeaderFrozenAt: "Frozen on",
  shareFormulasHeaderCopyOf: "Copy of",
  shareLegacyFreezeUndecided:
    "Not frozen: an older version of OpsKit froze this workbook, and its record does not say whether {{sheets}} are value copies. Restore first, then freeze again.",

  // --- add-in dependency scan ---
  shareDepOps: "Calls {{functions}}: shows #NAME? where OpsKit is not installed",
  shareDepDependant: "Uses the OPS result in {{refs}}: shows an error too where OpsKit is not installed",
  shareDepGuarded: "Uses the OPS result in {{refs}} inside IFERROR/IFNA: shows its fallback (often blank) where OpsKit is not installed",

  // --- evaluating OPS formulas to freeze them ---
  shareEvalSyntax: "cannot read the formula at position {{pos}}: {{detail}}",
  shareEvalNotOpsCall: "only a formula that is one OPS call can be evaluated here (this one is {{formula}})",
  shareEvalUnknownFunction: "OPS.{{name}} is not an OpsKit function",
  shareEvalTooManyArgs: "OPS.{{name}} takes at most {{max}} arguments (got {{got}})",
  shareEvalUnknownSheet: "no sheet named \"{{sheet}}\"",
  shareEvalFormulaInRange: "{{ref}} holds a formula at {{cell}}; only ranges of constants can be read here",
  shareEvalWholeLine: "whole columns or rows ({{ref}}) are not supported here",
  shareEvalSpillRef: "spill references ({{ref}}) are not supported here",
  shareEvalUnknownName: "no defined name \"{{name}}\" that refers to a range",
  shareEvalRangeToScalar: "argument {{arg}} of OPS.{{name}} takes one value, not the range {{ref}}",
};
