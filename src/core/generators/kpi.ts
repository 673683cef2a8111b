/**
 * KPI table (step 5, data indicators): one row per plan indicator with
 * Indicator, Definition, Formula (the computation in words), Target, Actual,
 * Progress, Status and Next review date.
 *
 * - Actual holds the indicator's live formula (e.g. =OPS.PAYRATE(...)), its
 *   plain number, or is left empty for input.
 * - Progress = Actual ÷ Target (Target ÷ Actual when lower is better; an
 *   Actual of 0 then counts as 100 %), "" while Actual is blank, and "" when
 *   the division or the Actual formula fails (IFERROR), so a workbook opened
 *   without the add-in shows no errors there.
 * - Status = on track / at risk / off track from Progress and two labelled
 *   threshold cells (B3, B4), coloured green / amber / red by conditional
 *   formats that read the numbers, not the localized words.
 *
 * The summary sheet links to this sheet's cells: `kpiRows` is the single
 * source of the row of each indicator.
 */
import type { Indicator, IndicatorKind, Plan } from "../plan/types";
import type { CellSpec, ConditionalFormatSpec, SheetSpec } from "../tablespec/types";
import { a1, rangeA1 } from "../tablespec/a1";
import { PALETTE, TAB_COLORS } from "../tablespec/palette";
import { tIn, type Locale, type MessageKey } from "../i18n";
import type { GeneratorContext } from "./context";
import { DATE_FORMAT, excelString, formulaCell, header, inputCell, rectangular, serialOf, tablePrint, textCell, unitFormat } from "./dataCells";

/** 0-based column of each KPI field. */
export const KPI_COLUMNS = {
  indicator: 0,
  definition: 1,
  formula: 2,
  target: 3,
  actual: 4,
  progress: 5,
  status: 6,
  review: 7,
} as const;

/** 0-based rows of the layout. */
export const KPI_LAYOUT = {
  titleRow: 0,
  subtitleRow: 1,
  onTrackRow: 2,
  atRiskRow: 3,
  headerRow: 5,
  firstDataRow: 6,
} as const;

/** Default thresholds: progress ≥ 90 % is on track, ≥ 70 % at risk, below that off track. */
export const KPI_DEFAULT_THRESHOLDS = { onTrack: 0.9, atRisk: 0.7 } as const;

export interface KpiRow {
  /** The indicator's id, or null for the blank input row of a plan without indicators. */
  indicatorId: string | null;
  /** 0-based sheet row. */
  row: number;
}

/**
 * The KPI sheet's row of each indicator, in plan order; a plan without
 * indicators gets one blank row to type into. The summary sheet uses this to
 * link to the same cells.
 */
export function kpiRows(plan: Plan): KpiRow[] {
  if (plan.indicators.length === 0) return [{ indicatorId: null, row: KPI_LAYOUT.firstDataRow }];
  return plan.indicators.map((ind, i) => ({ indicatorId: ind.id, row: KPI_LAYOUT.firstDataRow + i }));
}

/** Absolute address ($E$7) of a KPI field in a 0-based sheet row. */
export function kpiCell(row: number, column: keyof typeof KPI_COLUMNS): string {
  return a1(row, KPI_COLUMNS[column], true, true);
}

const KIND_KEYS: Record<IndicatorKind, string> = {
  registrations: "Registrations",
  nextDayRetention: "NextDayRetention",
  cycleRetention: "CycleRetention",
  channelRetention: "ChannelRetention",
  activityRate: "ActivityRate",
  paymentRate: "PaymentRate",
  arpu: "Arpu",
  arppu: "Arppu",
  funnelStep: "FunnelStep",
  custom: "Custom",
};

/** The computation of an indicator kind in words. */
export function kpiFormulaText(kind: IndicatorKind, locale: GeneratorContext["locale"]): string {
  return tIn(locale, `kpiFormula${KIND_KEYS[kind]}` as MessageKey);
}

