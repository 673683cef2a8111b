/**
 * Customer tiering sheet: customers sorted by value (descending), each with
 * Share, Cumulative share and Tier as NATIVE formulas (recipients without the
 * add-in see correct values), a Manual override that wins, the Final tier and
 * its Service level; beside the data a settings-and-summary block (tier names,
 * cutoffs, service levels as input cells; count, value and shares per final
 * tier as COUNTIF/SUMIF formulas) and a chart: value per customer (columns,
 * sorted) and cumulative share of value (line), titled for the method (only
 * a Pareto tiering's chart is called Pareto).
 *
 * Layout (1-based rows): title 1, subtitle 2, header 4, customers from 5.
 *   A Customer · B Value · C Share · D Cumulative share · E Tier ·
 *   F Manual override · G Final tier · H Service level · (I empty) ·
 *   J Tier · K Cutoff · L Customers · M Share of customers · N Value ·
 *   O Share of value · P Service level — one row per tier from 5, then Total.
 *
 * Every method of OPS.TIER (docs/functions/tier.md) is written, each as
 * native formulas that give OPS.TIER's tiers:
 * - pareto (default): before = (sum of values strictly greater than the
 *   customer's) ÷ (sum of positive values); tier = the first whose cutoff is
 *   greater than `before`, else the last; zero or negative → last; equal
 *   values share a tier; the customer crossing a cutoff stays in the higher
 *   tier. In the sheet:
 *     =IF(B5="","",IF(B5>0,INDEX(labels,1+SUMPRODUCT(--(cutoffs<=before+1E-12))),last))
 * - rank: the same with before = (count of values strictly greater) ÷
 *   (count of positive values): COUNTIF instead of SUMIF.
 * - threshold (cutoffs strictly decreasing, any numbers): the first tier
 *   whose cutoff ≤ the value, else the last, zero and negative values too:
 *     =IF(B5="","",INDEX(labels,1+SUMPRODUCT(--(cutoffs>B5))))
 *   (the number of cutoffs above the value is the tier's index).
 * The 1E-12 is OPS.TIER's tolerance: a `before` that equals a cutoff in
 * decimal arithmetic but rounds just below it in binary still reaches it.
 *
 * Decisions:
 * - Values are written rounded to 15 significant digits (Excel's precision).
 *   SUMIF's criterion ">"&B5 turns the value into text with at most 15
 *   digits; with the value itself at 15 digits that text is exact, so a
 *   customer never counts as "greater than" itself.
 * - Share and `before` use the sum of POSITIVE values (like OPS.TIER);
 *   zero and negative values have share 0. The summary's share of value uses
 *   the plain SUM of the Value column.
 * - A non-finite value (NaN, ±Infinity: a blank or text cell upstream) is
 *   written as an empty cell, sorted last; its Share, Cumulative share and
 *   Tier are "" (its override still applies).
 * - Ties keep the input order (stable sort).
 * - An empty customer list gives one empty input row so every range is valid.
 */
import type { BlockSpec, CellSpec, ConditionalFormatSpec, SheetSpec } from "../tablespec/types";
import { a1, rangeA1 } from "../tablespec/a1";
import { PALETTE, TAB_COLORS } from "../tablespec/palette";
import { tIn, type Locale, type MessageKey } from "../i18n";
import { DEFAULT_CUTOFFS, type TierMethod } from "../metrics/tier";
import type { GeneratorContext } from "./context";
import { PERCENT_FORMAT, formulaCell, header, inputCell, rectangular, tableNameFor, tablePrint, textCell } from "./dataCells";

export interface TieringCustomer {
  name: string;
  value: number;
  /** A tier placed by hand (e.g. a strategic customer); wins over the computed tier. */
  override?: string;
}

export interface TieringOptions {
  /** OPS.TIER's method; default pareto. */
  method?: TierMethod;
  /**
   * pareto and rank: strictly increasing, in (0, 1]; default [0.5, 0.8, 0.95]
   * (pareto) or [0.1, 0.3, 0.6] (rank). threshold: required, strictly decreasing.
   */
  cutoffs?: number[];
  /** One more than cutoffs; default ["S", "A", "B", "C"]. */
  labels?: string[];
}

export const TIERING_DEFAULT_CUTOFFS: readonly number[] = [0.5, 0.8, 0.95];
export const TIERING_DEFAULT_LABELS: readonly string[] = ["S", "A", "B", "C"];
/** Tolerance of the cutoff comparison (OPS.TIER's). */
export const TIERING_EPSILON = 1e-12;

