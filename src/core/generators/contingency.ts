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
import { tIn } from "../i18n";
import {
  CONTINGENCY_STATUSES, checkedPlan, contingencyStatusLabel, excelString, inlineListFits, personNames, rectangular, tableNameFor,
} from "./planCommon";

const HEADER_ROW = 3; // row 4
const FIRST_ROW = 4; // row 5
const COLUMNS = 7; // A # · B Risk · C Trigger · D Response · E Owner · F Resources · G Status
const STATUS_COLUMN = 6;
const OWNER_COLUMN = 4;

export function generateContingency(input: Plan, ctx: GeneratorContext): SheetSpec {
  const plan = checkedPlan(input, ctx.locale);
  const L = ctx.locale;
  const names = personNames(plan);
  const items = plan.contingencies;
  const first = FIRST_ROW;
  // An empty plan still gets one (blank) row so the table and lists exist.
  const last = first + Math.max(items.length, 1) - 1;

  const headerKeys = [
    "contingencyHeaderNo", "contingencyHeaderRisk", "contingencyHeaderTrigger", "contingencyHeaderResponse",
    "contingencyHeaderOwner", "contingencyHeaderResources", "contingencyHeaderStatus",
  ] as const;
  const rows: (CellSpec | null)[][] = [
    [{ value: tIn(L, "contingencyTitle", { title: plan.title }), style: "title", mergeAcross: COLUMNS }],
    [{ value: tIn(L, "contingencySubtitle"), style: "subtitle", mergeAcross: COLUMNS }],
    [],
    headerKeys.map((key) => ({ value: tIn(L, key), style: "header" })),
  ];
  items.forEach((c, i) =>
    rows.push([
      { value: i + 1, numberFormat: "0" },
      { value: c.risk, style: "input" },
      { value: c.trigger, style: "input" },
      { value: c.response, style: "input" },
      { value: names.get(c.ownerId)!, style: "input" },
      { value: c.resources, style: "input" },
      { value: contingencyStatusLabel(L, c.status), style: "input" },
    ]),
  );
  if (items.length === 0) rows.push([{ value: 1, numberFormat: "0" }]);

  const statusRange = rangeA1(first, STATUS_COLUMN, last, STATUS_COLUMN);
  const rowRange = rangeA1(first, 0, last, COLUMNS - 1);
  const statusTop = `$G${first + 1}`;
  const conditionalFormats: ConditionalFormatSpec[] = [
    {
      kind: "expression",
      range: rowRange,
      formula: `=${statusTop}=${excelString(contingencyStatusLabel(L, "triggered"))}`,
      format: { fill: "#FFC7CE", fontColor: "#9C0006" },
      priority: 1,
    },
    {
      kind: "expression",
      range: rowRange,
      formula: `=${statusTop}=${excelString(contingencyStatusLabel(L, "resolved"))}`,
      format: { fontColor: "#808080" },
      priority: 2,
    },
  ];
  const people = plan.team.people.map((p) => p.name);
  const validations: DataValidationSpec[] = [
    {
      kind: "list",
      range: statusRange,
      values: CONTINGENCY_STATUSES.map((s) => contingencyStatusLabel(L, s)),
      allowBlank: false,
      prompt: tIn(L, "contingencyPromptStatus"),
    },
  ];
  if (inlineListFits(people))
    validations.push({
      kind: "list",
      range: rangeA1(first, OWNER_COLUMN, last, OWNER_COLUMN),
      values: people,
      allowBlank: true,
      prompt: tIn(L, "contingencyPromptOwner"),
    });

  return {
    kind: "contingency",
    name: ctx.sheetNames.contingency,
    blocks: [{ anchor: "A1", rows: rectangular(rows) }],
    columns: [6, 34, 44, 52, 14, 36, 12].map((width, index) => ({ index, width })),
    freeze: { rows: HEADER_ROW + 1, columns: 2 },
    tables: [{ name: tableNameFor("OpsContingency", ctx.sheetNames.contingency), range: rangeA1(HEADER_ROW, 0, last, COLUMNS - 1), style: "TableStyleLight10" }],
    conditionalFormats,
    validations,
    print: { orientation: "landscape", fitToWidth: true, repeatRows: `${HEADER_ROW + 1}:${HEADER_ROW + 1}`, area: rangeA1(0, 0, last, COLUMNS - 1) },
    tabColor: "#C00000",
  };
}
