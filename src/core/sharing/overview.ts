/**
 * The Overview sheet: one printable page for stakeholders (sales, service,
 * engineering, management) — the plan's goal and quantified target, the key
 * milestones, the owners, KPI status and the customer-tier summary, and, when
 * values were frozen for sharing, a clear note with the date.
 *
 * Everything that lives on another generated sheet is LINKED by formula, so
 * the page follows the workbook:
 *   milestones  → the Schedule row of each milestone task (name, owner, start,
 *                 end, status, % complete; scheduleCell)
 *   owners      → COUNTIF over the Schedule's owner column
 *   KPI status  → the KPI row of each indicator (kpiRows / kpiCell)
 *   tiers       → the Customer tiers sheet's summary block (J:P)
 * Links read =IFERROR(IF(x="","",x),"") so a blank source shows blank (not 0)
 * and a failing source (an OPS formula opened without the add-in) shows
 * blank rather than an error. When a sheet is not in the workbook
 * (extras.links.* = false) the section holds the plan's own values instead.
 *
 * Layout: columns A–F. Title (row 1), the frozen-values note right under it
 * (rows 2…, only with extras.frozenAt: see overviewNoteRange), a subtitle,
 * then the sections, each a heading, a header row and its rows, one blank
 * row apart. Long texts are wrapped into several merged rows here (no
 * reliance on the adapters' wrapping), CJK characters counting double.
 * Printing: portrait, the whole area on one page.
 */
import type { Plan } from "../plan/types";
import type { BlockSpec, CellSpec, ConditionalFormatSpec, SheetSpec } from "../tablespec/types";
import { a1, columnLetters, rangeA1, sheetRef } from "../tablespec/a1";
import { PALETTE, TAB_COLORS } from "../tablespec/palette";
import { tIn, type Locale, type MessageKey } from "../i18n";
import type { GeneratorContext } from "../generators/context";
import { DATE_FORMAT, PERCENT_FORMAT, header, serialOf, textCell, unitFormat } from "../generators/dataCells";
import { checkedPlan, personNames, SCHEDULE_LAYOUT, taskStatusLabel } from "../generators/planCommon";
import { scheduleCell } from "../generators/schedule";
import { KPI_DEFAULT_THRESHOLDS, KPI_LAYOUT, kpiCell, kpiRows } from "../generators/kpi";
import { TIERING_COLUMNS, TIERING_LAYOUT, serviceLevel } from "../generators/tiering";
import { scheduleDates } from "../plan/scheduleDates";
import { OPS_FORMULAS_SHEET } from "./formulasSheet";

/** One tier of the summary (ExpectedTierSummary from the tiering generator fits). */
export interface OverviewTier {
  label: string;
  count?: number;
  customerShare?: number;
  value?: number;
  valueShare?: number;
}

export interface OverviewExtras {
  /** The tiers of the Customer tiers sheet, in its order; without it there is no tier section. */
  tierSummary?: readonly OverviewTier[];
  /** ISO date the OPS values were frozen; adds the note under the title. */
  frozenAt?: string;
  /** Which sheets exist to link to (default: all true). */
  links?: { schedule?: boolean; kpi?: boolean; tiering?: boolean };
}

/** Number of columns (A–F). */
export const OVERVIEW_COLUMNS = 6;
const WIDTHS = [24, 40, 14, 14, 14, 14];
/** Characters per wrapped line over A–F and over B–F. */
const FULL_LINE = 112;
const VALUE_LINE = 90;

/** Display width of a text: CJK and full-width characters count 2. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Splits a text into lines of at most `width` display columns: at spaces for
 * Latin text, anywhere between CJK characters. Never returns an empty list.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  // Tokens: a run of non-space Latin characters, a single CJK character, or spaces.
  const tokens = text.match(/[\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[^\s\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]+|\s+/g) ?? [];
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line !== "") line += " ";
      continue;
    }
    if (line !== "" && displayWidth(line + token) > width) {
      lines.push(line.trimEnd());
      line = "";
    }
    let rest = token;
    while (displayWidth(rest) > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line += rest;
  }
  if (line.trim() !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** The lines of the frozen-values note. */
export function frozenNoteLines(frozenAt: string, locale: Locale): string[] {
  return wrapText(tIn(locale, "shareFrozenNote", { date: frozenAt, sheet: OPS_FORMULAS_SHEET }), FULL_LINE);
}

/** Where the frozen-values note sits on the Overview (A2, or A2:A4 for three lines): cleared by a restore. */
export function overviewNoteRange(frozenAt: string, locale: Locale): string {
  const n = frozenNoteLines(frozenAt, locale).length;
  return n === 1 ? "A2" : rangeA1(1, 0, n, 0);
}