/** The default definition of an indicator kind (used when the plan leaves it blank). */
export function kpiDefaultDefinition(kind: IndicatorKind, locale: GeneratorContext["locale"]): string {
  return tIn(locale, `kpiDefinition${KIND_KEYS[kind]}` as MessageKey);
}

const COL = KPI_COLUMNS;
/** The two threshold cells: $B$3 (on track from) and $B$4 (at risk from). */
const ON_TRACK = a1(KPI_LAYOUT.onTrackRow, 1, true, true);
const AT_RISK = a1(KPI_LAYOUT.atRiskRow, 1, true, true);
/** Column widths A:H. */
const KPI_WIDTHS: readonly [number, number][] = [
  [COL.indicator, 28], [COL.definition, 46], [COL.formula, 40], [COL.target, 14], [COL.actual, 14], [COL.progress, 10], [COL.status, 12], [COL.review, 16],
];

export function generateKpi(plan: Plan, ctx: GeneratorContext): SheetSpec {
  const { locale } = ctx;
  const rows = kpiRows(plan);
  const headerRow = KPI_LAYOUT.headerRow;
  const firstRow = KPI_LAYOUT.firstDataRow;
  const lastRow = firstRow + rows.length - 1;
  return {
    kind: "kpi",
    name: ctx.sheetNames.kpi,
    blocks: [
      { anchor: "A1", rows: rectangular(headingRows(plan, locale)) },
      { anchor: a1(headerRow, 0), rows: rectangular([headerCells(locale), ...indicatorRows(plan, locale, rows)]) },
    ],
    columns: KPI_WIDTHS.map(([index, width]) => ({ index, width })),
    freeze: { rows: headerRow + 1, columns: 1 },
    conditionalFormats: [...statusRules(firstRow, lastRow), reviewRule(firstRow, lastRow)],
    validations: [
      { kind: "decimal", range: rangeA1(KPI_LAYOUT.onTrackRow, 1, KPI_LAYOUT.atRiskRow, 1), min: 0, max: 10 },
      { kind: "date", range: rangeA1(firstRow, COL.review, lastRow, COL.review), allowBlank: true },
    ],
    print: tablePrint(headerRow, lastRow, COL.review),
    tabColor: TAB_COLORS.kpi,
  };
}

/** Title, subtitle and the two labelled threshold inputs (rows 1–4). */
function headingRows(plan: Plan, locale: Locale): (CellSpec | null)[][] {
  return [
    [textCell(tIn(locale, "kpiSheetTitle", { title: plan.title }), "title")],
    [textCell(tIn(locale, "kpiSheetSubtitle"), "subtitle")],
    [
      textCell(tIn(locale, "kpiThresholdOnTrack")),
      inputCell(KPI_DEFAULT_THRESHOLDS.onTrack, "0%"),
      textCell(tIn(locale, "kpiThresholdNote"), "note"),
    ],
    [textCell(tIn(locale, "kpiThresholdAtRisk")), inputCell(KPI_DEFAULT_THRESHOLDS.atRisk, "0%")],
  ];
}

const HEADER_KEYS: readonly MessageKey[] = [
  "kpiHeaderIndicator",
  "kpiHeaderDefinition",
  "kpiHeaderFormula",
  "kpiHeaderTarget",
  "kpiHeaderActual",
  "kpiHeaderProgress",
  "kpiHeaderStatus",
  "kpiHeaderReview",
];

const headerCells = (locale: Locale): CellSpec[] => HEADER_KEYS.map((k) => header(tIn(locale, k)));

