/**
 * What every reader of a SheetSpec needs, written once: both writers
 * (src/xlsx/writeXlsx.ts with ExcelJS, src/excel/writeWorkbook.ts with
 * Office.js) and the sharing code (src/core/sharing) use it, so a new cell
 * feature is walked, keyed and laid out the same way everywhere. Pure.
 *
 *   forEachCell(sheet, (row, col, cell) => …)   every non-null cell, blocks in order (0-based)
 *   cellKey(row, col) / keyRow(key) / keyCol(key)  one number per cell: row * 16384 + col
 *   Rect, unionRect                              a rectangle of cells (0-based, inclusive)
 *   mergeAreas(sheet)                            the horizontal merges (mergeAcross > 1)
 *   orderedRules(rules)                          conditional formats in priority order
 *   titleRows("A4:K4") → "$4:$4"                 print-title rows as a row range
 *   decimalRule({ min, max })                    the operator and bounds of a decimal validation
 */
import { parseA1, parseRange } from "./a1";
import type { CellSpec, ConditionalFormatSpec, SheetSpec } from "./types";

/** Excel's column count: a sheet position as one number. */
export const COLUMNS = 16384;
export const cellKey = (row: number, col: number): number => row * COLUMNS + col;
export const keyRow = (key: number): number => Math.floor(key / COLUMNS);
export const keyCol = (key: number): number => key % COLUMNS;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

export const unionRect = (a: Rect | null, b: Rect | null): Rect | null =>
  !a ? b : !b ? a : { row1: Math.min(a.row1, b.row1), col1: Math.min(a.col1, b.col1), row2: Math.max(a.row2, b.row2), col2: Math.max(a.col2, b.col2) };

/** Calls `fn` for every non-null cell of the sheet's blocks, in block order (a later block's cell comes later). */
export function forEachCell(sheet: Pick<SheetSpec, "blocks">, fn: (row: number, col: number, cell: CellSpec) => void): void {
  for (const block of sheet.blocks) {
    const { row, col } = parseA1(block.anchor);
    block.rows.forEach((cells, dr) =>
      cells.forEach((cell, dc) => {
        if (cell) fn(row + dr, col + dc, cell);
      }),
    );
  }
}

/** Merged areas of the sheet: a cell with mergeAcross = n spans n columns (itself included). */
export function mergeAreas(sheet: Pick<SheetSpec, "blocks">): Rect[] {
  const out: Rect[] = [];
  forEachCell(sheet, (row, col, cell) => {
    const span = cell.mergeAcross ?? 1;
    if (span > 1) out.push({ row1: row, col1: col, row2: row, col2: col + span - 1 });
  });
  return out;
}

/** Rules in priority order (priority 1 first, then rules without priority in spec order). */
export function orderedRules(rules: readonly ConditionalFormatSpec[]): ConditionalFormatSpec[] {
  return rules
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => (a.rule.priority ?? Infinity) - (b.rule.priority ?? Infinity) || a.i - b.i)
    .map((x) => x.rule);
}

/** "1:3" / "$1:$3" / "A1:K3" → "$1:$3", the rows of a print title. */
export function titleRows(rows: string): string {
  if (/^\$?\d+:\$?\d+$/.test(rows.trim())) {
    const [a, b] = rows.replace(/\$/g, "").split(":");
    return `$${a}:$${b}`;
  }
  const r = parseRange(rows);
  return `$${r.row1 + 1}:$${r.row2 + 1}`;
}

/** The widest bounds a decimal validation without limits uses (Excel's own extremes). */
export const DECIMAL_EXTREMES = { min: -9.99e307, max: 9.99e307 } as const;

export type DecimalRule =
  | { operator: "between"; formula1: number; formula2: number }
  | { operator: "greaterThanOrEqual"; formula1: number }
  | { operator: "lessThanOrEqual"; formula1: number };

/** Both bounds → between; one → ≥ min or ≤ max; none → between Excel's extremes. */
export function decimalRule(v: { min?: number; max?: number }): DecimalRule {
  if (v.min !== undefined && v.max !== undefined) return { operator: "between", formula1: v.min, formula2: v.max };
  if (v.min !== undefined) return { operator: "greaterThanOrEqual", formula1: v.min };
  if (v.max !== undefined) return { operator: "lessThanOrEqual", formula1: v.max };
  return { operator: "between", formula1: DECIMAL_EXTREMES.min, formula2: DECIMAL_EXTREMES.max };
}
