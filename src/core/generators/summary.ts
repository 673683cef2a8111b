/**
 * Summary sheet (step 6, summary output): goal vs result per indicator, what
 * worked, what did not, follow-ups with owners and due dates, and lessons for
 * the team's operation library.
 *
 * The indicator rows are LINKED to the KPI sheet (ctx.sheetNames.kpi) in the
 * row order `kpiRows` gives: name, target and actual are formulas, so the
 * summary follows the KPI table. A link to an Actual that is blank or fails
 * (an OPS formula opened without the add-in) shows "". The core goal's own
 * result is typed in. Met? compares Result with Target in the indicator's
 * direction (≥ when higher is better, ≤ when lower is better).
 *
 * Last, "The plan as set out": the 5W2H text, launch date, channels and
 * budget from the wizard (blank 5W2H fields left out), so the write-up sits
 * next to what was planned.
 *
 * Layout: columns A (goal / point), B–D (short picks), E (long text); the
 * team (owners for the follow-ups' validation list) sits in G:H.
 */
import type { GoalType, Plan } from "../plan/types";
import type { BlockSpec, CellSpec, ConditionalFormatSpec, DataValidationSpec, SheetSpec } from "../tablespec/types";
import { a1, rangeA1, sheetRef } from "../tablespec/a1";
import { PALETTE, TAB_COLORS } from "../tablespec/palette";
import { tIn, type Locale, type MessageKey } from "../i18n";
import type { GeneratorContext } from "./context";
import { DATE_FORMAT, excelString, formulaCell, groupThousands, header, inputCell, rectangular, textCell, unitFormat } from "./dataCells";
import { kpiCell, kpiRows } from "./kpi";
import { planCheckText, type PlanCheckKey } from "../plan/messages";
import { parseIsoSerial } from "../dates";

const FIVE_W2H_LABELS: [keyof Plan["goal"]["fiveW2H"], PlanCheckKey][] = [
  ["what", "summaryPlanWhat"], ["why", "summaryPlanWhy"], ["who", "summaryPlanWho"], ["when", "summaryPlanWhen"],
  ["where", "summaryPlanWhere"], ["how", "summaryPlanHow"], ["howMuch", "summaryPlanHowMuch"],
];

/** Blank input rows per free-text section. */
export const SUMMARY_SECTION_ROWS = { worked: 4, didNot: 4, followUps: 6, lessons: 4 } as const;

const GOAL_KEYS: Record<GoalType, MessageKey> = {
  users: "summaryGoalUsers",
  revenue: "summaryGoalRevenue",
  activity: "summaryGoalActivity",
};

const TEAM_COL = 6; // G
/** Column A's widths, then the gap F and the team's G:H. */
const SUMMARY_WIDTHS = [44, 18, 16, 14, 48, 3, 18, 24];

/** Rows of column A's block, built for the sheet row they start on, with the rules that refer to them. */
interface Section {
  rows: (CellSpec | null)[][];
  validations?: DataValidationSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
}

export function generateSummary(plan: Plan, ctx: GeneratorContext): SheetSpec {
  const { locale } = ctx;
  // Column A's sections, one under the other; each is built for the row it starts on.
  const sections: Section[] = [];
  const nextRow = () => sections.reduce((n, s) => n + s.rows.length, 0);
  const add = <S extends Section>(section: S): S => (sections.push(section), section);
  add({ rows: headingRows(plan, locale) });
  const goalTop = nextRow();
  const goal = add(goalSection(plan, ctx, goalTop));
  add(pointSection("worked", locale, nextRow(), goal.indicatorList));
  add(pointSection("didNot", locale, nextRow(), goal.indicatorList));
  add(followUpSection(plan, locale, nextRow(), goalTop));
  add(lessonSection(locale, nextRow()));
  add({ rows: planAsSetOutRows(plan, locale) });
  const lastRow = nextRow() - 1;

  const team = teamBlock(plan, locale, goalTop);
  return {
    kind: "summary",
    name: ctx.sheetNames.summary,
    blocks: [{ anchor: "A1", rows: rectangular(sections.flatMap((s) => s.rows)) }, { anchor: team.anchor, rows: rectangular(team.rows) }],
    columns: SUMMARY_WIDTHS.map((width, index) => ({ index, width })),
    conditionalFormats: sections.flatMap((s) => s.conditionalFormats ?? []),
    validations: sections.flatMap((s) => s.validations ?? []),
    print: { orientation: "portrait", fitToWidth: true, area: rangeA1(0, 0, lastRow, 4) },
    tabColor: TAB_COLORS.summary,
  };
}

