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
import type { BlockSpec, CellSpec, ConditionalFormatSpec, SheetSpec } from "../tablespec/types";
import { a1, rangeA1 } from "../tablespec/a1";
import { PALETTE } from "../tablespec/palette";
import { tIn, type MessageKey } from "../i18n";
import type { GeneratorContext } from "./context";
import { DATE_FORMAT, formulaCell, header, inputCell, lit, rectangular, serialOf, textCell, unitFormat } from "./dataCells";

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

export function generateKpi(plan: Plan, ctx: GeneratorContext): SheetSpec {
  const { locale } = ctx;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => tIn(locale, key, params);
  const rows = kpiRows(plan);
  const C = KPI_COLUMNS;
  const L = KPI_LAYOUT;
  const onTrack = a1(L.onTrackRow, 1, true, true); // $B$3
  const atRisk = a1(L.atRiskRow, 1, true, true); // $B$4
  const firstRow = L.firstDataRow;
  const lastRow = firstRow + rows.length - 1;

  const top: BlockSpec = {
    anchor: "A1",
    rows: [
      [textCell(tr("kpiSheetTitle", { title: plan.title }), "title")],
      [textCell(tr("kpiSheetSubtitle"), "subtitle")],
      [
        textCell(tr("kpiThresholdOnTrack")),
        inputCell(KPI_DEFAULT_THRESHOLDS.onTrack, "0%"),
        textCell(tr("kpiThresholdNote"), "note"),
      ],
      [textCell(tr("kpiThresholdAtRisk")), inputCell(KPI_DEFAULT_THRESHOLDS.atRisk, "0%")],
    ],
  };

  const headerCells = [
    "kpiHeaderIndicator",
    "kpiHeaderDefinition",
    "kpiHeaderFormula",
    "kpiHeaderTarget",
    "kpiHeaderActual",
    "kpiHeaderProgress",
    "kpiHeaderStatus",
    "kpiHeaderReview",
  ].map((k) => header(tr(k as MessageKey)));

  const dataRows: (CellSpec | null)[][] = rows.map(({ row }, i) => {
    const ind: Indicator | undefined = plan.indicators[i];
    const format = unitFormat(ind?.unit ?? "count", locale, plan.team.currency);
    const target = a1(row, C.target);
    const actual = a1(row, C.actual);
    const progress = a1(row, C.progress);
    const lower = ind?.direction === "lower";
    const ratio = lower ? `IF(${actual}=0,1,${target}/${actual})` : `${actual}/${target}`;
    const status =
      `=IF(${progress}="","",IF(${progress}>=${onTrack},${lit(tr("kpiStatusOnTrack"))},` +
      `IF(${progress}>=${atRisk},${lit(tr("kpiStatusAtRisk"))},${lit(tr("kpiStatusOffTrack"))})))`;
    const review = serialOf(ind?.reviewDate);
    return [
      ind ? textCell(ind.name) : inputCell(),
      ind
        ? textCell(ind.definition.trim() !== "" ? ind.definition : kpiDefaultDefinition(ind.kind, locale))
        : inputCell(),
      ind ? textCell(kpiFormulaText(ind.kind, locale), "note") : inputCell(),
      ind && Number.isFinite(ind.target) ? inputCell(ind.target, format) : inputCell(undefined, format),
      actualCell(ind, format),
      formulaCell(`=IFERROR(IF(${actual}="","",${ratio}),"")`, "0%"),
      formulaCell(status),
      inputCell(review, DATE_FORMAT),
    ];
  });

  const statusRange = `${a1(firstRow, C.progress)}:${a1(lastRow, C.status)}`;
  const p = a1(firstRow, C.progress, false, true); // $F7: the range's first row, column absolute
  const h = a1(firstRow, C.review, false, true); // $H7
  const conditionalFormats: ConditionalFormatSpec[] = [
    {
      kind: "expression",
      range: statusRange,
      formula: `=AND(ISNUMBER(${p}),${p}>=${onTrack})`,
      format: { fill: PALETTE.goodFill, fontColor: PALETTE.good },
      priority: 1,
    },
    {
      kind: "expression",
      range: statusRange,
      formula: `=AND(ISNUMBER(${p}),${p}<${onTrack},${p}>=${atRisk})`,
      format: { fill: PALETTE.warnFill, fontColor: PALETTE.warn },
      priority: 2,
    },
    {
      kind: "expression",
      range: statusRange,
      formula: `=AND(ISNUMBER(${p}),${p}<${atRisk})`,
      format: { fill: PALETTE.badFill, fontColor: PALETTE.bad },
      priority: 3,
    },
    {
      kind: "expression",
      range: rangeA1(firstRow, C.review, lastRow, C.review),
      formula: `=AND(ISNUMBER(${h}),${h}<TODAY())`,
      format: { fontColor: PALETTE.bad, bold: true },
      priority: 4,
    },
  ];

  return {
    kind: "kpi",
    name: ctx.sheetNames.kpi,
    blocks: [
      { anchor: top.anchor, rows: rectangular(top.rows) },
      { anchor: a1(L.headerRow, 0), rows: rectangular([headerCells, ...dataRows]) },
    ],
    columns: [
      { index: C.indicator, width: 28 },
      { index: C.definition, width: 46 },
      { index: C.formula, width: 40 },
      { index: C.target, width: 14 },
      { index: C.actual, width: 14 },
      { index: C.progress, width: 10 },
      { index: C.status, width: 12 },
      { index: C.review, width: 16 },
    ],
    freeze: { rows: L.headerRow + 1, columns: 1 },
    conditionalFormats,
    validations: [
      { kind: "decimal", range: rangeA1(L.onTrackRow, 1, L.atRiskRow, 1), min: 0, max: 10 },
      { kind: "date", range: rangeA1(firstRow, C.review, lastRow, C.review), allowBlank: true },
    ],
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: `${L.headerRow + 1}:${L.headerRow + 1}`,
      area: rangeA1(0, 0, lastRow, C.review),
    },
    tabColor: "#2E75B6",
  };
}

/** The Actual cell: the live formula, the plain number, or an empty input cell. */
function actualCell(ind: Indicator | undefined, format: string): CellSpec {
  const f = ind?.actualFormula?.trim();
  if (f !== undefined && f !== "") return formulaCell(f.startsWith("=") ? f : `=${f}`, format);
  if (ind?.actual !== undefined && Number.isFinite(ind.actual)) return inputCell(ind.actual, format);
  return inputCell(undefined, format);
}
