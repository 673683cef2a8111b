/**
 * Presentation of a metric result: the grid a core metric returns (the same
 * grid OPS.* spills) → TableSpec blocks with number formats and styles, a
 * colour-scale heat-map, data bars and native charts, so a recipient without
 * the add-in sees a formatted, charted result. One generator for both
 * outputs of the Metrics tab (computed values, live formula) and for the
 * demo's Metrics sheet; both adapters (src/excel, src/xlsx) render it. Pure:
 * no Office or ExcelJS here.
 *
 * API
 *   presentMetric(result, options)  → Presentation (blocks, heat-maps, data bars, charts, widths)
 *   metricSheet(result, options)    → a whole SheetSpec: title, provenance line, the presented grid
 *   chartTexts(...)                 → (internal) titles and axis labels from the i18n catalogue
 *
 * `result.grid` is the core function's output (header row first, "" for a
 * share not elapsed yet). With `cells: "formatsOnly"` the blocks carry number
 * formats and styles but no values: put them under a live formula spilling
 * at `anchor` (write the formula block AFTER these blocks).
 *
 * Shapes (header row, then rows):
 *   retention  label | Users | share…           label: cohort serial (or segment text), last row All
 *   renewal    label | Payers | Revenue | share…
 *   funnel     Step | Users | conv. prev | conv. first | drop-off | median days
 *              (with segments: Segment first, one block of steps per segment, then All)
 *   payrate    a single number (grid [[x]])
 *   tier       the tab's own table: name | value | tier
 */
import type { CellOut } from "../errors";
import { tIn, type Locale, type MessageKey, type MessageParams } from "../i18n";
import { a1, rangeA1, parseA1 } from "../tablespec/a1";
import { isoOfSerial } from "../dates";
import type { BlockSpec, CellSpec, ChartSpec, ColorScaleSpec, ColumnSpec, DataBarSpec, SheetSpec, StyleToken } from "../tablespec/types";

export type MetricKind = "retention" | "funnel" | "payrate" | "tier" | "renewal";
export type PeriodWord = "day" | "week" | "month";
export type PayrateMeasureWord = "rate" | "arpu" | "arppu" | "payers";

export interface MetricResult {
  metric: MetricKind;
  /** The grid the core function returned (for payrate: [[value]]). No OpsError cells expected; any become text. */
  grid: readonly (readonly CellOut[])[];
  /** retention / renewal: the period (cohort dates shown as months for "month"). */
  period?: PeriodWord;
  /** payrate: what the number is. */
  measure?: PayrateMeasureWord;
}

export interface PresentOptions {
  locale: Locale;
  /** Top-left cell of the grid's header row. Default "A4". */
  anchor?: string;
  /** "values" (default) writes the grid; "formatsOnly" only formats the cells (under a live formula). */
  cells?: "values" | "formatsOnly";
  /** Put charts beside the grid (default true). */
  charts?: boolean;
  /** At most this many cohort lines on the retention curves (the latest ones), plus All. Default 12. */
  maxCurves?: number;
}

export interface Presentation {
  blocks: BlockSpec[];
  colorScales: ColorScaleSpec[];
  dataBars: DataBarSpec[];
  charts: ChartSpec[];
  columns: ColumnSpec[];
  /** The grid's area on the sheet, e.g. "A4:J30". */
  range: string;
}

export interface MetricSheetOptions extends PresentOptions {
  /** Sheet name (already unique). */
  name: string;
  /** Title line; default the metric's name. */
  title?: string;
  /** Provenance line under the title (e.g. mxComputedFrom). */
  note?: string;
}

/** Number formats used (exported so tests and the xlsx check read the same codes). */
export const FORMATS = {
  date: "yyyy-mm-dd",
  month: "yyyy-mm",
  whole: "#,##0",
  share: "0.0%",
  money: "#,##0.00",
  days: "0.0",
} as const;

/** Heat-map: Excel's white → green scale; data bars: the OpsKit blue. */
export const HEAT_MAP = { low: "#FFFFFF", high: "#63BE7B" } as const;
export const DATA_BAR_COLOR = "#5B9BD5";
/** Cohort lines, oldest (light) to latest (dark), then All in the accent colour. */
const CURVE_RAMP = ["#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B"];
const ALL_COLOR = "#C55A11";

const CHART_W = 9;
const CHART_H = 16;

const tx = (locale: Locale, key: MessageKey, params?: MessageParams) => tIn(locale, key, params);