/** 0-based columns. */
export const TIERING_COLUMNS = {
  customer: 0,
  value: 1,
  share: 2,
  cumulative: 3,
  tier: 4,
  override: 5,
  final: 6,
  service: 7,
  // settings and summary block
  setLabel: 9,
  setCutoff: 10,
  sumCount: 11,
  sumCountShare: 12,
  sumValue: 13,
  sumValueShare: 14,
  setService: 15,
} as const;

/** 0-based rows. */
export const TIERING_LAYOUT = { titleRow: 0, subtitleRow: 1, headerRow: 3, firstDataRow: 4 } as const;

const COLUMNS = TIERING_COLUMNS;
const LAYOUT = TIERING_LAYOUT;

export interface ExpectedTierRow {
  name: string;
  /** The value as written to the sheet (rounded to 15 significant digits); null when not a finite number. */
  value: number | null;
  share: number | "";
  cumulative: number | "";
  tier: string;
  override: string;
  finalTier: string;
}

export interface ExpectedTierSummary {
  label: string;
  count: number;
  customerShare: number;
  value: number;
  valueShare: number;
}

export interface ExpectedTiering {
  rows: ExpectedTierRow[];
  summary: ExpectedTierSummary[];
}

interface Settings {
  method: TierMethod;
  cutoffs: number[];
  labels: string[];
}

const isNumber = (c: unknown): c is number => typeof c === "number" && Number.isFinite(c);

function readSettings(options: TieringOptions, locale: Locale): Settings {
  const method = options.method ?? "pareto";
  if (method === "threshold" && (options.cutoffs === undefined || options.cutoffs.length === 0)) {
    throw new Error(tIn(locale, "tierSheetThresholdsRequired"));
  }
  const cutoffs = (options.cutoffs ?? (method === "rank" ? DEFAULT_CUTOFFS.rank : TIERING_DEFAULT_CUTOFFS)).slice();
  if (method === "threshold") {
    if (!cutoffs.every((c, i) => isNumber(c) && (i === 0 || c < cutoffs[i - 1]!))) {
      throw new Error(tIn(locale, "tierSheetBadThresholds", { cutoffs: cutoffs.join(", ") }));
    }
  } else {
    const okCutoffs = cutoffs.every((c, i) => isNumber(c) && c > 0 && c <= 1 && (i === 0 || c > cutoffs[i - 1]!));
    if (!okCutoffs || cutoffs.length === 0) {
      throw new Error(tIn(locale, "tierSheetBadCutoffs", { cutoffs: cutoffs.join(", ") }));
    }
  }
  const labels = (options.labels ?? TIERING_DEFAULT_LABELS).map((l) => String(l).trim());
  if (labels.length !== cutoffs.length + 1) {
    throw new Error(tIn(locale, "tierSheetBadLabels", { labels: labels.length, cutoffs: cutoffs.length }));
  }
  const seen = new Set<string>();
  for (const l of labels) {
    if (l === "" || seen.has(l.toLowerCase())) throw new Error(tIn(locale, "tierSheetBadLabel", { label: l }));
    seen.add(l.toLowerCase());
  }
  return { method, cutoffs, labels };
}

/** The value as the sheet stores it: 15 significant digits, or null when not a finite number. */
function sheetValue(v: number): number | null {
  return typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(15)) : null;
}

interface SortedCustomer {
  name: string;
  value: number | null;
  override: string;
}

/** Customers in sheet order: by value descending, ties in input order, non-numbers last. */
export function sortCustomers(customers: readonly TieringCustomer[]): SortedCustomer[] {
  return customers
    .map((c, i) => ({ name: c.name, value: sheetValue(c.value), override: (c.override ?? "").trim(), i }))
    .sort((x, y) => {
      if (x.value !== null && y.value !== null && x.value !== y.value) return y.value - x.value;
      if ((x.value === null) !== (y.value === null)) return x.value === null ? 1 : -1;
      return x.i - y.i;
    })
    .map(({ name, value, override }) => ({ name, value, override }));
}

/** The service level text of the tier at `index` (0 = the key-account tier). */
export function serviceLevel(index: number, locale: Locale): string {
  return tIn(locale, index === 0 ? "tierSheetServiceS" : index === 1 ? "tierSheetServiceA" : "tierSheetServiceStandard");
}