/** Title, subtitle and a blank row. */
function headingRows(plan: Plan, locale: Locale): (CellSpec | null)[][] {
  return [
    [textCell(tIn(locale, "summarySheetTitle", { title: plan.title }), "title")],
    [textCell(tIn(locale, "summarySheetSubtitle"), "subtitle")],
    [],
  ];
}

const headerRow = (locale: Locale, keys: readonly MessageKey[]): CellSpec[] => keys.map((k) => header(tIn(locale, k)));

/** Met? of a goal row: "" while Target or Result is blank, else Result ≥ Target (≤ when lower is better). */
function metFormula(locale: Locale, row: number, lower: boolean): string {
  const target = a1(row, 1);
  const result = a1(row, 2);
  return (
    `=IF(OR(${target}="",${result}=""),"",` +
    `IF(${result}${lower ? "<=" : ">="}${target},${excelString(tIn(locale, "summaryMet"))},${excelString(tIn(locale, "summaryNotMet"))}))`
  );
}

/**
 * Goal vs result: the core goal (typed-in result), one row per KPI indicator
 * linked to the KPI sheet, the met count and a hint; Met? coloured green /
 * red. `indicatorList` (the indicator names' range) feeds the "related
 * indicator" lists of the sections below.
 */
function goalSection(plan: Plan, ctx: GeneratorContext, top: number): Section & { indicatorList: string } {
  const { locale } = ctx;
  const met = excelString(tIn(locale, "summaryMet"));
  const notMet = excelString(tIn(locale, "summaryNotMet"));
  const goalRow = top + 2;
  const rows: (CellSpec | null)[][] = [
    [textCell(tIn(locale, "summaryGoalVsResult"), "title")],
    headerRow(locale, ["summaryHeaderIndicator", "summaryHeaderTarget", "summaryHeaderResult", "summaryHeaderMet", "summaryHeaderComment"]),
    goalLine(plan, locale, goalRow),
    ...indicatorRows(plan, ctx, goalRow + 1),
  ];
  const lastGoalRow = top + rows.length - 1;
  const metRange = rangeA1(goalRow, 3, lastGoalRow, 3, true);
  rows.push(
    [
      textCell(tIn(locale, "summaryMetCount"), "total"),
      { formula: `=COUNTIF(${metRange},${met})`, style: "total", numberFormat: "0" },
      { formula: `=COUNTIF(${metRange},${met})+COUNTIF(${metRange},${notMet})`, style: "total", numberFormat: "0" },
    ],
    [textCell(tIn(locale, "summaryResultHint"), "note")],
    [],
  );
  const metColumn = rangeA1(goalRow, 3, lastGoalRow, 3);
  const metTop = a1(goalRow, 3, false, true);
  return {
    rows,
    conditionalFormats: [
      { kind: "expression", range: metColumn, formula: `=${metTop}=${met}`, format: { fill: PALETTE.goodFill, fontColor: PALETTE.good }, priority: 1 },
      { kind: "expression", range: metColumn, formula: `=${metTop}=${notMet}`, format: { fill: PALETTE.badFill, fontColor: PALETTE.bad }, priority: 2 },
    ],
    indicatorList: `=${rangeA1(goalRow + 1, 0, lastGoalRow, 0, true)}`,
  };
}

/** The plan's core goal in words, its target, a Result to type in and Met?. */
function goalLine(plan: Plan, locale: Locale, row: number): (CellSpec | null)[] {
  const goal = plan.goal;
  const format = Number.isInteger(goal.target.value) ? "#,##0" : "#,##0.00";
  const line = tIn(locale, "summaryGoalLine", {
    goal: tIn(locale, GOAL_KEYS[goal.type]),
    target: groupThousands(goal.target.value),
    unit: goal.target.unit,
    by: goal.target.by,
  });
  return [textCell(line), inputCell(goal.target.value, format), inputCell(undefined, format), formulaCell(metFormula(locale, row, false)), inputCell()];
}