const GOAL_KEYS = { users: "summaryGoalUsers", revenue: "summaryGoalRevenue", activity: "summaryGoalActivity" } as const;

/** =IFERROR(IF(x="","",x),"") */
const link = (ref: string) => `=IFERROR(IF(${ref}="","",${ref}),"")`;

/** Rows of the page, built for the sheet row they start on, with the rules that refer to them. */
interface Section {
  rows: (CellSpec | null)[][];
  conditionalFormats?: ConditionalFormatSpec[];
}

/** Which sheets the page links to; without one, its section holds the plan's own values. */
type Links = Required<NonNullable<OverviewExtras["links"]>>;

export function generateOverview(input: Plan, ctx: GeneratorContext, extras: OverviewExtras = {}): SheetSpec {
  const plan = checkedPlan(input, ctx.locale);
  const links: Links = { schedule: true, kpi: true, tiering: true, ...extras.links };
  // The sections, one under the other; each is built for the row it starts on.
  const sections: Section[] = [];
  const nextRow = () => sections.reduce((n, s) => n + s.rows.length, 0);
  sections.push({ rows: headingRows(plan, ctx.locale, extras.frozenAt) });
  sections.push({ rows: goalRows(plan, ctx.locale) });
  sections.push({ rows: milestoneRows(plan, ctx, links.schedule) });
  sections.push({ rows: ownerRows(plan, ctx, links.schedule, nextRow()) });
  if (plan.indicators.length > 0) sections.push(kpiSection(plan, ctx, links.kpi, nextRow()));
  const tiers = extras.tierSummary ?? [];
  if (tiers.length > 0) sections.push({ rows: tierRows(tiers, ctx, links.tiering, nextRow()) });

  const width = OVERVIEW_COLUMNS;
  const rows = sections.flatMap((s) => s.rows);
  const block: BlockSpec = {
    anchor: "A1",
    rows: rows.map((r) => (r.length === width ? r : [...r, ...new Array<null>(width - r.length).fill(null)])),
  };
  const lastRow = rows.length - 1;
  return {
    kind: "overview",
    name: ctx.sheetNames.overview,
    blocks: [block],
    columns: WIDTHS.map((w, index) => ({ index, width: w })),
    conditionalFormats: sections.flatMap((s) => s.conditionalFormats ?? []),
    print: { orientation: "portrait", fitToWidth: true, onePage: true, area: rangeA1(0, 0, lastRow, width - 1) },
    tabColor: TAB_COLORS.overview,
  };
}

/** A cell merged across the page. */
const fullLine = (cell: CellSpec): (CellSpec | null)[] => [{ ...cell, mergeAcross: OVERVIEW_COLUMNS }];

/** A blank row, then the section's heading. */
const sectionHead = (locale: Locale, key: MessageKey): (CellSpec | null)[][] => [[], [textCell(tIn(locale, key), "title")]];

const headerRow = (locale: Locale, keys: readonly MessageKey[]): CellSpec[] => keys.map((k) => header(tIn(locale, k)));

/** The title, the frozen-values note (when frozen) and the subtitle, wrapped over the page. */
function headingRows(plan: Plan, locale: Locale, frozenAt: string | undefined): (CellSpec | null)[][] {
  return [
    fullLine(textCell(tIn(locale, "shareOverviewTitle", { title: plan.title }), "title")),
    ...(frozenAt !== undefined ? frozenNoteLines(frozenAt, locale).map((line) => fullLine(textCell(line, "warning"))) : []),
    ...wrapText(tIn(locale, "shareOverviewSubtitle"), FULL_LINE).map((line) => fullLine(textCell(line, "subtitle"))),
  ];
}

/** Goal and target: the goal type, the quantified target and its date, the launch date, and the 5W2H what and why. */
function goalRows(plan: Plan, locale: Locale): (CellSpec | null)[][] {
  const label = (key: MessageKey) => textCell(tIn(locale, key), "header");
  /** A label and a text wrapped over B–F, one row per line. */
  const valueLines = (key: MessageKey, text: string) =>
    wrapText(text, VALUE_LINE).map((line, i) => [i === 0 ? label(key) : null, { value: line, mergeAcross: OVERVIEW_COLUMNS - 1 }]);
  const rows: (CellSpec | null)[][] = [
    ...sectionHead(locale, "shareGoalSection"),
    [label("shareGoalLabel"), { value: tIn(locale, GOAL_KEYS[plan.goal.type]), mergeAcross: OVERVIEW_COLUMNS - 1 }],
  ];
  const by = serialOf(plan.goal.target.by);
  rows.push([
    label("shareTargetLabel"),
    { value: plan.goal.target.value, numberFormat: "#,##0" },
    textCell(plan.goal.target.unit),
    textCell(tIn(locale, "shareTargetBy")),
    by !== undefined ? { value: by, numberFormat: DATE_FORMAT } : textCell(plan.goal.target.by),
  ]);
  const launch = serialOf(plan.schedule.launchDate);
  if (launch !== undefined) rows.push([label("shareLaunchLabel"), { value: launch, numberFormat: DATE_FORMAT }]);
  if (plan.goal.fiveW2H.what.trim() !== "") rows.push(...valueLines("shareWhatLabel", plan.goal.fiveW2H.what));
  if (plan.goal.fiveW2H.why.trim() !== "") rows.push(...valueLines("shareWhyLabel", plan.goal.fiveW2H.why));
  return rows;
}