/** Index of the tier (0 = first label) the sheet's Tier formula gives a finite value. */
function tierIndex(settings: Settings, value: number, greater: { sum: number; count: number }, totals: { positiveSum: number; positiveCount: number }): number {
  const { method, cutoffs } = settings;
  let count = 0;
  if (method === "threshold") {
    for (const c of cutoffs) if (c > value) count++; // SUMPRODUCT(--(cutoffs>B5))
    return count;
  }
  if (!(value > 0)) return cutoffs.length;
  const before = method === "rank" ? greater.count / totals.positiveCount : greater.sum / totals.positiveSum;
  for (const c of cutoffs) if (c <= before + TIERING_EPSILON) count++;
  return count;
}

/**
 * What the sheet's formulas must produce, computed in TypeScript the way the
 * formulas compute it (row order sums, the same tolerance), for the
 * LibreOffice recalculation test and the unit tests.
 */
export function expectedTiering(customers: readonly TieringCustomer[], options: TieringOptions = {}): ExpectedTiering {
  const settings = readSettings(options, "en");
  const { labels } = settings;
  const rows = sortCustomers(customers);

  // SUMIF(values, ">0"), COUNTIF(values, ">0") and SUM(values), in row order.
  let positiveSum = 0;
  let positiveCount = 0;
  let plainTotal = 0;
  for (const r of rows) {
    if (r.value !== null && r.value > 0) {
      positiveSum += r.value;
      positiveCount++;
    }
    if (r.value !== null) plainTotal += r.value;
  }

  const out: ExpectedTierRow[] = [];
  let running = 0; // SUM($C$5:C5): the running sum of shares
  let prefix = 0; // sum of the values of the rows above
  let above = 0; // count of the rows above
  // SUMIF / COUNTIF(values, ">"&v): rows are sorted, so the rows above the tie group.
  const greater = { sum: 0, count: 0 };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.value !== null && (i === 0 || rows[i - 1]!.value !== r.value)) {
      greater.sum = prefix;
      greater.count = above;
    }
    let share: number | "" = "";
    let cumulative: number | "" = "";
    let tier = "";
    if (r.value !== null) {
      share = r.value > 0 ? r.value / positiveSum : 0;
      running += share;
      cumulative = running;
      tier = labels[tierIndex(settings, r.value, greater, { positiveSum, positiveCount })]!;
      prefix += r.value;
      above++;
    }
    out.push({
      name: r.name,
      value: r.value,
      share,
      cumulative,
      tier,
      override: r.override,
      finalTier: r.override !== "" ? r.override : tier,
    });
  }

  const named = out.filter((r) => r.name !== "").length;
  const summary = labels.map((label) => {
    const inTier = out.filter((r) => r.finalTier.toLowerCase() === label.toLowerCase());
    let value = 0;
    for (const r of inTier) if (r.value !== null) value += r.value;
    return {
      label,
      count: inTier.length,
      customerShare: named > 0 ? inTier.length / named : 0,
      value,
      valueShare: plainTotal !== 0 ? value / plainTotal : 0,
    };
  });
  return { rows: out, summary };
}

// ---- the sheet, from named builders ----

/** Where everything is: rows, and the absolute ranges the formulas refer to. */
interface TieringFrame {
  settings: Settings;
  sorted: SortedCustomer[];
  /** Customer rows written (at least one, so every range is valid). */
  rowCount: number;
  firstRow: number;
  lastRow: number;
  /** Settings rows: one per tier, level with the data. */
  setFirst: number;
  setLast: number;
  values: string;
  finals: string;
  names: string;
  labelRange: string;
  cutoffRange: string;
  serviceRange: string;
  lastLabel: string;
  valueFormat: string;
}

