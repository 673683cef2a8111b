/**
 * English message catalogue (the reference language).
 * Every user-facing string of the core lives here; zh-CN mirrors the keys.
 * Placeholders use i18next's {{name}} syntax.
 */
export const en = {
  // --- argument shape and coercion ---
  rowsMismatch: "{{a}} and {{b}} must have the same number of rows ({{na}} vs {{nb}})",
  notColumn: "{{arg}} must be one column or one row, not a block of {{rows}} rows × {{cols}} columns",
  unknownWord: "{{arg}} must be one of: {{allowed}} (got \"{{got}}\")",
  badDate:
    "{{arg}} row {{row}}: \"{{value}}\" is not a date; use an Excel date serial from 1 to 2958465 or text YYYY-MM-DD [HH:MM[:SS]]",
  notNumber: "{{arg}} must be a number (got \"{{got}}\")",
  notPositive: "{{arg}} must be greater than 0 (got {{got}})",
  notWholeInRange: "{{arg}} must be a whole number from {{min}} to {{max}} (got {{got}})",
  notNonNegative: "{{arg}} row {{row}}: must be a number ≥ 0 (got \"{{got}}\")",
  textInNumbers: "{{arg}} row {{row}}: \"{{got}}\" is text, not a number",
  negativeNumber: "{{arg}} must not be negative (got {{got}})",
  emptyArgument: "{{arg}} is empty",
  resultNotFinite: "result is not a finite number",

  // --- RETENTION ---
  noActivityRows: "No activity rows",
  periodsEmpty: "periods must list at least one period number",
  retentionHeaderCohort: "Cohort",
  retentionHeaderSegment: "Segment",
  retentionHeaderUsers: "Users",
  retentionDay: "Day {{k}}",
  retentionWeek: "Week {{k}}",
  retentionMonth: "Month {{k}}",
  retentionAll: "All",
  blankSegment: "(blank)",

  // --- FUNNEL ---
  funnelNoSteps: "steps must name at least one step",
  funnelStepsCountsMismatch: "steps and values must have the same number of cells ({{stepCount}} vs {{valueCount}})",
  funnelBlankStep: "steps cell {{index}} is blank; every step needs a name",
  funnelHeaderStep: "Step",
  funnelHeaderUsers: "Users",
  funnelHeaderFromPrevious: "Conversion from previous",
  funnelHeaderFromFirst: "Conversion from first",
  funnelHeaderDropOff: "Drop-off",
  funnelHeaderMedianDays: "Median days from previous",
  funnelTimesWithoutEvents: "times needs events: give the event names as the third argument",

  // --- PAYRATE ---
  payersExceedPopulation: "payers ({{payers}}) cannot exceed population ({{population}})",
  amountsNotSingle: "amounts must be one total revenue figure when payers and population are counts",
  amountsShape: "amounts must have the same shape as payers ({{na}} vs {{np}} cells)",
  amountsRequired: "measure \"{{measure}}\" needs amounts (revenue)",
  divByZeroPopulation: "population is 0",
  divByZeroPayers: "there are no payers in the population",

  // --- TIER ---
  tierLabelsCount: "labels must have exactly one more entry than cutoffs ({{labels}} labels, {{cutoffs}} cutoffs)",
  tierCutoffNotNumber: "cutoff {{index}} is not a number (got \"{{got}}\")",
  tierCutoffOutOfRange: "cutoff {{index}} must be in (0, 1] for method {{method}} (got {{got}})",
  tierCutoffsIncreasing: "cutoffs must be strictly increasing for method {{method}} (cutoff {{index}} is {{got}})",
  tierCutoffsDecreasing: "cutoffs must be strictly decreasing for method threshold (cutoff {{index}} is {{got}})",
  tierCutoffsRequired: "method threshold needs cutoffs, e.g. {100000,50000,10000}",
  tierValueText: "\"{{got}}\" is text, not a value",
  tierOverrideUnknown: "override \"{{got}}\" is not one of the labels: {{labels}}",
  tierOverridesShape: "overrides must have the same shape as values",
  tierBlankLabel: "label {{index}} is blank",

  // --- RENEWAL ---
  renewalHeaderPayers: "Payers",
  renewalHeaderRevenue: "Revenue",
  renewalNoPayers: "No paying users: no user has a positive net amount in any period",
} as const;

export type MessageKey = keyof typeof en;
