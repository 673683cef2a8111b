/**
 * Customer tiering sheet: customers sorted by value (descending), each with
 * Share, Cumulative share and Tier as NATIVE formulas (recipients without the
 * add-in see correct values), a Manual override that wins, the Final tier and
 * its Service level; beside the data a settings-and-summary block (tier names,
 * cutoffs, service levels as input cells; count, value and shares per final
 * tier as COUNTIF/SUMIF formulas) and a Pareto chart.
 *
 * Layout (1-based rows): title 1, subtitle 2, header 4, customers from 5.
 *   A Customer · B Value · C Share · D Cumulative share · E Tier ·
 *   F Manual override · G Final tier · H Service level · (I empty) ·
 *   J Tier · K Cutoff · L Customers · M Share of customers · N Value ·
 *   O Share of value · P Service level — one row per tier from 5, then Total.
 *
 * The pareto rule is OPS.TIER's: before = (sum of values strictly greater
 * than the customer's) ÷ (sum of positive values); tier = the first whose
 * cutoff is greater than `before`, else the last; zero or negative → last;
 * equal values share a tier; the customer crossing a cutoff stays in the
 * higher tier. In the sheet:
 *   =IF(B5="","",IF(B5>0,INDEX(labels,1+SUMPRODUCT(--(cutoffs<=before+1E-12))),last))
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
import { PALETTE } from "../tablespec/palette";
import { tIn, type Locale, type MessageKey } from "../i18n";
import type { GeneratorContext } from "./context";
import { PERCENT_FORMAT, formulaCell, header, inputCell, rectangular, tableNameFor, textCell } from "./dataCells";

export interface TieringCustomer {
  name: string;
  value: number;
  /** A tier placed by hand (e.g. a strategic customer); wins over the computed tier. */
  override?: string;
}

export interface TieringOptions {
  method?: "pareto";
  /** Strictly increasing, in (0, 1]; default [0.5, 0.8, 0.95]. */
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
  cutoffs: number[];
  labels: string[];
}