function tieringFrame(customers: readonly TieringCustomer[], settings: Settings): TieringFrame {
  const sorted = sortCustomers(customers);
  const rowCount = Math.max(sorted.length, 1);
  const firstRow = LAYOUT.firstDataRow;
  const lastRow = firstRow + rowCount - 1;
  const setFirst = LAYOUT.firstDataRow;
  const setLast = setFirst + settings.labels.length - 1;
  const column = (c: number) => rangeA1(firstRow, c, lastRow, c, true); // $B$5:$B$204
  const allIntegers = sorted.every((r) => r.value === null || Number.isInteger(r.value));
  return {
    settings,
    sorted,
    rowCount,
    firstRow,
    lastRow,
    setFirst,
    setLast,
    values: column(COLUMNS.value),
    finals: column(COLUMNS.final),
    names: column(COLUMNS.customer),
    labelRange: rangeA1(setFirst, COLUMNS.setLabel, setLast, COLUMNS.setLabel, true),
    cutoffRange: rangeA1(setFirst, COLUMNS.setCutoff, setFirst + settings.cutoffs.length - 1, COLUMNS.setCutoff, true),
    serviceRange: rangeA1(setFirst, COLUMNS.setService, setLast, COLUMNS.setService, true),
    lastLabel: a1(setLast, COLUMNS.setLabel, true, true),
    valueFormat: allIntegers ? "#,##0" : "#,##0.00",
  };
}

function titleRows(tr: (key: MessageKey) => string): (CellSpec | null)[][] {
  return [[textCell(tr("tierSheetTitle"), "title")], [textCell(tr("tierSheetSubtitle"), "subtitle")]];
}

function headerCells(tr: (key: MessageKey) => string): CellSpec[] {
  return (
    [
      "tierSheetHeaderCustomer",
      "tierSheetHeaderValue",
      "tierSheetHeaderShare",
      "tierSheetHeaderCumulative",
      "tierSheetHeaderTier",
      "tierSheetHeaderOverride",
      "tierSheetHeaderFinal",
      "tierSheetHeaderService",
    ] as const
  ).map((k) => header(tr(k)));
}

/** The Tier formula of the customer in sheet row `row` (0-based), per OPS.TIER method. */
function tierFormula(frame: TieringFrame, row: number): string {
  const { values, labelRange, cutoffRange, lastLabel } = frame;
  const value = a1(row, COLUMNS.value);
  switch (frame.settings.method) {
    case "threshold":
      return `=IF(${value}="","",INDEX(${labelRange},1+SUMPRODUCT(--(${cutoffRange}>${value}))))`;
    case "rank": {
      const before = `COUNTIF(${values},">"&${value})/COUNTIF(${values},">0")`;
      return `=IF(${value}="","",IF(${value}>0,INDEX(${labelRange},1+SUMPRODUCT(--(${cutoffRange}<=${before}+1E-12))),${lastLabel}))`;
    }
    case "pareto": {
      const before = `SUMIF(${values},">"&${value})/SUMIF(${values},">0")`;
      return `=IF(${value}="","",IF(${value}>0,INDEX(${labelRange},1+SUMPRODUCT(--(${cutoffRange}<=${before}+1E-12))),${lastLabel}))`;
    }
  }
}

function customerRows(frame: TieringFrame): (CellSpec | null)[][] {
  const { values, valueFormat, firstRow } = frame;
  const rows: (CellSpec | null)[][] = [];
  for (let i = 0; i < frame.rowCount; i++) {
    const r = frame.sorted[i];
    const row = firstRow + i;
    const value = a1(row, COLUMNS.value);
    const override = a1(row, COLUMNS.override);
    rows.push([
      r ? textCell(r.name) : inputCell(),
      r && r.value !== null ? inputCell(r.value, valueFormat) : inputCell(undefined, valueFormat),
      formulaCell(`=IF(${value}="","",IF(${value}>0,${value}/SUMIF(${values},">0"),0))`, PERCENT_FORMAT),
      formulaCell(`=IF(${value}="","",SUM(${a1(firstRow, COLUMNS.share, true, true)}:${a1(row, COLUMNS.share)}))`, PERCENT_FORMAT),
      formulaCell(tierFormula(frame, row)),
      r && r.override !== "" ? inputCell(r.override) : inputCell(),
      formulaCell(`=IF(${override}<>"",${override},${a1(row, COLUMNS.tier)})`),
      formulaCell(`=IFERROR(INDEX(${frame.serviceRange},MATCH(${a1(row, COLUMNS.final)},${frame.labelRange},0))&"","")`),
    ]);
  }
  return rows;
}

const CUTOFF_HEADER: Record<TierMethod, MessageKey> = {
  pareto: "tierSheetSettingsCutoff",
  rank: "tierSheetSettingsCutoffRank",
  threshold: "tierSheetSettingsCutoffThreshold",
};