/** One row per indicator (or one blank input row): its texts, Target, Actual, and Progress and Status as formulas. */
function indicatorRows(plan: Plan, locale: Locale, rows: readonly KpiRow[]): (CellSpec | null)[][] {
  return rows.map(({ row }, i) => {
    const ind: Indicator | undefined = plan.indicators[i];
    const format = unitFormat(ind?.unit ?? "count", locale, plan.team.currency);
    return [
      ind ? textCell(ind.name) : inputCell(),
      ind
        ? textCell(ind.definition.trim() !== "" ? ind.definition : kpiDefaultDefinition(ind.kind, locale))
        : inputCell(),
      ind ? textCell(kpiFormulaText(ind.kind, locale), "note") : inputCell(),
      ind && Number.isFinite(ind.target) ? inputCell(ind.target, format) : inputCell(undefined, format),
      actualCell(ind, format),
      formulaCell(progressFormula(row, ind?.direction === "lower"), "0%"),
      formulaCell(statusFormula(locale, row)),
      inputCell(serialOf(ind?.reviewDate), DATE_FORMAT),
    ];
  });
}

/** Progress: Actual ÷ Target (Target ÷ Actual when lower is better, an Actual of 0 then 100 %); "" while blank or failing. */
function progressFormula(row: number, lowerIsBetter: boolean): string {
  const target = a1(row, COL.target);
  const actual = a1(row, COL.actual);
  const ratio = lowerIsBetter ? `IF(${actual}=0,1,${target}/${actual})` : `${actual}/${target}`;
  return `=IFERROR(IF(${actual}="","",${ratio}),"")`;
}

/** Status in words from Progress and the two thresholds. */
function statusFormula(locale: Locale, row: number): string {
  const progress = a1(row, COL.progress);
  const word = (key: MessageKey) => excelString(tIn(locale, key));
  return (
    `=IF(${progress}="","",IF(${progress}>=${ON_TRACK},${word("kpiStatusOnTrack")},` +
    `IF(${progress}>=${AT_RISK},${word("kpiStatusAtRisk")},${word("kpiStatusOffTrack")})))`
  );
}

/** Progress and Status green / amber / red, read from the Progress number (not the localized words). */
function statusRules(firstRow: number, lastRow: number): ConditionalFormatSpec[] {
  const range = `${a1(firstRow, COL.progress)}:${a1(lastRow, COL.status)}`;
  const progress = a1(firstRow, COL.progress, false, true); // $F7: the range's first row, column absolute
  return [
    {
      kind: "expression",
      range,
      formula: `=AND(ISNUMBER(${progress}),${progress}>=${ON_TRACK})`,
      format: { fill: PALETTE.goodFill, fontColor: PALETTE.good },
      priority: 1,
    },
    {
      kind: "expression",
      range,
      formula: `=AND(ISNUMBER(${progress}),${progress}<${ON_TRACK},${progress}>=${AT_RISK})`,
      format: { fill: PALETTE.warnFill, fontColor: PALETTE.warn },
      priority: 2,
    },
    {
      kind: "expression",
      range,
      formula: `=AND(ISNUMBER(${progress}),${progress}<${AT_RISK})`,
      format: { fill: PALETTE.badFill, fontColor: PALETTE.bad },
      priority: 3,
    },
  ];
}

/** A review date in the past: bold red. */
function reviewRule(firstRow: number, lastRow: number): ConditionalFormatSpec {
  const review = a1(firstRow, COL.review, false, true); // $H7
  return {
    kind: "expression",
    range: rangeA1(firstRow, COL.review, lastRow, COL.review),
    formula: `=AND(ISNUMBER(${review}),${review}<TODAY())`,
    format: { fontColor: PALETTE.bad, bold: true },
    priority: 4,
  };
}

/** The Actual cell: the live formula, the plain number, or an empty input cell. */
function actualCell(ind: Indicator | undefined, format: string): CellSpec {
  const f = ind?.actualFormula?.trim();
  if (f !== undefined && f !== "") return formulaCell(f.startsWith("=") ? f : `=${f}`, format);
  if (ind?.actual !== undefined && Number.isFinite(ind.actual)) return inputCell(ind.actual, format);
  return inputCell(undefined, format);
}
