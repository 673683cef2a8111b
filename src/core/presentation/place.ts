/**
 * A metric result written at a chosen place of an existing sheet instead of
 * a sheet of its own: the same block a result sheet has (title, provenance
 * line, the presented grid with its formats, heat-map, data bars, and the
 * charts beside it), with its top-left at the chosen cell. Pure: says what
 * to write and which cells it covers, so the host can check them for user
 * content first (and a live formula's spill area for anything that would
 * make Excel show #SPILL!), and refuses a block that would pass Excel's grid
 * (last row 1,048,576, last column XFD).
 *
 * Layout, relative to the chosen cell (as on a result sheet from A1):
 *   row 0  title            row 1  provenance line
 *   row 3  the grid (header row first); charts beside it, from one column
 *          right of the grid, each widthCells × heightCells cells.
 */
import type { Locale } from "../i18n";
import { a1, columnIndex, parseRange, rangeA1 } from "../tablespec/a1";
import type { BlockSpec, CellSpec, ChartSpec, SheetSpec } from "../tablespec/types";
import { metricTitle, presentMetric, type MetricResult } from "./index";

/** Excel's grid: 1,048,576 rows, 16,384 columns (A..XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** Rows from the chosen cell to the grid's header row (title, provenance line, one blank row). */
export const GRID_OFFSET_ROWS = 3;

/** A chosen place: a sheet and the top-left cell ("B4", no $). */
export interface Place {
  sheet: string;
  cell: string;
}

/** A rectangle of cells, 0-based, inclusive. */
export interface Rect {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * "Report!B4", "'My report'!$B$4", "B4" (the active sheet) or a range
 * ("Report!B4:D9", its top-left cell) → a place; null when it is not a cell
 * address or names a cell outside Excel's grid. `activeSheet` fills a missing sheet.
 */
export function parsePlace(text: string, activeSheet = ""): Place | null {
  const trimmed = text.trim();
  const bang = trimmed.lastIndexOf("!");
  let sheet = bang < 0 ? activeSheet : trimmed.slice(0, bang);
  if (bang >= 0 && sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 2) return null;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  if (sheet.trim() === "") return null;
  const first = (bang < 0 ? trimmed : trimmed.slice(bang + 1)).split(":")[0]!;
  const m = CELL.exec(first);
  if (!m) return null;
  const col = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= EXCEL_ROWS || col >= EXCEL_COLUMNS) return null;
  return { sheet, cell: a1(row, col) };
}

export const rectOf = (range: string): Rect => parseRange(range);
export const rectAddress = (r: Rect): string => (r.row1 === r.row2 && r.col1 === r.col2 ? a1(r.row1, r.col1) : rangeA1(r.row1, r.col1, r.row2, r.col2));

/** The smallest rectangle holding all of them. */
export function boundingRect(rects: readonly Rect[]): Rect {
  return rects.reduce((b, r) => ({ row1: Math.min(b.row1, r.row1), col1: Math.min(b.col1, r.col1), row2: Math.max(b.row2, r.row2), col2: Math.max(b.col2, r.col2) }));
}

/** The parts of `a` outside `b` (at most four rectangles). */
export function rectMinus(a: Rect, b: Rect): Rect[] {
  const row1 = Math.max(a.row1, b.row1);
  const row2 = Math.min(a.row2, b.row2);
  const col1 = Math.max(a.col1, b.col1);
  const col2 = Math.min(a.col2, b.col2);
  if (row1 > row2 || col1 > col2) return [a];
  const out: Rect[] = [];
  if (a.row1 < row1) out.push({ row1: a.row1, col1: a.col1, row2: row1 - 1, col2: a.col2 });
  if (row2 < a.row2) out.push({ row1: row2 + 1, col1: a.col1, row2: a.row2, col2: a.col2 });
  if (a.col1 < col1) out.push({ row1, col1: a.col1, row2, col2: col1 - 1 });
  if (col2 < a.col2) out.push({ row1, col1: col2 + 1, row2, col2: a.col2 });
  return out;
}

export const overlaps = (a: Rect, b: Rect): boolean => a.row1 <= b.row2 && b.row1 <= a.row2 && a.col1 <= b.col2 && b.col1 <= a.col2;

export interface PlaceOptions {
  locale: Locale;
  /** Title line (default the metric's name). */
  title?: string;
  /** Provenance line under the title. */
  note: string;
  /** A live formula written at the grid's top-left (the grid then carries formats only). */
  formula?: string;
  /** Names the charts (`${chartPrefix} 1`, `… 2`), so a rewrite finds and replaces them. */
  chartPrefix: string;
}