const RULE_NOTE: Record<TierMethod, MessageKey> = {
  pareto: "tierSheetRule",
  rank: "tierSheetRuleRank",
  threshold: "tierSheetRuleThreshold",
};

/**
 * The chart's title: every method plots the same series (value per customer,
 * cumulative share of value), but only for pareto are the tiers read off that
 * line; rank and threshold name the rule the tiers come from instead.
 */
const CHART_TITLE: Record<TierMethod, MessageKey> = {
  pareto: "tierSheetChartTitle",
  rank: "tierSheetChartTitleRank",
  threshold: "tierSheetChartTitleThreshold",
};

/** Number format of the cutoff cells: shares for pareto and rank, values for thresholds. */
function cutoffFormat(settings: Settings): string {
  if (settings.method !== "threshold") return PERCENT_FORMAT;
  return settings.cutoffs.every((c) => Number.isInteger(c)) ? "#,##0" : "#,##0.00";
}

/** The settings-and-summary block: header, one row per tier, the total row. */
function settingsRows(frame: TieringFrame, tr: (key: MessageKey) => string, locale: Locale): (CellSpec | null)[][] {
  const { settings, setFirst, setLast, finals, names, values, valueFormat } = frame;
  const headers = [
    "tierSheetSettingsTier",
    CUTOFF_HEADER[settings.method],
    "tierSheetSummaryCustomers",
    "tierSheetSummaryCustomerShare",
    "tierSheetSummaryValue",
    "tierSheetSummaryValueShare",
    "tierSheetSettingsService",
  ].map((k) => header(tr(k as MessageKey)));
  const tierRows: (CellSpec | null)[][] = settings.labels.map((label, t) => {
    const row = setFirst + t;
    const labelCell = a1(row, COLUMNS.setLabel);
    return [
      inputCell(label),
      t < settings.cutoffs.length ? inputCell(settings.cutoffs[t]!, cutoffFormat(settings)) : textCell(tr("tierSheetRest"), "note"),
      formulaCell(`=COUNTIF(${finals},${labelCell})`, "#,##0"),
      formulaCell(`=IFERROR(${a1(row, COLUMNS.sumCount)}/COUNTA(${names}),0)`, PERCENT_FORMAT),
      formulaCell(`=SUMIF(${finals},${labelCell},${values})`, valueFormat),
      formulaCell(`=IFERROR(${a1(row, COLUMNS.sumValue)}/SUM(${values}),0)`, PERCENT_FORMAT),
      inputCell(serviceLevel(t, locale)),
    ];
  });
  const sumOf = (c: number, format: string) =>
    ({ formula: `=SUM(${rangeA1(setFirst, c, setLast, c)})`, numberFormat: format, style: "total" }) as CellSpec;
  const totalRow: (CellSpec | null)[] = [
    textCell(tr("tierSheetTotal"), "total"),
    null,
    sumOf(COLUMNS.sumCount, "#,##0"),
    sumOf(COLUMNS.sumCountShare, PERCENT_FORMAT),
    sumOf(COLUMNS.sumValue, valueFormat),
    sumOf(COLUMNS.sumValueShare, PERCENT_FORMAT),
    null,
  ];
  return [headers, ...tierRows, totalRow];
}

/** Rows below the settings block: the rule note, then the chart. */
const ruleRowOf = (frame: TieringFrame) => frame.setLast + 3;
const chartRowOf = (frame: TieringFrame) => ruleRowOf(frame) + 2;

function ruleNote(frame: TieringFrame, tr: (key: MessageKey) => string): (CellSpec | null)[][] {
  return [[textCell(tr(RULE_NOTE[frame.settings.method]), "note")]];
}

/** The first two tiers' final tier coloured. */
function tierRules(frame: TieringFrame): ConditionalFormatSpec[] {
  const palette = [
    { fill: PALETTE.tierKeyFill, fontColor: PALETTE.tierKey, bold: true },
    { fill: PALETTE.primaryLight, fontColor: PALETTE.primary },
  ];
  const finalTop = a1(frame.firstRow, COLUMNS.final, false, true);
  return palette.slice(0, Math.min(2, frame.settings.labels.length - 1)).map((format, t) => ({
    kind: "expression" as const,
    range: rangeA1(frame.firstRow, COLUMNS.final, frame.lastRow, COLUMNS.final),
    formula: `=AND(${finalTop}<>"",${finalTop}=${a1(frame.setFirst + t, COLUMNS.setLabel, true, true)})`,
    format,
    priority: t + 1,
  }));
}