/** Key milestones: linked to their Schedule rows, or the plan's names, dates and status. */
function milestoneRows(plan: Plan, ctx: GeneratorContext, linked: boolean): (CellSpec | null)[][] {
  const { locale } = ctx;
  const rows: (CellSpec | null)[][] = [
    ...sectionHead(locale, "shareTimelineSection"),
    headerRow(locale, ["shareHeaderMilestone", "shareHeaderOwner", "shareHeaderStart", "shareHeaderEnd", "shareHeaderStatus", "shareHeaderProgress"]),
  ];
  const names = personNames(plan);
  const dates = scheduleDates(plan);
  const milestones = plan.schedule.tasks.map((task, i) => ({ task, i })).filter(({ task }) => task.milestone);
  if (milestones.length === 0) rows.push([textCell(tIn(locale, "shareNoMilestones"), "note")]);
  for (const { task, i } of milestones) {
    const at = (column: Parameters<typeof scheduleCell>[1]) => sheetRef(ctx.sheetNames.schedule, scheduleCell(i, column, true));
    const d = dates.get(task.id)!;
    rows.push(
      linked
        ? [
            { formula: link(at("task")) },
            { formula: link(at("owner")) },
            { formula: link(at("start")), numberFormat: DATE_FORMAT },
            { formula: link(at("end")), numberFormat: DATE_FORMAT },
            { formula: link(at("status")) },
            { formula: link(at("percent")), numberFormat: "0%" },
          ]
        : [
            textCell(task.name),
            textCell(names.get(task.ownerId) ?? ""),
            { value: d.start, numberFormat: DATE_FORMAT },
            { value: d.end, numberFormat: DATE_FORMAT },
            textCell(taskStatusLabel(locale, task.status ?? "notStarted")),
            { value: task.percentComplete ?? 0, numberFormat: "0%" },
          ],
    );
  }
  return rows;
}

/** Owners: each person, their role and how many tasks they own (counted on the Schedule's owner column, or in the plan). */
function ownerRows(plan: Plan, ctx: GeneratorContext, linked: boolean, top: number): (CellSpec | null)[][] {
  const { locale } = ctx;
  const tasks = plan.schedule.tasks;
  const first = SCHEDULE_LAYOUT.firstTaskRow;
  const owner = SCHEDULE_LAYOUT.columns.owner;
  const ownerColumn = sheetRef(ctx.sheetNames.schedule, rangeA1(first, owner, first + Math.max(tasks.length, 1) - 1, owner, true));
  const head = [...sectionHead(locale, "shareOwnersSection"), headerRow(locale, ["shareHeaderPerson", "shareHeaderRole", "shareHeaderTasks"])];
  const people = plan.team.people.map((person, i): (CellSpec | null)[] => [
    textCell(person.name),
    textCell(person.role),
    linked
      ? { formula: `=COUNTIF(${ownerColumn},${a1(top + head.length + i, 0)})`, numberFormat: "0" }
      : { value: tasks.filter((t) => t.ownerId === person.id).length, numberFormat: "0" },
  ]);
  return [...head, ...people];
}