/** What a block at a chosen place writes and covers. */
export interface PlacedBlock {
  /** A SheetSpec for the existing sheet (name = the place's sheet): blocks, formats, rules, charts; no freeze, no tab settings. */
  spec: SheetSpec;
  /** Cells the block writes (title, note, grid, summaries), one rectangle each. */
  cells: string[];
  /** The cells a live formula spills into (the grid), when there is a formula. */
  spill?: string;
  /** Cells under the charts. */
  charts: string[];
  /** Everything above, as one rectangle (cells and charts). */
  area: string;
}

/** A block that would pass Excel's last row or column. */
export interface PastTheGrid {
  pastTheGrid: true;
  /** The block's last cell as it would be (row and column 1-based, may be past 1,048,576 / 16,384). */
  lastRow: number;
  lastColumn: number;
}

function blockRect(block: BlockSpec): Rect {
  const { row1, col1 } = parseRange(block.anchor);
  const width = Math.max(1, ...block.rows.map((r) => r.length));
  return { row1, col1, row2: row1 + Math.max(1, block.rows.length) - 1, col2: col1 + width - 1 };
}

function chartRect(chart: ChartSpec): Rect {
  const { row1, col1 } = parseRange(chart.anchor);
  return { row1, col1, row2: row1 + chart.heightCells - 1, col2: col1 + chart.widthCells - 1 };
}

/**
 * Lays the block out at `place`. Refuses (PastTheGrid) when any of its cells
 * or charts would pass Excel's last row or column; nothing is computed past
 * the grid, so the caller can say by how much.
 */
export function placeMetric(result: MetricResult, place: Place, options: PlaceOptions): PlacedBlock | PastTheGrid {
  const origin = parseRange(place.cell);
  const top = origin.row1;
  const left = origin.col1;
  // The grid's size is known before laying anything out: refuse early (no addresses past XFD).
  const height = Math.max(1, result.grid.length);
  const width = Math.max(1, ...result.grid.map((r) => r.length));
  const gridTop = top + GRID_OFFSET_ROWS;
  if (gridTop + height - 1 >= EXCEL_ROWS || left + width - 1 >= EXCEL_COLUMNS) {
    return { pastTheGrid: true, lastRow: gridTop + height, lastColumn: left + width };
  }
  const p = presentMetric(result, { locale: options.locale, anchor: a1(gridTop, left), cells: options.formula ? "formatsOnly" : "values" });
  const head: BlockSpec = {
    anchor: a1(top, left),
    rows: [[{ value: options.title ?? metricTitle(result.metric, options.locale), style: "title" }], [{ value: options.note, style: "note" } as CellSpec]],
  };
  const blocks: BlockSpec[] = [head, ...p.blocks, ...(options.formula ? [{ anchor: a1(gridTop, left), rows: [[{ formula: options.formula }]] }] : [])];
  const charts = p.charts.map((c, i) => ({ ...c, name: `${options.chartPrefix} ${i + 1}` }));
  const cellRects = [head, ...p.blocks].map(blockRect);
  const chartRects = charts.map(chartRect);
  const all = boundingRect([...cellRects, ...chartRects]);
  if (all.row2 >= EXCEL_ROWS || all.col2 >= EXCEL_COLUMNS) return { pastTheGrid: true, lastRow: all.row2 + 1, lastColumn: all.col2 + 1 };
  const spec: SheetSpec = {
    kind: `metric-${result.metric}${options.formula ? "-live" : ""}-placed`,
    name: place.sheet,
    blocks,
    columns: p.columns,
    ...(p.colorScales.length ? { colorScales: p.colorScales } : {}),
    ...(p.dataBars.length ? { dataBars: p.dataBars } : {}),
    ...(charts.length ? { charts } : {}),
  };
  return {
    spec,
    cells: cellRects.map(rectAddress),
    ...(options.formula ? { spill: p.range } : {}),
    charts: chartRects.map(rectAddress),
    area: rectAddress(all),
  };
}

export const isPastTheGrid = (x: PlacedBlock | PastTheGrid): x is PastTheGrid => "pastTheGrid" in x;

/** Excel's name for a 1-based column number (16384 → XFD), for messages. */
export const columnName = (column: number): string => a1(0, column - 1).replace(/\d+$/, "");