/** Title of a metric (also the default sheet name). */
export function metricTitle(metric: MetricKind, locale: Locale): string {
  const key: Record<MetricKind, MessageKey> = {
    retention: "mxTitleRetention",
    funnel: "mxTitleFunnel",
    payrate: "mxTitlePayrate",
    tier: "mxTitleTier",
    renewal: "mxTitleRenewal",
  };
  return tx(locale, key[metric]);
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function cellOf(value: CellOut | undefined, numberFormat: string | undefined, style: StyleToken | undefined, valuesToo: boolean): CellSpec | null {
  const out: CellSpec = {};
  if (valuesToo && value !== undefined && value !== "") out.value = typeof value === "object" ? String((value as { code?: string }).code ?? "") : value;
  if (numberFormat) out.numberFormat = numberFormat;
  if (style) out.style = style;
  return Object.keys(out).length > 0 ? out : null;
}

function curveColors(count: number): string[] {
  // Spread the ramp over `count` cohorts, the latest darkest.
  return Array.from({ length: count }, (_, i) => CURVE_RAMP[Math.min(CURVE_RAMP.length - 1, Math.round((i * (CURVE_RAMP.length - 1)) / Math.max(1, count - 1)))]!);
}

/** Per column: number format of the data rows. */
function columnFormats(result: MetricResult): (width: number, col: number, rowValues: readonly CellOut[]) => string | undefined {
  const g = result.grid;
  switch (result.metric) {
    case "retention":
    case "renewal": {
      const base = result.metric === "renewal" ? 3 : 2;
      const dated = g.slice(1).some((row) => isNum(row[0]));
      return (_w, col) =>
        col === 0 ? (dated ? (result.period === "month" ? FORMATS.month : FORMATS.date) : undefined) : col === 1 ? FORMATS.whole : col === 2 && base === 3 ? FORMATS.money : FORMATS.share;
    }
    case "funnel": {
      // With segments (7 columns) a Segment column comes first.
      const shift = (g[0]?.length ?? 0) >= 7 ? 1 : 0;
      return (_w, col) => [undefined, FORMATS.whole, FORMATS.share, FORMATS.share, FORMATS.whole, FORMATS.days][col - shift];
    }
    case "tier":
      return (_w, col) => (col === 1 ? FORMATS.whole : undefined);
    case "payrate":
      return () => (result.measure === "arpu" || result.measure === "arppu" ? FORMATS.money : result.measure === "payers" ? FORMATS.whole : FORMATS.share);
  }
}

/** The presented grid at `anchor`, with its heat-map, data bars and charts. */
export function presentMetric(result: MetricResult, options: PresentOptions): Presentation {
  const locale = options.locale;
  const anchor = parseA1(options.anchor ?? "A4");
  const valuesToo = (options.cells ?? "values") === "values";
  if (result.metric === "payrate") return presentPayrate(result, locale, anchor, valuesToo);

  const grid = result.grid;
  const header = grid[0] ?? [];
  const width = Math.max(header.length, ...grid.map((r) => r.length));
  const height = grid.length;
  const fmt = columnFormats(result);
  const lastIsAll = (result.metric === "retention" || result.metric === "renewal") && height > 1;
  const rows: (CellSpec | null)[][] = grid.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      if (r === 0) return cellOf(row[c], undefined, "header", valuesToo);
      const style: StyleToken | undefined = lastIsAll && r === height - 1 ? "total" : undefined;
      return cellOf(row[c], fmt(width, c, row), style, valuesToo);
    }),
  );
  const top = anchor.row;
  const left = anchor.col;
  const range = rangeA1(top, left, top + Math.max(0, height - 1), left + Math.max(0, width - 1));
  const out: Presentation = {
    blocks: [{ anchor: a1(top, left), rows }],
    colorScales: [],
    dataBars: [],
    charts: [],
    columns: Array.from({ length: width }, (_, c) => ({ index: left + c, width: c === 0 ? 14 : 12 })),
    range,
  };
  if (height < 2) return out;
  const chartCol = left + width + 1;
  const wantCharts = options.charts ?? true;

  if (result.metric === "retention" || result.metric === "renewal") {
    const base = result.metric === "renewal" ? 3 : 2;
    const cohortRows = lastIsAll ? height - 2 : height - 1; // rows 1..cohortRows are cohorts (or segments)
    const shareCols = width - base;
    if (shareCols > 0 && cohortRows > 0) {
      out.colorScales.push({
        range: rangeA1(top + 1, left + base, top + cohortRows, left + width - 1),
        min: { type: "number", value: 0, color: HEAT_MAP.low },
        max: { type: "highest", color: HEAT_MAP.high },
      });
    }
    if (wantCharts && shareCols > 0) {
      const dated = grid.slice(1).some((row) => isNum(row[0]));
      const label = (r: number): string => {
        const v = grid[r]?.[0];
        if (isNum(v)) return result.period === "month" ? isoOfSerial(v).slice(0, 7) : isoOfSerial(v);
        return String(v ?? "");
      };
      const maxCurves = options.maxCurves ?? 12;
      const firstCurve = Math.max(1, cohortRows - maxCurves + 1);
      const curveRows = [];
      for (let r = firstCurve; r <= cohortRows; r++) curveRows.push(r);
      const series = curveRows.map((r) => ({ name: label(r), values: rangeA1(top + r, left + base, top + r, left + width - 1) }));
      if (lastIsAll) series.push({ name: label(height - 1), values: rangeA1(top + height - 1, left + base, top + height - 1, left + width - 1) });
      out.charts.push({
        kind: "line",
        title: tx(locale, result.metric === "renewal" ? "mxChartRenewalCurves" : "mxChartRetentionCurves"),
        categories: rangeA1(top, left + base, top, left + width - 1),
        columns: series,
        axisTitles: { category: tx(locale, "mxAxisPeriodsSince"), value: tx(locale, "mxAxisShare") },
        valueFormat: "0%",
        seriesColors: [...curveColors(curveRows.length), ...(lastIsAll ? [ALL_COLOR] : [])],
        anchor: a1(top, chartCol),
        widthCells: CHART_W,
        heightCells: CHART_H,
      });
      if (cohortRows > 0) {
        const firstHeader = String(header[base] ?? "");
        out.charts.push({
          kind: dated ? "line" : "column",
          title: tx(locale, dated ? "mxChartRetentionFirst" : "mxChartRetentionFirstSegment", { column: firstHeader }),
          categories: rangeA1(top + 1, left, top + cohortRows, left),
          columns: [{ name: firstHeader, values: rangeA1(top + 1, left + base, top + cohortRows, left + base) }],
          axisTitles: { category: tx(locale, dated ? "mxAxisCohort" : "mxAxisSegment"), value: tx(locale, "mxAxisShare") },
          valueFormat: "0%",
          ...(dated ? { categoryFormat: result.period === "month" ? FORMATS.month : FORMATS.date } : {}),
          anchor: a1(top + CHART_H + 1, chartCol),
          widthCells: CHART_W,
          heightCells: CHART_H,
        });
      }
    }
  } else if (result.metric === "funnel") {
    const rowsOut = height - 1;
    const shift = width >= 7 ? 1 : 0; // segmented: Segment | Step | Users | …, one block of steps per segment, then All
    if (width >= 4 + shift) {
      out.dataBars.push({ range: rangeA1(top + 1, left + 3 + shift, top + rowsOut, left + 3 + shift), color: DATA_BAR_COLOR, min: 0, max: 1 });
      out.dataBars.push({ range: rangeA1(top + 1, left + 2 + shift, top + rowsOut, left + 2 + shift), color: DATA_BAR_COLOR, min: 0, max: 1 });
    }
    // Steps per block: rows until the segment changes (all rows without segments).
    let steps = rowsOut;
    if (shift) for (let r = 2; r <= rowsOut; r++) if (grid[r]?.[0] !== grid[1]?.[0]) { steps = r - 1; break; }
    const blocks = Math.max(1, Math.floor(rowsOut / Math.max(1, steps)));
    if (wantCharts) {
      const series = shift
        ? Array.from({ length: Math.min(blocks, 13) }, (_, i) => {
            const b = blocks <= 13 ? i : blocks - 13 + i; // the last 12 segments and All
            return { name: String(grid[1 + b * steps]?.[0] ?? ""), values: rangeA1(top + 1 + b * steps, left + 2, top + (b + 1) * steps, left + 2) };
          })
        : [{ name: String(header[1] ?? ""), values: rangeA1(top + 1, left + 1, top + steps, left + 1) }];
      out.charts.push({
        kind: "bar",
        title: tx(locale, "mxChartFunnel"),
        categories: rangeA1(top + 1, left + shift, top + steps, left + shift),
        columns: series,
        axisTitles: { category: tx(locale, "mxAxisStep"), value: tx(locale, "mxAxisUsers") },
        anchor: a1(top, chartCol),
        widthCells: CHART_W,
        heightCells: CHART_H,
      });
    }
  } else if (result.metric === "tier") {
    // A summary beside the table: customers and share of value per tier, charted.
    const counts = new Map<string, { n: number; value: number }>();
    let total = 0;
    for (const row of grid.slice(1)) {
      const tierLabel = String(row[2] ?? "");
      const value = isNum(row[1]) ? row[1] : 0;
      const c = counts.get(tierLabel) ?? { n: 0, value: 0 };
      c.n++;
      c.value += value;
      counts.set(tierLabel, c);
      total += value;
    }
    const labels = [...counts.keys()].sort();
    const sumCol = left + width + 1;
    const summary: (CellSpec | null)[][] = [
      [{ value: tx(locale, "mxHeaderTier"), style: "header" }, { value: tx(locale, "mxHeaderCustomers"), style: "header" }, { value: tx(locale, "mxHeaderValueShare"), style: "header" }],
      ...labels.map((l) => [{ value: l }, { value: counts.get(l)!.n, numberFormat: FORMATS.whole }, { value: total ? counts.get(l)!.value / total : 0, numberFormat: FORMATS.share }]),
    ];
    out.blocks.push({ anchor: a1(top, sumCol), rows: summary });
    out.columns.push({ index: sumCol, width: 10 }, { index: sumCol + 1, width: 12 }, { index: sumCol + 2, width: 14 });
    out.dataBars.push({ range: rangeA1(top + 1, sumCol + 2, top + labels.length, sumCol + 2), color: DATA_BAR_COLOR, min: 0, max: 1 });
    if (wantCharts && labels.length > 0) {
      out.charts.push({
        kind: "column",
        title: tx(locale, "mxChartTier"),
        categories: rangeA1(top + 1, sumCol, top + labels.length, sumCol),
        columns: [{ name: tx(locale, "mxHeaderCustomers"), values: rangeA1(top + 1, sumCol + 1, top + labels.length, sumCol + 1) }],
        axisTitles: { category: tx(locale, "mxAxisTier"), value: tx(locale, "mxAxisCustomers") },
        anchor: a1(top + labels.length + 2, sumCol),
        widthCells: CHART_W,
        heightCells: CHART_H,
      });
    }
  }
  return out;
}

