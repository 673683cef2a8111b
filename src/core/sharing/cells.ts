/**
 * The cells of a SheetSpec by position, as the adapters write them: blocks in
 * order, a later block's cell replacing an earlier one when it carries a
 * value or a formula (a later cell with only a style does not clear the
 * content, which is what both adapters do). Pure.
 */
import { a1 } from "../tablespec/a1";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../tablespec/types";
import { cellKey, forEachCell, keyCol, keyRow } from "../tablespec/walk";

/** row * 16384 + col (0-based): the one key of src/core/tablespec/walk.ts. */
export { cellKey, keyCol, keyRow };

export const hasContent = (cell: CellSpec | null | undefined): cell is CellSpec =>
  !!cell && ((cell.formula !== undefined && cell.formula !== "") || cell.value !== undefined);

export const isFormulaCell = (cell: CellSpec | null | undefined): cell is CellSpec & { formula: string } =>
  !!cell && cell.formula !== undefined && cell.formula !== "";

export function sheetCells(sheet: SheetSpec): Map<number, CellSpec> {
  const out = new Map<number, CellSpec>();
  forEachCell(sheet, (row, col, cell) => {
    const key = cellKey(row, col);
    if (hasContent(cell) || !out.has(key)) out.set(key, cell);
  });
  return out;
}

/** Every formula cell of a workbook spec, sheet by sheet in reading order. */
export function specFormulaCells(spec: WorkbookSpec): { sheet: string; address: string; formula: string }[] {
  const out: { sheet: string; address: string; formula: string }[] = [];
  for (const sheet of spec.sheets) {
    const cells = [...sheetCells(sheet)].filter(([, c]) => isFormulaCell(c)).sort((x, y) => x[0] - y[0]);
    for (const [key, cell] of cells) out.push({ sheet: sheet.name, address: a1(keyRow(key), keyCol(key)), formula: cell.formula! });
  }
  return out;
}

/** Finds a sheet by name, case-insensitively (as Excel compares sheet names). */
export function findSheet(spec: WorkbookSpec, name: string): SheetSpec | undefined {
  const lower = name.toLowerCase();
  return spec.sheets.find((s) => s.name.toLowerCase() === lower);
}
