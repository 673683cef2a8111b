/**
 * Contingency plans (step 4: decided in advance): one row per risk with its
 * trigger (the decision condition), response, owner, resources needed and
 * status (validation list). Seeded from plan.contingencies, which
 * planFromTemplate fills from the template's typical risks. The Excel table
 * lets the user add rows; a triggered risk is highlighted.
 */
import type { Plan } from "../plan/types";
import type { CellSpec, ConditionalFormatSpec, DataValidationSpec, SheetSpec } from "../tablespec/types";
import { rangeA1 } from "../tablespec/a1";
import type { GeneratorContext } from "./context";
import { PALETTE, TAB_COLORS } from "../tablespec/palette";
import { tIn, type Locale } from "../i18n";
import { CONTINGENCY_STATUSES, checkedPlan, contingencyStatusLabel, inlineListFits, personNames } from "./planCommon";
import { excelString, rectangular, tableNameFor, tablePrint } from "./dataCells";

const HEADER_ROW = 3; // row 4
const FIRST_ROW = 4; // row 5
const COLUMNS = 7; // A # · B Risk · C Trigger · D Response · E Owner · F Resources · G Status
const STATUS_COLUMN = 6;
const OWNER_COLUMN = 4;

const HEADER_KEYS = [
  "contingencyHeaderNo", "contingencyHeaderRisk", "contingencyHeaderTrigger", "contingencyHeaderResponse",
  "contingencyHeaderOwner", "contingencyHeaderResources", "contingencyHeaderStatus",
] as const;
const WIDTHS = [6, 34, 44, 52, 14, 36, 12];

export function generateContingency(input: Plan, ctx: GeneratorContext): SheetSpec {
  const plan = checkedPlan(input, ctx.locale);
  const { locale } = ctx;
  // An empty plan still gets one (blank) row so the table and lists exist.
  const last = FIRST_ROW + Math.max(plan.contingencies.length, 1) - 1;
  return {
    kind: "contingency",
    name: ctx.sheetNames.contingency,
    blocks: [{ anchor: "A1", rows: rectangular([...headingRows(plan, locale), ...riskRows(plan, locale)]) }],
    columns: WIDTHS.map((width, index) => ({ index, width })),
    freeze: { rows: HEADER_ROW + 1, columns: 2 },
    tables: [{ name: tableNameFor("OpsContingency", ctx.sheetNames.contingency, "appended"), range: rangeA1(HEADER_ROW, 0, last, COLUMNS - 1), style: "TableStyleLight10" }],
    conditionalFormats: statusRules(locale, last),
    validations: contingencyValidations(plan, locale, last),
    print: tablePrint(HEADER_ROW, last, COLUMNS - 1),
    tabColor: TAB_COLORS.contingency,
  };
}

/** Title, subtitle, a blank row and the header (rows 1–4). */
function headingRows(plan: Plan, locale: Locale): (CellSpec | null)[][] {
  return [
    [{ value: tIn(locale, "contingencyTitle", { title: plan.title }), style: "title", mergeAcross: COLUMNS }],
    [{ value: tIn(locale, "contingencySubtitle"), style: "subtitle", mergeAcross: COLUMNS }],
    [],
    HEADER_KEYS.map((key) => ({ value: tIn(locale, key), style: "header" })),
  ];
}

/** One row per risk (inputs), numbered; a plan without risks gets row 1 to type into. */
function riskRows(plan: Plan, locale: Locale): (CellSpec | null)[][] {
  if (plan.contingencies.length === 0) return [[{ value: 1, numberFormat: "0" }]];
  const names = personNames(plan);
  return plan.contingencies.map((c, i) => [
    { value: i + 1, numberFormat: "0" },
    { value: c.risk, style: "input" },
    { value: c.trigger, style: "input" },
    { value: c.response, style: "input" },
    { value: names.get(c.ownerId)!, style: "input" },
    { value: c.resources, style: "input" },
    { value: contingencyStatusLabel(locale, c.status), style: "input" },
  ]);
}

/** A triggered risk's row in red, a resolved one greyed. */
function statusRules(locale: Locale, last: number): ConditionalFormatSpec[] {
  const rows = rangeA1(FIRST_ROW, 0, last, COLUMNS - 1);
  const statusTop = `$G${FIRST_ROW + 1}`;
  return [
    {
      kind: "expression",
      range: rows,
      formula: `=${statusTop}=${excelString(contingencyStatusLabel(locale, "triggered"))}`,
      format: { fill: PALETTE.badFill, fontColor: PALETTE.bad },
      priority: 1,
    },
    {
      kind: "expression",
      range: rows,
      formula: `=${statusTop}=${excelString(contingencyStatusLabel(locale, "resolved"))}`,
      format: { fontColor: PALETTE.mutedText },
      priority: 2,
    },
  ];
}

/** The status list, and the owner list when the names fit an inline list. */
function contingencyValidations(plan: Plan, locale: Locale, last: number): DataValidationSpec[] {
  const people = plan.team.people.map((p) => p.name);
  const validations: DataValidationSpec[] = [
    {
      kind: "list",
      range: rangeA1(FIRST_ROW, STATUS_COLUMN, last, STATUS_COLUMN),
      values: CONTINGENCY_STATUSES.map((s) => contingencyStatusLabel(locale, s)),
      allowBlank: false,
      prompt: tIn(locale, "contingencyPromptStatus"),
    },
  ];
  if (inlineListFits(people))
    validations.push({
      kind: "list",
      range: rangeA1(FIRST_ROW, OWNER_COLUMN, last, OWNER_COLUMN),
      values: people,
      allowBlank: true,
      prompt: tIn(locale, "contingencyPromptOwner"),
    });
  return validations;
}