function readSettings(options: TieringOptions, locale: Locale): Settings {
  const cutoffs = (options.cutoffs ?? TIERING_DEFAULT_CUTOFFS).slice();
  const okCutoffs = cutoffs.every(
    (c, i) => typeof c === "number" && Number.isFinite(c) && c > 0 && c <= 1 && (i === 0 || c > cutoffs[i - 1]!),
  );
  if (!okCutoffs || cutoffs.length === 0) {
    throw new Error(tIn(locale, "tierSheetBadCutoffs", { cutoffs: cutoffs.join(", ") }));
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
  return { cutoffs, labels };
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

/**
 * What the sheet's formulas must produce, computed in TypeScript the way the
 * formulas compute it (row order sums, the same tolerance), for the
 * LibreOffice recalculation test and the unit tests.
 */
export function expectedTiering(customers: readonly TieringCustomer[], options: TieringOptions = {}): ExpectedTiering {
  const { cutoffs, labels } = readSettings(options, "en");
  const rows = sortCustomers(customers);
  const last = labels[labels.length - 1]!;

  // SUMIF(values, ">0") and SUM(values), in row order.
  let positiveTotal = 0;
  let plainTotal = 0;
  for (const r of rows) {
    if (r.value !== null && r.value > 0) positiveTotal += r.value;
    if (r.value !== null) plainTotal += r.value;
  }

  const out: ExpectedTierRow[] = [];
  let running = 0; // SUM($C$5:C5): the running sum of shares
  let prefix = 0; // sum of the values of the rows above
  let greater = 0; // SUMIF(values, ">"&v): rows are sorted, so the rows above the tie group
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.value !== null && (i === 0 || rows[i - 1]!.value !== r.value)) greater = prefix;
    let share: number | "" = "";
    let cumulative: number | "" = "";
    let tier = "";
    if (r.value !== null) {
      share = r.value > 0 ? r.value / positiveTotal : 0;
      running += share;
      cumulative = running;
      if (r.value > 0) {
        const before = greater / positiveTotal;
        let count = 0;
        for (const c of cutoffs) if (c <= before + TIERING_EPSILON) count++;
        tier = labels[count]!;
      } else tier = last;
      prefix += r.value;
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

export function generateTiering(
  customers: readonly TieringCustomer[],
  options: TieringOptions,
  ctx: GeneratorContext,
): SheetSpec {
  const { locale } = ctx;
  const tr = (key: MessageKey) => tIn(locale, key);
  const { cutoffs, labels } = readSettings(options, locale);
  const C = TIERING_COLUMNS;
  const L = TIERING_LAYOUT;
  const sorted = sortCustomers(customers);
  const n = Math.max(sorted.length, 1);
  const first = L.firstDataRow;
  const lastRow = first + n - 1;
  const tiers = labels.length;
  const setFirst = L.firstDataRow; // settings rows start level with the data
  const setLast = setFirst + tiers - 1;

  const col = (c: number) => rangeA1(first, c, lastRow, c, true); // $B$5:$B$204
  const values = col(C.value);
  const finals = col(C.final);
  const names = col(C.customer);
  const labelRange = rangeA1(setFirst, C.setLabel, setLast, C.setLabel, true);
  const cutoffRange = rangeA1(setFirst, C.setCutoff, setFirst + cutoffs.length - 1, C.setCutoff, true);
  const serviceRange = rangeA1(setFirst, C.setService, setLast, C.setService, true);
  const lastLabel = a1(setLast, C.setLabel, true, true);

  const allIntegers = sorted.every((r) => r.value === null || Number.isInteger(r.value));
  const valueFormat = allIntegers ? "#,##0" : "#,##0.00";

  const headers = [
    "tierSheetHeaderCustomer",
    "tierSheetHeaderValue",
    "tierSheetHeaderShare",
    "tierSheetHeaderCumulative",
    "tierSheetHeaderTier",
    "tierSheetHeaderOverride",
    "tierSheetHeaderFinal",
    "tierSheetHeaderService",
  ].map((k) => header(tr(k as MessageKey)));

  const dataRows: (CellSpec | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const r = sorted[i];
    const row = first + i;
    const b = a1(row, C.value);
    const before = `SUMIF(${values},">"&${b})/SUMIF(${values},">0")`;
    dataRows.push([
      r ? textCell(r.name) : inputCell(),
      r && r.value !== null ? inputCell(r.value, valueFormat) : inputCell(undefined, valueFormat),
      formulaCell(`=IF(${b}="","",IF(${b}>0,${b}/SUMIF(${values},">0"),0))`, PERCENT_FORMAT),
      formulaCell(`=IF(${b}="","",SUM(${a1(first, C.share, true, true)}:${a1(row, C.share)}))`, PERCENT_FORMAT),
      formulaCell(
        `=IF(${b}="","",IF(${b}>0,INDEX(${labelRange},1+SUMPRODUCT(--(${cutoffRange}<=${before}+1E-12))),${lastLabel}))`,
      ),
      r && r.override !== "" ? inputCell(r.override) : inputCell(),
      formulaCell(`=IF(${a1(row, C.override)}<>"",${a1(row, C.override)},${a1(row, C.tier)})`),
      formulaCell(`=IFERROR(INDEX(${serviceRange},MATCH(${a1(row, C.final)},${labelRange},0))&"","")`),
    ]);
  }

  // Settings and summary block, level with the data header.
  const setHeaders = [
    "tierSheetSettingsTier",
    "tierSheetSettingsCutoff",
    "tierSheetSummaryCustomers",
    "tierSheetSummaryCustomerShare",
    "tierSheetSummaryValue",
    "tierSheetSummaryValueShare",
    "tierSheetSettingsService",
  ].map((k) => header(tr(k as MessageKey)));
  const setRows: (CellSpec | null)[][] = labels.map((label, t) => {
    const row = setFirst + t;
    const labelCell = a1(row, C.setLabel);
    return [
      inputCell(label),
      t < cutoffs.length ? inputCell(cutoffs[t]!, PERCENT_FORMAT) : textCell(tr("tierSheetRest"), "note"),
      formulaCell(`=COUNTIF(${finals},${labelCell})`, "#,##0"),
      formulaCell(`=IFERROR(${a1(row, C.sumCount)}/COUNTA(${names}),0)`, PERCENT_FORMAT),
      formulaCell(`=SUMIF(${finals},${labelCell},${values})`, valueFormat),
      formulaCell(`=IFERROR(${a1(row, C.sumValue)}/SUM(${values}),0)`, PERCENT_FORMAT),
      inputCell(serviceLevel(t, locale)),
    ];
  });
  const sumOf = (c: number, format: string) =>
    ({ formula: `=SUM(${rangeA1(setFirst, c, setLast, c)})`, numberFormat: format, style: "total" }) as CellSpec;
  const totalRow: (CellSpec | null)[] = [
    textCell(tr("tierSheetTotal"), "total"),
    null,
    sumOf(C.sumCount, "#,##0"),
    sumOf(C.sumCountShare, PERCENT_FORMAT),
    sumOf(C.sumValue, valueFormat),
    sumOf(C.sumValueShare, PERCENT_FORMAT),
    null,
  ];
  const ruleRow = setLast + 3;
  const chartRow = ruleRow + 2;

  const blocks: BlockSpec[] = [
    {
      anchor: "A1",
      rows: [[textCell(tr("tierSheetTitle"), "title")], [textCell(tr("tierSheetSubtitle"), "subtitle")]],
    },
    { anchor: a1(L.headerRow, 0), rows: [headers, ...dataRows] },
    { anchor: a1(L.headerRow, C.setLabel), rows: [setHeaders, ...setRows, totalRow] },
    { anchor: a1(ruleRow, C.setLabel), rows: [[textCell(tr("tierSheetRule"), "note")]] },
  ];

  // Colour the final tier of the first two tiers.
  const palette = [
    { fill: "#FFE699", fontColor: "#7F6000", bold: true },
    { fill: PALETTE.primaryLight, fontColor: PALETTE.primary },
  ];
  const finalTop = a1(first, C.final, false, true);
  const conditionalFormats: ConditionalFormatSpec[] = palette.slice(0, Math.min(2, tiers - 1)).map((format, t) => ({
    kind: "expression" as const,
    range: rangeA1(first, C.final, lastRow, C.final),
    formula: `=AND(${finalTop}<>"",${finalTop}=${a1(setFirst + t, C.setLabel, true, true)})`,
    format,
    priority: t + 1,
  }));

  const plainRange = (c: number) => rangeA1(first, c, lastRow, c);
  return {
    kind: "tiering",
    name: ctx.sheetNames.tiering,
    blocks: blocks.map((b) => ({ anchor: b.anchor, rows: rectangular(b.rows) })),
    columns: [
      { index: C.customer, width: 34 },
      { index: C.value, width: 14 },
      { index: C.share, width: 9 },
      { index: C.cumulative, width: 12 },
      { index: C.tier, width: 7 },
      { index: C.override, width: 11 },
      { index: C.final, width: 9 },
      { index: C.service, width: 66 },
      { index: 8, width: 3 },
      { index: C.setLabel, width: 7 },
      { index: C.setCutoff, width: 14 },
      { index: C.sumCount, width: 11 },
      { index: C.sumCountShare, width: 12 },
      { index: C.sumValue, width: 14 },
      { index: C.sumValueShare, width: 12 },
      { index: C.setService, width: 66 },
    ],
    freeze: { rows: L.headerRow + 1, columns: 1 },
    tables: [
      {
        name: tableNameFor("tblTiering", ctx.sheetNames.tiering),
        range: rangeA1(L.headerRow, C.customer, lastRow, C.service),
        style: "TableStyleLight9",
      },
    ],
    conditionalFormats,
    validations: [
      { kind: "listFormula", range: plainRange(C.override), source: `=${labelRange}`, allowBlank: true },
      {
        kind: "decimal",
        range: rangeA1(setFirst, C.setCutoff, setFirst + cutoffs.length - 1, C.setCutoff),
        min: 0,
        max: 1,
      },
    ],
    charts: [
      {
        kind: "pareto",
        title: tr("tierSheetChartTitle"),
        categories: plainRange(C.customer),
        columns: [{ name: tr("tierSheetHeaderValue"), values: plainRange(C.value) }],
        lines: [{ name: tr("tierSheetHeaderCumulative"), values: plainRange(C.cumulative) }],
        anchor: a1(chartRow, C.setLabel),
        widthCells: 7,
        heightCells: 20,
      },
    ],
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: `${L.headerRow + 1}:${L.headerRow + 1}`,
      area: rangeA1(0, 0, lastRow, C.service),
    },
    tabColor: "#BF8F00",
  };
}
