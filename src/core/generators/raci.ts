/**
 * Roles and responsibilities (RACI): tasks × people, one R/A/C/I letter per
 * cell (validation list), a check column and per-person totals.
 *
 * Layout: title, legend, the people's roles on row 3, header on row 4
 * (ID, Task, one column per person, Check), one task per row from row 5 in
 * the schedule's order, then two total rows (how many A and R each person has).
 *
 * Links to the schedule (a decision): the ID is a constant key, and the Task
 * name is looked up on the Schedule sheet by that ID:
 *   =IFERROR(INDEX('Schedule'!$C:$C,MATCH($A5,'Schedule'!$A:$A,0)),"<name>")
 * so renaming a task on the schedule follows here, sorting or inserting rows
 * there breaks nothing, and the plan's name is the fallback if the ID is gone.
 * The check column flags a row without exactly one A, and an A who is not the
 * schedule's Owner (the schedule's Owner column is the A; both come from the
 * plan: raci letters, with the task owner always A).
 */
import type { Plan, RaciLetter } from "../plan/types";
import type { CellSpec, ConditionalFormatSpec, SheetSpec } from "../tablespec/types";
import { a1, columnLetters, rangeA1, sheetRef } from "../tablespec/a1";
import type { GeneratorContext } from "./context";
import { PALETTE, TAB_COLORS } from "../tablespec/palette";
import { tIn, type Locale } from "../i18n";
import { SCHEDULE_LAYOUT, checkedPlan, inPriorityOrder } from "./planCommon";
import { excelString, rectangular } from "./dataCells";

export const RACI_LETTERS: readonly RaciLetter[] = ["R", "A", "C", "I"];

const HEADER_ROW = 3; // row 4
const FIRST_ROW = 4; // row 5
const FIRST_PERSON_COLUMN = 2; // C

/** Excel string literals are limited to 255 characters. */
const MAX_LITERAL = 255;

/** Letters per task id and person id as written: the plan's letters, the owner always A. */
export function raciMatrix(plan: Plan): Map<string, Map<string, RaciLetter>> {
  const out = new Map<string, Map<string, RaciLetter>>();
  for (const task of plan.schedule.tasks) {
    const row = new Map<string, RaciLetter>();
    for (const person of plan.team.people) {
      const letter = plan.raci[task.id]?.[person.id];
      if (letter !== undefined && letter !== "A") row.set(person.id, letter);
    }
    row.set(task.ownerId, "A");
    out.set(task.id, row);
  }
  return out;
}

/** Where this plan's task rows and person columns sit (0-based). */
interface RaciFrame {
  locale: Locale;
  firstTaskRow: number;
  lastTaskRow: number;
  firstPersonColumn: number;
  lastPersonColumn: number;
  checkColumn: number;
}

function raciFrame(plan: Plan, locale: Locale): RaciFrame {
  const lastPersonColumn = FIRST_PERSON_COLUMN + plan.team.people.length - 1;
  return {
    locale,
    firstTaskRow: FIRST_ROW,
    lastTaskRow: FIRST_ROW + plan.schedule.tasks.length - 1,
    firstPersonColumn: FIRST_PERSON_COLUMN,
    lastPersonColumn,
    checkColumn: lastPersonColumn + 1,
  };
}

export function generateRaci(input: Plan, ctx: GeneratorContext): SheetSpec {
  const plan = checkedPlan(input, ctx.locale);
  const frame = raciFrame(plan, ctx.locale);
  const { firstPersonColumn, checkColumn, lastTaskRow } = frame;
  return {
    kind: "raci",
    name: ctx.sheetNames.raci,
    blocks: [{ anchor: "A1", rows: rectangular([...headingRows(plan, frame), ...taskRows(plan, ctx, frame), ...totalRows(plan, frame)]) }],
    columns: [
      { index: 0, width: 7 },
      { index: 1, width: 42 },
      ...plan.team.people.map((_, j) => ({ index: firstPersonColumn + j, width: 12 })),
      { index: checkColumn, width: 24 },
    ],
    freeze: { rows: HEADER_ROW + 1, columns: firstPersonColumn },
    conditionalFormats: inPriorityOrder(raciRules(frame)),
    validations: [
      { kind: "list", range: letterRange(frame), values: [...RACI_LETTERS], allowBlank: true, prompt: tIn(frame.locale, "raciPromptLetter") },
    ],
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: `${HEADER_ROW}:${HEADER_ROW + 1}`,
      area: rangeA1(0, 0, lastTaskRow + 2, checkColumn),
    },
    tabColor: TAB_COLORS.raci,
  };
}

/** The letters of every task and person. */
const letterRange = (frame: RaciFrame) => rangeA1(frame.firstTaskRow, frame.firstPersonColumn, frame.lastTaskRow, frame.lastPersonColumn);

/** Title, legend, the people's roles (row 3) and the header with one column per person (row 4). */
function headingRows(plan: Plan, frame: RaciFrame): (CellSpec | null)[][] {
  const { locale } = frame;
  const people = plan.team.people;
  const width = frame.checkColumn + 1;
  return [
    [{ value: tIn(locale, "raciTitle", { title: plan.title }), style: "title", mergeAcross: width }],
    [{ value: tIn(locale, "raciLegend"), style: "note", mergeAcross: width }],
    [null, { value: tIn(locale, "raciRoleRow"), style: "note" }, ...people.map((p): CellSpec => ({ value: p.role, style: "note" })), null],
    [
      { value: tIn(locale, "raciHeaderId"), style: "header" },
      { value: tIn(locale, "raciHeaderTask"), style: "header" },
      ...people.map((p): CellSpec => ({ value: p.name, style: "header" })),
      { value: tIn(locale, "raciHeaderCheck"), style: "header" },
    ],
  ];
}

