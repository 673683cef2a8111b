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
import { PALETTE } from "../tablespec/palette";
import { tIn, type MessageKey } from "../i18n";
import type { GeneratorContext } from "./context";
import { DATE_FORMAT, formulaCell, groupThousands, header, inputCell, lit, rectangular, textCell, unitFormat } from "./dataCells";
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

export function generateSummary(plan: Plan, ctx: GeneratorContext): SheetSpec {
  const { locale } = ctx;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => tIn(locale, key, params);
  const met = tr("summaryMet");
  const notMet = tr("summaryNotMet");
  const yes = tr("summaryYes");
  const no = tr("summaryNo");
  const kpiSheet = ctx.sheetNames.kpi;

  // Every block is written in one column-A block; `cells` collects its rows.
  const cells: (CellSpec | null)[][] = [];
  const validations: DataValidationSpec[] = [];
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const push = (row: (CellSpec | null)[]) => cells.push(row);
  const nextRow = () => cells.length; // 0-based sheet row of the next pushed row
  const headers = (keys: MessageKey[]) => push(keys.map((k) => header(tr(k))));
  const blankRows = (count: number, make: () => (CellSpec | null)[]) => {
    const from = nextRow();
    for (let i = 0; i < count; i++) push(make());
    return { from, to: nextRow() - 1 };
  };
  const section = (title: MessageKey, hint: MessageKey) => {
    push([textCell(tr(title), "title")]);
    push([textCell(tr(hint), "note")]);
  };

  push([textCell(tr("summarySheetTitle", { title: plan.title }), "title")]);
  push([textCell(tr("summarySheetSubtitle"), "subtitle")]);
  push([]);

  // --- Goal vs result ---
  const goalTop = nextRow();
  push([textCell(tr("summaryGoalVsResult"), "title")]);
  headers([
    "summaryHeaderIndicator",
    "summaryHeaderTarget",
    "summaryHeaderResult",
    "summaryHeaderMet",
    "summaryHeaderComment",
  ]);
  const metFormula = (row: number, lower: boolean) => {
    const b = a1(row, 1);
    const c = a1(row, 2);
    return `=IF(OR(${b}="",${c}=""),"",IF(${c}${lower ? "<=" : ">="}${b},${lit(met)},${lit(notMet)}))`;
  };
  const goal = plan.goal;
  const goalFormat = Number.isInteger(goal.target.value) ? "#,##0" : "#,##0.00";
  const goalRow = nextRow();
  push([
    textCell(
      tr("summaryGoalLine", {
        goal: tr(GOAL_KEYS[goal.type]),
        target: groupThousands(goal.target.value),
        unit: goal.target.unit,
        by: goal.target.by,
      }),
    ),
    inputCell(goal.target.value, goalFormat),
    inputCell(undefined, goalFormat),
    formulaCell(metFormula(goalRow, false)),
    inputCell(),
  ]);
  const firstIndicatorRow = nextRow();
  for (const [i, { row: kpiRow }] of kpiRows(plan).entries()) {
    const ind = plan.indicators[i];
    const format = unitFormat(ind?.unit ?? "count", locale, plan.team.currency);
    const link = (column: "indicator" | "target" | "actual") => {
      const ref = sheetRef(kpiSheet, kpiCell(kpiRow, column));
      return `=IFERROR(IF(${ref}="","",${ref}),"")`;
    };
    const row = nextRow();
    push([
      formulaCell(link("indicator")),
      formulaCell(link("target"), format),
      formulaCell(link("actual"), format),
      formulaCell(metFormula(row, ind?.direction === "lower")),
      inputCell(),
    ]);
  }
  const lastGoalRow = nextRow() - 1;
  const metRange = rangeA1(goalRow, 3, lastGoalRow, 3, true);
  push([
    textCell(tr("summaryMetCount"), "total"),
    { formula: `=COUNTIF(${metRange},${lit(met)})`, style: "total", numberFormat: "0" },
    { formula: `=COUNTIF(${metRange},${lit(met)})+COUNTIF(${metRange},${lit(notMet)})`, style: "total", numberFormat: "0" },
  ]);
  push([textCell(tr("summaryResultHint"), "note")]);
  conditionalFormats.push(
    {
      kind: "expression",
      range: rangeA1(goalRow, 3, lastGoalRow, 3),
      formula: `=${a1(goalRow, 3, false, true)}=${lit(met)}`,
      format: { fill: PALETTE.goodFill, fontColor: PALETTE.good },
      priority: 1,
    },
    {
      kind: "expression",
      range: rangeA1(goalRow, 3, lastGoalRow, 3),
      formula: `=${a1(goalRow, 3, false, true)}=${lit(notMet)}`,
      format: { fill: PALETTE.badFill, fontColor: PALETTE.bad },
      priority: 2,
    },
  );
  const indicatorList = `=${rangeA1(firstIndicatorRow, 0, lastGoalRow, 0, true)}`;
  const impacts = [tr("summaryImpactHigh"), tr("summaryImpactMedium"), tr("summaryImpactLow")];
  push([]);

  // --- What worked ---
  section("summaryWorked", "summaryWorkedHint");
  headers(["summaryHeaderPoint", "summaryHeaderRelated", "summaryHeaderImpact", "summaryHeaderKeep", "summaryHeaderEvidence"]);
  const worked = blankRows(SUMMARY_SECTION_ROWS.worked, () => [inputCell(), inputCell(), inputCell(), inputCell(), inputCell()]);
  push([]);

  // --- What did not work ---
  section("summaryDidNot", "summaryDidNotHint");
  headers([
    "summaryHeaderPoint",
    "summaryHeaderRelated",
    "summaryHeaderImpact",
    "summaryHeaderControllable",
    "summaryHeaderCause",
  ]);
  const didNot = blankRows(SUMMARY_SECTION_ROWS.didNot, () => [inputCell(), inputCell(), inputCell(), inputCell(), inputCell()]);
  push([]);
  for (const part of [worked, didNot]) {
    validations.push(
      { kind: "listFormula", range: rangeA1(part.from, 1, part.to, 1), source: indicatorList, allowBlank: true },
      { kind: "list", range: rangeA1(part.from, 2, part.to, 2), values: impacts, allowBlank: true },
      { kind: "list", range: rangeA1(part.from, 3, part.to, 3), values: [yes, no], allowBlank: true },
    );
  }

  // --- Follow-ups ---
  section("summaryFollowUps", "summaryFollowUpsHint");
  headers(["summaryHeaderAction", "summaryHeaderOwner", "summaryHeaderDue", "summaryHeaderStatus", "summaryHeaderNotes"]);
  const done = tr("summaryStatusDone");
  const follow = blankRows(SUMMARY_SECTION_ROWS.followUps, () => [
    inputCell(),
    inputCell(),
    inputCell(undefined, DATE_FORMAT),
    inputCell(),
    inputCell(),
  ]);
  push([]);
  const people = plan.team.people;
  if (people.length > 0) {
    validations.push({
      kind: "listFormula",
      range: rangeA1(follow.from, 1, follow.to, 1),
      source: `=${rangeA1(goalTop + 2, TEAM_COL, goalTop + 1 + people.length, TEAM_COL, true)}`,
      allowBlank: true,
    });
  }
  validations.push(
    { kind: "date", range: rangeA1(follow.from, 2, follow.to, 2), allowBlank: true },
    {
      kind: "list",
      range: rangeA1(follow.from, 3, follow.to, 3),
      values: [tr("summaryStatusOpen"), tr("summaryStatusInProgress"), done],
      allowBlank: true,
    },
  );
  const due = a1(follow.from, 2, false, true);
  const status = a1(follow.from, 3, false, true);
  conditionalFormats.push({
    kind: "expression",
    range: rangeA1(follow.from, 2, follow.to, 2),
    formula: `=AND(ISNUMBER(${due}),${due}<TODAY(),${status}<>${lit(done)})`,
    format: { fontColor: PALETTE.bad, bold: true },
    priority: 3,
  });

  // --- Lessons for the operation library ---
  section("summaryLessons", "summaryLessonsHint");
  headers([
    "summaryHeaderLesson",
    "summaryHeaderCategory",
    "summaryHeaderAppliesTo",
    "summaryHeaderReusable",
    "summaryHeaderHowToReuse",
  ]);
  const lessons = blankRows(SUMMARY_SECTION_ROWS.lessons, () => [inputCell(), inputCell(), inputCell(), inputCell(), inputCell()]);
  const categories = (
    [
      "summaryCategoryPlan",
      "summaryCategoryChannel",
      "summaryCategoryProduct",
      "summaryCategoryService",
      "summaryCategoryData",
      "summaryCategorySecurity",
      "summaryCategoryTeam",
    ] as MessageKey[]
  ).map((k) => tr(k));
  const appliesTo = [tr("summaryGoalUsers"), tr("summaryGoalRevenue"), tr("summaryGoalActivity"), tr("summaryAppliesAll")];
  validations.push(
    { kind: "list", range: rangeA1(lessons.from, 1, lessons.to, 1), values: categories, allowBlank: true },
    { kind: "list", range: rangeA1(lessons.from, 2, lessons.to, 2), values: appliesTo, allowBlank: true },
    { kind: "list", range: rangeA1(lessons.from, 3, lessons.to, 3), values: [yes, no], allowBlank: true },
  );
  push([]);

  // --- The plan as set out: 5W2H, launch, channels, budget ---
  const pc = (key: PlanCheckKey) => planCheckText(locale, key);
  push([textCell(pc("summaryPlanTitle"), "title")]);
  push([textCell(pc("summaryPlanHint"), "note")]);
  for (const [key, label] of FIVE_W2H_LABELS) {
    const text = plan.goal.fiveW2H[key].trim();
    if (text !== "") push([header(pc(label)), textCell(text)]);
  }
  const launch = plan.schedule.launchDate !== undefined ? parseIsoSerial(plan.schedule.launchDate) : NaN;
  if (Number.isFinite(launch)) push([header(pc("summaryPlanLaunch")), { value: Math.trunc(launch), numberFormat: DATE_FORMAT }]);
  if (plan.team.channels.length > 0) push([header(pc("summaryPlanChannels")), textCell(plan.team.channels.join(locale === "zh-CN" ? "、" : ", "))]);
  if (plan.team.budget !== undefined && Number.isFinite(plan.team.budget)) {
    const budget: CellSpec = { value: plan.team.budget, numberFormat: unitFormat("currency", locale, plan.team.currency) };
    const currency = plan.team.currency?.trim();
    // A currency that is not a three-letter code (e.g. "元") is not in the number format: say it beside.
    push(currency && !/^[A-Za-z]{3}$/.test(currency) ? [header(pc("summaryPlanBudget")), budget, textCell(currency)] : [header(pc("summaryPlanBudget")), budget]);
  }
  const lastRow = nextRow() - 1;

  // --- Team (owners), beside the goal table ---
  const team: BlockSpec = {
    anchor: a1(goalTop, TEAM_COL),
    rows: [
      [textCell(tr("summaryTeam"), "title")],
      [header(tr("summaryHeaderOwner")), header(tr("summaryHeaderRole"))],
      ...people.map((p) => [textCell(p.name), textCell(p.role, "note")]),
    ],
  };

  return {
    kind: "summary",
    name: ctx.sheetNames.summary,
    blocks: [{ anchor: "A1", rows: rectangular(cells) }, { anchor: team.anchor, rows: rectangular(team.rows) }],
    columns: [
      { index: 0, width: 44 },
      { index: 1, width: 18 },
      { index: 2, width: 16 },
      { index: 3, width: 14 },
      { index: 4, width: 48 },
      { index: 5, width: 3 },
      { index: TEAM_COL, width: 18 },
      { index: TEAM_COL + 1, width: 24 },
    ],
    conditionalFormats,
    validations,
    print: { orientation: "portrait", fitToWidth: true, area: rangeA1(0, 0, lastRow, 4) },
    tabColor: "#548235",
  };
}