/** One row per KPI row (kpiRows' order): name, target and actual linked to the KPI sheet ("" when blank or failing), Met?. */
function indicatorRows(plan: Plan, ctx: GeneratorContext, firstRow: number): (CellSpec | null)[][] {
  const { locale } = ctx;
  return kpiRows(plan).map(({ row: kpiRow }, i) => {
    const ind = plan.indicators[i];
    const format = unitFormat(ind?.unit ?? "count", locale, plan.team.currency);
    const link = (column: "indicator" | "target" | "actual") => {
      const ref = sheetRef(ctx.sheetNames.kpi, kpiCell(kpiRow, column));
      return `=IFERROR(IF(${ref}="","",${ref}),"")`;
    };
    return [
      formulaCell(link("indicator")),
      formulaCell(link("target"), format),
      formulaCell(link("actual"), format),
      formulaCell(metFormula(locale, firstRow + i, ind?.direction === "lower")),
      inputCell(),
    ];
  });
}

/** A section's title, hint and header row. */
function sectionHead(locale: Locale, title: MessageKey, hint: MessageKey, headers: readonly MessageKey[]): (CellSpec | null)[][] {
  return [[textCell(tIn(locale, title), "title")], [textCell(tIn(locale, hint), "note")], headerRow(locale, headers)];
}

/** `count` rows of five input cells. */
const blankInputRows = (count: number): (CellSpec | null)[][] =>
  Array.from({ length: count }, () => [inputCell(), inputCell(), inputCell(), inputCell(), inputCell()]);

const POINT_SECTIONS = {
  worked: {
    title: "summaryWorked",
    hint: "summaryWorkedHint",
    headers: ["summaryHeaderPoint", "summaryHeaderRelated", "summaryHeaderImpact", "summaryHeaderKeep", "summaryHeaderEvidence"],
  },
  didNot: {
    title: "summaryDidNot",
    hint: "summaryDidNotHint",
    headers: ["summaryHeaderPoint", "summaryHeaderRelated", "summaryHeaderImpact", "summaryHeaderControllable", "summaryHeaderCause"],
  },
} as const satisfies Record<string, { title: MessageKey; hint: MessageKey; headers: readonly MessageKey[] }>;

/** What worked / what did not: blank rows with lists for the related indicator, the impact and yes/no. */
function pointSection(kind: keyof typeof POINT_SECTIONS, locale: Locale, top: number, indicatorList: string): Section {
  const { title, hint, headers } = POINT_SECTIONS[kind];
  const from = top + 3;
  const to = from + SUMMARY_SECTION_ROWS[kind] - 1;
  const impacts = [tIn(locale, "summaryImpactHigh"), tIn(locale, "summaryImpactMedium"), tIn(locale, "summaryImpactLow")];
  return {
    rows: [...sectionHead(locale, title, hint, headers), ...blankInputRows(SUMMARY_SECTION_ROWS[kind]), []],
    validations: [
      { kind: "listFormula", range: rangeA1(from, 1, to, 1), source: indicatorList, allowBlank: true },
      { kind: "list", range: rangeA1(from, 2, to, 2), values: impacts, allowBlank: true },
      { kind: "list", range: rangeA1(from, 3, to, 3), values: yesNo(locale), allowBlank: true },
    ],
  };
}

const yesNo = (locale: Locale): string[] => [tIn(locale, "summaryYes"), tIn(locale, "summaryNo")];

/**
 * Follow-ups: action, owner (a list of the team beside the goal table, from
 * row `teamTop`), due date, status, notes; a due date past and not done in
 * bold red.
 */
function followUpSection(plan: Plan, locale: Locale, top: number, teamTop: number): Section {
  const from = top + 3;
  const to = from + SUMMARY_SECTION_ROWS.followUps - 1;
  const done = tIn(locale, "summaryStatusDone");
  const people = plan.team.people;
  const owners: DataValidationSpec[] =
    people.length > 0
      ? [{
          kind: "listFormula",
          range: rangeA1(from, 1, to, 1),
          source: `=${rangeA1(teamTop + 2, TEAM_COL, teamTop + 1 + people.length, TEAM_COL, true)}`,
          allowBlank: true,
        }]
      : [];
  const due = a1(from, 2, false, true);
  const status = a1(from, 3, false, true);
  return {
    rows: [
      ...sectionHead(locale, "summaryFollowUps", "summaryFollowUpsHint", ["summaryHeaderAction", "summaryHeaderOwner", "summaryHeaderDue", "summaryHeaderStatus", "summaryHeaderNotes"]),
      ...Array.from({ length: SUMMARY_SECTION_ROWS.followUps }, () => [inputCell(), inputCell(), inputCell(undefined, DATE_FORMAT), inputCell(), inputCell()]),
      [],
    ],
    validations: [
      ...owners,
      { kind: "date", range: rangeA1(from, 2, to, 2), allowBlank: true },
      {
        kind: "list",
        range: rangeA1(from, 3, to, 3),
        values: [tIn(locale, "summaryStatusOpen"), tIn(locale, "summaryStatusInProgress"), done],
        allowBlank: true,
      },
    ],
    conditionalFormats: [{
      kind: "expression",
      range: rangeA1(from, 2, to, 2),
      formula: `=AND(ISNUMBER(${due}),${due}<TODAY(),${status}<>${excelString(done)})`,
      format: { fontColor: PALETTE.bad, bold: true },
      priority: 3,
    }],
  };
}

