/**
 * Print settings for sharing, applied over the SheetSpecs the generators
 * made (pure: returns a new spec). On every visible sheet:
 *
 * - print area: the generator's own area, widened to cover its charts; a
 *   sheet without one gets its used extent (blocks and charts) — unless it
 *   holds a live OPS formula, whose spill the spec cannot show (then Excel
 *   prints its used range, spills included). Kinds listed
 *   in `sideBlocks` (default: tiering) also get every block: the tiering
 *   sheet's settings-and-summary block (J:P) and its Pareto chart (J13+)
 *   sit beside the customer table the generator's area covers.
 * - fit to one page wide (as many pages tall as needed), unless the sheet
 *   asks for one page (the Overview);
 * - orientation: the generator's, else landscape when the area is wider than
 *   LANDSCAPE_FROM characters of column width;
 * - repeated rows: the generator's, else the first row among the first ten
 *   with at least two header cells (the column headers of a table);
 * - header: the sheet name (&A); footer: "Page &P of &N" and the print date
 *   (&D), or "As of <date>" when `asOf` is given (e.g. the frozen date).
 *   An existing header or footer is kept.
 *
 * Hidden sheets are left alone.
 */
import { tIn, type Locale } from "../i18n";
import { parseA1, parseRange, rangeA1 } from "../tablespec/a1";
import type { PrintSpec, SheetSpec, WorkbookSpec } from "../tablespec/types";
import { forEachCell, unionRect, type Rect } from "../tablespec/walk";
import { specFormulaCells } from "./cells";
import { usesOps } from "./formulaText";

export interface PrintOptions {
  locale?: Locale;
  /** ISO date shown in the footer instead of the print date. */
  asOf?: string;
  /** Kinds whose every block goes into the print area (default ["tiering"]). */
  sideBlocks?: readonly string[];
}

export type { Rect };

/** Sheets wider than this (characters of column width) print landscape by default. */
export const LANDSCAPE_FROM = 100;
const DEFAULT_WIDTH = 8.43;

const union = unionRect;

/** The rectangle covered by the sheet's blocks (cells that are not null). */
export function blocksExtent(sheet: SheetSpec): Rect | null {
  let out: Rect | null = null;
  forEachCell(sheet, (row, col, cell) => {
    const span = Math.max(1, cell.mergeAcross ?? 1);
    out = union(out, { row1: row, col1: col, row2: row, col2: col + span - 1 });
  });
  return out;
}

/** The rectangle covered by the sheet's charts. */
export function chartsExtent(sheet: SheetSpec): Rect | null {
  let out: Rect | null = null;
  for (const chart of sheet.charts ?? []) {
    const { row, col } = parseA1(chart.anchor);
    out = union(out, { row1: row, col1: col, row2: row + Math.max(1, chart.heightCells) - 1, col2: col + Math.max(1, chart.widthCells) - 1 });
  }
  return out;
}

/** The print area a sheet gets (see the header). */
export function printArea(sheet: SheetSpec, sideBlocks: readonly string[] = ["tiering"]): string | undefined {
  const own = sheet.print?.area ? parseRange(sheet.print.area) : null;
  // A live OPS formula spills beyond its cell, which the spec does not show: let Excel print the used range.
  if (!own && specFormulaCells({ sheets: [sheet] }).some((c) => usesOps(c.formula))) return undefined;
  let area: Rect | null = own;
  if (!own || sideBlocks.includes(sheet.kind)) area = union(area, blocksExtent(sheet));
  area = union(area, chartsExtent(sheet));
  if (!area) return undefined;
  return rangeA1(area.row1, area.col1, area.row2, area.col2);
}

function areaWidth(sheet: SheetSpec, area: Rect): number {
  const widths = new Map((sheet.columns ?? []).map((c) => [c.index, c.hidden ? 0 : (c.width ?? DEFAULT_WIDTH)]));
  let total = 0;
  for (let c = area.col1; c <= area.col2; c++) total += widths.get(c) ?? DEFAULT_WIDTH;
  return total;
}

/** "4:4" of the first header row (≥ 2 header cells) among the first ten rows, if any. */
function headerRows(sheet: SheetSpec): string | undefined {
  let best: number | undefined;
  for (const block of sheet.blocks) {
    const { row } = parseA1(block.anchor);
    block.rows.forEach((cells, dr) => {
      const r = row + dr;
      if (r >= 10 || (best !== undefined && r >= best)) return;
      if (cells.filter((c) => c?.style === "header").length >= 2) best = r;
    });
  }
  return best === undefined ? undefined : `${best + 1}:${best + 1}`;
}

export function sheetPrintSettings(sheet: SheetSpec, options: PrintOptions = {}): PrintSpec {
  const locale = options.locale ?? "en";
  const own = sheet.print ?? {};
  const areaText = printArea(sheet, options.sideBlocks);
  const area = areaText ? parseRange(areaText) : null;
  const print: PrintSpec = { ...own };
  if (areaText) print.area = areaText;
  if (!print.onePage) print.fitToWidth = true;
  if (!print.orientation) print.orientation = area && areaWidth(sheet, area) > LANDSCAPE_FROM ? "landscape" : "portrait";
  if (!print.repeatRows && !print.onePage) {
    const rows = headerRows(sheet);
    if (rows) print.repeatRows = rows;
  }
  if (print.header === undefined) print.header = "&A";
  if (print.footer === undefined) {
    const when = options.asOf !== undefined ? tIn(locale, "sharePrintAsOf", { date: options.asOf }) : tIn(locale, "sharePrintDate");
    print.footer = `${tIn(locale, "sharePrintFooter")}    ${when}`;
  }
  return print;
}

/** Print settings on every visible sheet of the spec (a new spec; the input is not changed). */
export function withPrintSettings(spec: WorkbookSpec, options: PrintOptions = {}): WorkbookSpec {
  return {
    ...spec,
    sheets: spec.sheets.map((sheet) => (sheet.hidden ? sheet : { ...sheet, print: sheetPrintSettings(sheet, options) })),
  };
}