const dataColumn = (frame: TieringFrame, c: number) => rangeA1(frame.firstRow, c, frame.lastRow, c);

function tieringValidations(frame: TieringFrame): NonNullable<SheetSpec["validations"]> {
  const cutoffs = rangeA1(frame.setFirst, COLUMNS.setCutoff, frame.setFirst + frame.settings.cutoffs.length - 1, COLUMNS.setCutoff);
  return [
    { kind: "listFormula", range: dataColumn(frame, COLUMNS.override), source: `=${frame.labelRange}`, allowBlank: true },
    // Shares are 0..1; thresholds are any numbers.
    frame.settings.method === "threshold" ? { kind: "decimal", range: cutoffs } : { kind: "decimal", range: cutoffs, min: 0, max: 1 },
  ];
}

/** Value columns with the cumulative share on a secondary axis (chart kind "pareto", whatever the method). */
function paretoChart(frame: TieringFrame, tr: (key: MessageKey) => string): NonNullable<SheetSpec["charts"]>[number] {
  return {
    kind: "pareto",
    title: tr(CHART_TITLE[frame.settings.method]),
    categories: dataColumn(frame, COLUMNS.customer),
    columns: [{ name: tr("tierSheetHeaderValue"), values: dataColumn(frame, COLUMNS.value) }],
    lines: [{ name: tr("tierSheetHeaderCumulative"), values: dataColumn(frame, COLUMNS.cumulative) }],
    anchor: a1(chartRowOf(frame), COLUMNS.setLabel),
    widthCells: 7,
    heightCells: 20,
  };
}

const TIERING_WIDTHS: NonNullable<SheetSpec["columns"]> = [
  { index: COLUMNS.customer, width: 34 },
  { index: COLUMNS.value, width: 14 },
  { index: COLUMNS.share, width: 9 },
  { index: COLUMNS.cumulative, width: 12 },
  { index: COLUMNS.tier, width: 7 },
  { index: COLUMNS.override, width: 11 },
  { index: COLUMNS.final, width: 9 },
  { index: COLUMNS.service, width: 66 },
  { index: 8, width: 3 },
  { index: COLUMNS.setLabel, width: 7 },
  { index: COLUMNS.setCutoff, width: 14 },
  { index: COLUMNS.sumCount, width: 11 },
  { index: COLUMNS.sumCountShare, width: 12 },
  { index: COLUMNS.sumValue, width: 14 },
  { index: COLUMNS.sumValueShare, width: 12 },
  { index: COLUMNS.setService, width: 66 },
];

export function generateTiering(
  customers: readonly TieringCustomer[],
  options: TieringOptions,
  ctx: GeneratorContext,
): SheetSpec {
  const { locale } = ctx;
  const tr = (key: MessageKey) => tIn(locale, key);
  const frame = tieringFrame(customers, readSettings(options, locale));
  const blocks: BlockSpec[] = [
    { anchor: "A1", rows: titleRows(tr) },
    { anchor: a1(LAYOUT.headerRow, 0), rows: [headerCells(tr), ...customerRows(frame)] },
    { anchor: a1(LAYOUT.headerRow, COLUMNS.setLabel), rows: settingsRows(frame, tr, locale) },
    { anchor: a1(ruleRowOf(frame), COLUMNS.setLabel), rows: ruleNote(frame, tr) },
  ];
  return {
    kind: "tiering",
    name: ctx.sheetNames.tiering,
    blocks: blocks.map((b) => ({ anchor: b.anchor, rows: rectangular(b.rows) })),
    columns: TIERING_WIDTHS.map((c) => ({ ...c })),
    freeze: { rows: LAYOUT.headerRow + 1, columns: 1 },
    tables: [
      {
        name: tableNameFor("tblTiering", ctx.sheetNames.tiering, "underscore"),
        range: rangeA1(LAYOUT.headerRow, COLUMNS.customer, frame.lastRow, COLUMNS.service),
        style: "TableStyleLight9",
      },
    ],
    conditionalFormats: tierRules(frame),
    validations: tieringValidations(frame),
    charts: [paretoChart(frame, tr)],
    print: tablePrint(LAYOUT.headerRow, frame.lastRow, COLUMNS.service),
    tabColor: TAB_COLORS.tiering,
  };
}