const LESSON_CATEGORY_KEYS: readonly MessageKey[] = [
  "summaryCategoryPlan",
  "summaryCategoryChannel",
  "summaryCategoryProduct",
  "summaryCategoryService",
  "summaryCategoryData",
  "summaryCategorySecurity",
  "summaryCategoryTeam",
];

/** Lessons for the operation library: blank rows with lists for the category, the goal type it applies to and reusable yes/no. */
function lessonSection(locale: Locale, top: number): Section {
  const from = top + 3;
  const to = from + SUMMARY_SECTION_ROWS.lessons - 1;
  const appliesTo = [tIn(locale, "summaryGoalUsers"), tIn(locale, "summaryGoalRevenue"), tIn(locale, "summaryGoalActivity"), tIn(locale, "summaryAppliesAll")];
  return {
    rows: [
      ...sectionHead(locale, "summaryLessons", "summaryLessonsHint", ["summaryHeaderLesson", "summaryHeaderCategory", "summaryHeaderAppliesTo", "summaryHeaderReusable", "summaryHeaderHowToReuse"]),
      ...blankInputRows(SUMMARY_SECTION_ROWS.lessons),
      [],
    ],
    validations: [
      { kind: "list", range: rangeA1(from, 1, to, 1), values: LESSON_CATEGORY_KEYS.map((k) => tIn(locale, k)), allowBlank: true },
      { kind: "list", range: rangeA1(from, 2, to, 2), values: appliesTo, allowBlank: true },
      { kind: "list", range: rangeA1(from, 3, to, 3), values: yesNo(locale), allowBlank: true },
    ],
  };
}

/** "The plan as set out": the 5W2H fields that are filled in, the launch date, channels and budget. */
function planAsSetOutRows(plan: Plan, locale: Locale): (CellSpec | null)[][] {
  const pc = (key: PlanCheckKey) => planCheckText(locale, key);
  const rows: (CellSpec | null)[][] = [[textCell(pc("summaryPlanTitle"), "title")], [textCell(pc("summaryPlanHint"), "note")]];
  for (const [key, label] of FIVE_W2H_LABELS) {
    const text = plan.goal.fiveW2H[key].trim();
    if (text !== "") rows.push([header(pc(label)), textCell(text)]);
  }
  const launch = plan.schedule.launchDate !== undefined ? parseIsoSerial(plan.schedule.launchDate) : NaN;
  if (Number.isFinite(launch)) rows.push([header(pc("summaryPlanLaunch")), { value: Math.trunc(launch), numberFormat: DATE_FORMAT }]);
  if (plan.team.channels.length > 0) rows.push([header(pc("summaryPlanChannels")), textCell(plan.team.channels.join(locale === "zh-CN" ? "、" : ", "))]);
  if (plan.team.budget !== undefined && Number.isFinite(plan.team.budget)) {
    const budget: CellSpec = { value: plan.team.budget, numberFormat: unitFormat("currency", locale, plan.team.currency) };
    const currency = plan.team.currency?.trim();
    // A currency that is not a three-letter code (e.g. "元") is not in the number format: say it beside.
    rows.push(currency && !/^[A-Za-z]{3}$/.test(currency) ? [header(pc("summaryPlanBudget")), budget, textCell(currency)] : [header(pc("summaryPlanBudget")), budget]);
  }
  return rows;
}

/** The team (owners for the follow-ups' list) in G:H, beside the goal table. */
function teamBlock(plan: Plan, locale: Locale, top: number): BlockSpec {
  return {
    anchor: a1(top, TEAM_COL),
    rows: [
      [textCell(tIn(locale, "summaryTeam"), "title")],
      [header(tIn(locale, "summaryHeaderOwner")), header(tIn(locale, "summaryHeaderRole"))],
      ...plan.team.people.map((p) => [textCell(p.name), textCell(p.role, "note")]),
    ],
  };
}
