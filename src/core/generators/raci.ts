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
import { tIn } from "../i18n";
import { SCHEDULE_LAYOUT, checkedPlan, excelString, rectangular } from "./planCommon";

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

export function generateRaci(input: Plan, ctx: GeneratorContext): SheetSpec {
  const plan = checkedPlan(input, ctx.locale);
  const L = ctx.locale;
  const tasks = plan.schedule.tasks;
  const people = plan.team.people;
  const matrix = raciMatrix(plan);
  const first = FIRST_ROW;
  const last = first + tasks.length - 1;
  const p0 = FIRST_PERSON_COLUMN;
  const pLast = p0 + people.length - 1;
  const checkCol = pLast + 1;
  const width = checkCol + 1;

  const sched = (col: number) => {
    const letters = columnLetters(col);
    return sheetRef(ctx.sheetNames.schedule, `$${letters}:$${letters}`);
  };
  const schedIds = sched(SCHEDULE_LAYOUT.columns.id);
  const schedTasks = sched(SCHEDULE_LAYOUT.columns.task);
  const schedOwners = sched(SCHEDULE_LAYOUT.columns.owner);
  const peopleHeader = rangeA1(HEADER_ROW, p0, HEADER_ROW, pLast, true); // $C$4:$I$4

  const rows: (CellSpec | null)[][] = [
    [{ value: tIn(L, "raciTitle", { title: plan.title }), style: "title", mergeAcross: width }],
    [{ value: tIn(L, "raciLegend"), style: "note", mergeAcross: width }],
    [null, { value: tIn(L, "raciRoleRow"), style: "note" }, ...people.map((p): CellSpec => ({ value: p.role, style: "note" })), null],
    [
      { value: tIn(L, "raciHeaderId"), style: "header" },
      { value: tIn(L, "raciHeaderTask"), style: "header" },
      ...people.map((p): CellSpec => ({ value: p.name, style: "header" })),
      { value: tIn(L, "raciHeaderCheck"), style: "header" },
    ],
  ];

  const ok = tIn(L, "raciCheckOk");
  tasks.forEach((task, i) => {
    const r = first + i;
    const idCell = `$A${r + 1}`;
    const fallback = task.name.length <= MAX_LITERAL ? excelString(task.name) : '""';
    const letters = rangeA1(r, p0, r, pLast); // C5:I5
    const theA = `INDEX(${peopleHeader},MATCH("A",${letters},0))`;
    const owner = `IFERROR(INDEX(${schedOwners},MATCH(${idCell},${schedIds},0)),${theA})`;
    const row = matrix.get(task.id)!;
    rows.push([
      { value: task.id },
      { formula: `=IFERROR(INDEX(${schedTasks},MATCH(${idCell},${schedIds},0)),${fallback})`, style: "computed" },
      ...people.map((p): CellSpec | null => {
        const letter = row.get(p.id);
        return letter ? { value: letter, style: "input" } : { style: "input" };
      }),
      {
        formula:
          `=IF(COUNTIF(${letters},"A")<>1,${excelString(tIn(L, "raciCheckNotOneA"))},` +
          `IF(${theA}=${owner},${excelString(ok)},${excelString(tIn(L, "raciCheckOwner"))}))`,
        style: "computed",
      },
    ]);
  });

  // Totals: how many tasks each person is accountable / responsible for.
  const totals = (label: string, letter: RaciLetter): (CellSpec | null)[] => [
    null,
    { value: label, style: "total" },
    ...people.map((_, j): CellSpec => ({ formula: `=COUNTIF(${rangeA1(first, p0 + j, last, p0 + j)},"${letter}")`, numberFormat: "0", style: "total" })),
    null,
  ];
  rows.push(totals(tIn(L, "raciTotalA"), "A"), totals(tIn(L, "raciTotalR"), "R"));

  const matrixRange = rangeA1(first, p0, last, pLast);
  const checkRange = rangeA1(first, checkCol, last, checkCol);
  const checkTop = `$${columnLetters(checkCol)}${first + 1}`;
  const conditionalFormats: ConditionalFormatSpec[] = [
    { kind: "expression", range: checkRange, formula: `=${checkTop}<>${excelString(ok)}`, format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true } },
    { kind: "expression", range: checkRange, formula: `=${checkTop}=${excelString(ok)}`, format: { fontColor: "#00B050", bold: true } },
    { kind: "cellValue", range: matrixRange, operator: "equal", formula1: '"A"', format: { fill: "#F8CBAD", bold: true } },
    { kind: "cellValue", range: matrixRange, operator: "equal", formula1: '"R"', format: { fill: "#BDD7EE" } },
  ];
  conditionalFormats.forEach((cf, i) => (cf.priority = i + 1));

  return {
    kind: "raci",
    name: ctx.sheetNames.raci,
    blocks: [{ anchor: "A1", rows: rectangular(rows) }],
    columns: [
      { index: 0, width: 7 },
      { index: 1, width: 42 },
      ...people.map((_, j) => ({ index: p0 + j, width: 12 })),
      { index: checkCol, width: 24 },
    ],
    freeze: { rows: HEADER_ROW + 1, columns: p0 },
    conditionalFormats,
    validations: [
      { kind: "list", range: matrixRange, values: [...RACI_LETTERS], allowBlank: true, prompt: tIn(L, "raciPromptLetter") },
    ],
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: `${HEADER_ROW}:${HEADER_ROW + 1}`,
      area: rangeA1(0, 0, last + 2, checkCol),
    },
    tabColor: "#548235",
  };
}

/** Address of the check cell of task i (for tests and the recalculation check). */
export function raciCheckCell(plan: Plan, taskIndex: number): string {
  return a1(FIRST_ROW + taskIndex, FIRST_PERSON_COLUMN + plan.team.people.length);
}