function presentPayrate(result: MetricResult, locale: Locale, anchor: { row: number; col: number }, valuesToo: boolean): Presentation {
  const value = result.grid[0]?.[0];
  const measureKey: Record<PayrateMeasureWord, MessageKey> = { rate: "mxMeasureRate", arpu: "mxMeasureArpu", arppu: "mxMeasureArppu", payers: "mxMeasurePayers" };
  const format = columnFormats(result)(1, 0, []);
  const rows: (CellSpec | null)[][] = [
    [{ value: tx(locale, "mxHeaderMeasure"), style: "header" }, { value: tx(locale, "mxHeaderValue"), style: "header" }],
    [{ value: tx(locale, measureKey[result.measure ?? "rate"]) }, cellOf(value, format, "total", valuesToo)],
  ];
  return {
    blocks: [{ anchor: a1(anchor.row, anchor.col), rows }],
    colorScales: [],
    dataBars: [],
    charts: [],
    columns: [{ index: anchor.col, width: 26 }, { index: anchor.col + 1, width: 14 }],
    range: rangeA1(anchor.row, anchor.col, anchor.row + 1, anchor.col + 1),
  };
}

/** A whole result sheet: title, provenance note, then the presented grid from A4. */
export function metricSheet(result: MetricResult, options: MetricSheetOptions): SheetSpec {
  const p = presentMetric(result, { ...options, anchor: options.anchor ?? "A4" });
  const title = options.title ?? metricTitle(result.metric, options.locale);
  const head: BlockSpec = {
    anchor: "A1",
    rows: [[{ value: title, style: "title" }], ...(options.note ? [[{ value: options.note, style: "note" } as CellSpec]] : [])],
  };
  const firstRow = parseA1(options.anchor ?? "A4").row;
  return {
    kind: `metric-${result.metric}`,
    name: options.name,
    blocks: [head, ...p.blocks],
    columns: p.columns,
    freeze: { rows: firstRow + 1, columns: 1 },
    ...(p.colorScales.length ? { colorScales: p.colorScales } : {}),
    ...(p.dataBars.length ? { dataBars: p.dataBars } : {}),
    ...(p.charts.length ? { charts: p.charts } : {}),
  };
}

/** The provenance line of a computed sheet ("Computed from Events, 812,344 rows, 2026-12-03 14:05 — refresh in the OpsKit pane"). */
export function provenanceNote(locale: Locale, source: string, rows: number, when: string): string {
  return tx(locale, "mxComputedFrom", { source, rows: new Intl.NumberFormat(locale).format(rows), when });
}