/** A whole column of the Schedule sheet, e.g. 'Schedule'!$A:$A. */
function scheduleColumn(ctx: GeneratorContext, column: number): string {
  const letters = columnLetters(column);
  return sheetRef(ctx.sheetNames.schedule, `$${letters}:$${letters}`);
}

/** One row per task: its ID, its name looked up on the Schedule by ID, the letters (inputs) and the check. */
function taskRows(plan: Plan, ctx: GeneratorContext, frame: RaciFrame): (CellSpec | null)[][] {
  const matrix = raciMatrix(plan);
  const scheduleIds = scheduleColumn(ctx, SCHEDULE_LAYOUT.columns.id);
  const scheduleTasks = scheduleColumn(ctx, SCHEDULE_LAYOUT.columns.task);
  return plan.schedule.tasks.map((task, i) => {
    const row = frame.firstTaskRow + i;
    const idCell = `$A${row + 1}`;
    const fallback = task.name.length <= MAX_LITERAL ? excelString(task.name) : '""';
    const letters = matrix.get(task.id)!;
    return [
      { value: task.id },
      { formula: `=IFERROR(INDEX(${scheduleTasks},MATCH(${idCell},${scheduleIds},0)),${fallback})`, style: "computed" },
      ...plan.team.people.map((p): CellSpec | null => {
        const letter = letters.get(p.id);
        return letter ? { value: letter, style: "input" } : { style: "input" };
      }),
      { formula: checkFormula(ctx, frame, row), style: "computed" },
    ];
  });
}

/**
 * The check of a task row: "not exactly one A" unless the row has one A,
 * else "the A is not the schedule's Owner" unless the A's person is the
 * Owner on the Schedule (looked up by ID; the A itself when the ID is gone),
 * else OK.
 */
function checkFormula(ctx: GeneratorContext, frame: RaciFrame, row: number): string {
  const { locale } = frame;
  const idCell = `$A${row + 1}`;
  const peopleHeader = rangeA1(HEADER_ROW, frame.firstPersonColumn, HEADER_ROW, frame.lastPersonColumn, true); // $C$4:$I$4
  const letters = rangeA1(row, frame.firstPersonColumn, row, frame.lastPersonColumn); // C5:I5
  const accountable = `INDEX(${peopleHeader},MATCH("A",${letters},0))`;
  const owner = `IFERROR(INDEX(${scheduleColumn(ctx, SCHEDULE_LAYOUT.columns.owner)},MATCH(${idCell},${scheduleColumn(ctx, SCHEDULE_LAYOUT.columns.id)},0)),${accountable})`;
  return (
    `=IF(COUNTIF(${letters},"A")<>1,${excelString(tIn(locale, "raciCheckNotOneA"))},` +
    `IF(${accountable}=${owner},${excelString(tIn(locale, "raciCheckOk"))},${excelString(tIn(locale, "raciCheckOwner"))}))`
  );
}

/** Totals: how many tasks each person is accountable (A) and responsible (R) for. */
function totalRows(plan: Plan, frame: RaciFrame): (CellSpec | null)[][] {
  const { firstTaskRow: first, lastTaskRow: last, firstPersonColumn } = frame;
  const totals = (label: string, letter: RaciLetter): (CellSpec | null)[] => [
    null,
    { value: label, style: "total" },
    ...plan.team.people.map((_, j): CellSpec => ({
      formula: `=COUNTIF(${rangeA1(first, firstPersonColumn + j, last, firstPersonColumn + j)},"${letter}")`,
      numberFormat: "0",
      style: "total",
    })),
    null,
  ];
  return [totals(tIn(frame.locale, "raciTotalA"), "A"), totals(tIn(frame.locale, "raciTotalR"), "R")];
}

/** A failed check in red, a passed one in green; A and R letters shaded. */
function raciRules(frame: RaciFrame): ConditionalFormatSpec[] {
  const ok = excelString(tIn(frame.locale, "raciCheckOk"));
  const checks = rangeA1(frame.firstTaskRow, frame.checkColumn, frame.lastTaskRow, frame.checkColumn);
  const checkTop = `$${columnLetters(frame.checkColumn)}${frame.firstTaskRow + 1}`;
  const letters = letterRange(frame);
  return [
    { kind: "expression", range: checks, formula: `=${checkTop}<>${ok}`, format: { fill: PALETTE.badFill, fontColor: PALETTE.bad, bold: true } },
    { kind: "expression", range: checks, formula: `=${checkTop}=${ok}`, format: { fontColor: PALETTE.okText, bold: true } },
    { kind: "cellValue", range: letters, operator: "equal", formula1: '"A"', format: { fill: PALETTE.raciAccountable, bold: true } },
    { kind: "cellValue", range: letters, operator: "equal", formula1: '"R"', format: { fill: PALETTE.raciResponsible } },
  ];
}

/** Address of the check cell of task i (for tests and the recalculation check). */
export function raciCheckCell(plan: Plan, taskIndex: number): string {
  return a1(FIRST_ROW + taskIndex, FIRST_PERSON_COLUMN + plan.team.people.length);
}