/** KPI status: each indicator linked to its KPI row (or the plan's target and actual), Progress and Status coloured by the KPI thresholds. */
function kpiSection(plan: Plan, ctx: GeneratorContext, linked: boolean, top: number): Section {
  const { locale } = ctx;
  const kpiSheet = ctx.sheetNames.kpi;
  const rows: (CellSpec | null)[][] = [
    ...sectionHead(locale, "shareKpiSection"),
    headerRow(locale, ["shareHeaderIndicator", "shareHeaderTarget", "shareHeaderActual", "shareHeaderProgress", "shareHeaderKpiStatus"]),
  ];
  const kpiFirst = top + rows.length;
  for (const { indicatorId, row } of kpiRows(plan)) {
    const ind = plan.indicators.find((x) => x.id === indicatorId)!;
    const format = unitFormat(ind.unit, locale, plan.team.currency);
    const at = (column: Parameters<typeof kpiCell>[1]) => sheetRef(kpiSheet, kpiCell(row, column));
    rows.push(
      linked
        ? [
            { formula: link(at("indicator")) },
            { formula: link(at("target")), numberFormat: format },
            { formula: link(at("actual")), numberFormat: format },
            { formula: link(at("progress")), numberFormat: "0%" },
            { formula: link(at("status")) },
          ]
        : [
            textCell(ind.name),
            Number.isFinite(ind.target) ? { value: ind.target, numberFormat: format } : null,
            ind.actual !== undefined && Number.isFinite(ind.actual) ? { value: ind.actual, numberFormat: format } : null,
            null,
            null,
          ],
    );
  }
  const kpiLast = top + rows.length - 1;
  const onTrack = linked ? sheetRef(kpiSheet, a1(KPI_LAYOUT.onTrackRow, 1, true, true)) : String(KPI_DEFAULT_THRESHOLDS.onTrack);
  const atRisk = linked ? sheetRef(kpiSheet, a1(KPI_LAYOUT.atRiskRow, 1, true, true)) : String(KPI_DEFAULT_THRESHOLDS.atRisk);
  const progress = `$${columnLetters(3)}${kpiFirst + 1}`;
  const range = rangeA1(kpiFirst, 3, kpiLast, 4);
  return {
    rows,
    conditionalFormats: [
      { kind: "expression", range, formula: `=AND(ISNUMBER(${progress}),${progress}>=${onTrack})`, format: { fill: PALETTE.goodFill, fontColor: PALETTE.good }, priority: 1 },
      { kind: "expression", range, formula: `=AND(ISNUMBER(${progress}),${progress}<${onTrack},${progress}>=${atRisk})`, format: { fill: PALETTE.warnFill, fontColor: PALETTE.warn }, priority: 2 },
      { kind: "expression", range, formula: `=AND(ISNUMBER(${progress}),${progress}<${atRisk})`, format: { fill: PALETTE.badFill, fontColor: PALETTE.bad }, priority: 3 },
    ],
  };
}

/** Customer tiers: each tier linked to the tiering sheet's summary block (or the given figures), then a total row. */
function tierRows(tiers: readonly OverviewTier[], ctx: GeneratorContext, linked: boolean, top: number): (CellSpec | null)[][] {
  const { locale } = ctx;
  const TIER_COL = TIERING_COLUMNS;
  const at = (r: number, c: number) => sheetRef(ctx.sheetNames.tiering, a1(r, c, true, true));
  const head = [
    ...sectionHead(locale, "shareTierSection"),
    headerRow(locale, ["shareHeaderTier", "shareHeaderService", "shareHeaderCustomers", "shareHeaderCustomerShare", "shareHeaderValue", "shareHeaderValueShare"]),
  ];
  const body = tiers.map((tier, t): (CellSpec | null)[] => {
    const r = TIERING_LAYOUT.firstDataRow + t;
    return linked
      ? [
          { formula: link(at(r, TIER_COL.setLabel)) },
          { formula: link(at(r, TIER_COL.setService)) },
          { formula: link(at(r, TIER_COL.sumCount)), numberFormat: "#,##0" },
          { formula: link(at(r, TIER_COL.sumCountShare)), numberFormat: PERCENT_FORMAT },
          { formula: link(at(r, TIER_COL.sumValue)), numberFormat: "#,##0" },
          { formula: link(at(r, TIER_COL.sumValueShare)), numberFormat: PERCENT_FORMAT },
        ]
      : [
          textCell(tier.label),
          textCell(serviceLevel(t, locale)),
          tier.count !== undefined ? { value: tier.count, numberFormat: "#,##0" } : null,
          tier.customerShare !== undefined ? { value: tier.customerShare, numberFormat: PERCENT_FORMAT } : null,
          tier.value !== undefined ? { value: tier.value, numberFormat: "#,##0" } : null,
          tier.valueShare !== undefined ? { value: tier.valueShare, numberFormat: PERCENT_FORMAT } : null,
        ];
  });
  const firstTier = top + head.length;
  const lastTier = firstTier + tiers.length - 1;
  const sum = (c: number, format: string): CellSpec => ({
    formula: `=SUM(${rangeA1(firstTier, c, lastTier, c)})`,
    numberFormat: format,
    style: "total",
  });
  const total: CellSpec[] = [textCell(tIn(locale, "shareTotal"), "total"), { style: "total" }, sum(2, "#,##0"), sum(3, PERCENT_FORMAT), sum(4, "#,##0"), sum(5, PERCENT_FORMAT)];
  return [...head, ...body, total];
}
