/**
 * "Prepare for sharing" in the open workbook (Office.js): scan what depends
 * on the add-in, freeze OPS.* results to values (Excel has computed them: we
 * read its values, spills included, so any OPS formula can be frozen, nested
 * ones too), keep the original formulas in the hidden sheet, and restore them
 * with one click. The logic and the hidden sheet's layout are the core's
 * (src/core/sharing); this file only reads and writes. No Excel.run here: the
 * caller owns the context (see host.ts).
 *
 * Sync budget, whatever the number of sheets, cells or rows:
 *   scan     3 syncs: sheet names · every sheet's used-range formulas (one
 *            load each, all in one sync) · the spill ranges of the OPS cells
 *   freeze   4 syncs: the same three (the third also reads the values) ·
 *            one batch writing the values, the copies and the hidden sheet
 *   restore  2 syncs: the hidden sheet's values and the sheet names · one
 *            batch clearing the frozen areas, writing the formulas back,
 *            deleting the value copies a freeze in copies made, clearing
 *            the note and deleting the hidden sheet
 *
 * Restore undoes exactly what Freeze did (restorePlan in the core): in place,
 * the formulas go back; in copies, the copies go and the originals, which
 * kept their live formulas, are not written to. A hidden sheet of an older
 * OpsKit (no "Copy of" column) has its copies recognised by their names
 * (resolveLegacyRecords); when a record cannot be told, Restore takes 1
 * sync (the read), changes nothing and returns those sheets as `undecided`.
 *
 * Needs ExcelApi 1.12 (Range.getSpillingToRangeOrNullObject); copying
 * sheets needs 1.10 (Worksheet.copy).
 */
import { a1, parseA1, rangeA1 } from "../core/tablespec/a1";
import type { Locale } from "../core/i18n";
import { uniqueSheetName } from "../core/tablespec/sheetNames";
import { usesOps } from "../core/sharing/formulaText";
import { scanFormulaCells, type DependencyReport, type FormulaCell } from "../core/sharing/scan";
import {
  OPS_FORMULAS_SHEET,
  opsFormulasSheet,
  previousRecords,
  readFormulaRecords,
  restorePlan,
  undecidedSheets,
  type CellLocation,
  type FormulaRecord,
} from "../core/sharing/formulasSheet";
import { blockArrays, needsTextPrefix } from "./layout";

export const SHARING_REQUIREMENT = { set: "ExcelApi", version: "1.12" } as const;

interface SheetRead {
  name: string;
  visible: boolean;
  /** Formulas (or, for the hidden formulas sheet, values) of the used range, from its top-left. */
  grid: unknown[][];
  row0: number;
  col0: number;
}

/** "Sheet1!B2:D9" / "'My sheet'!B2" → 0-based top-left of the range. */
function topLeft(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  return parseA1(local.split(":")[0]!);
}

const localAddress = (address: string): string => address.slice(address.lastIndexOf("!") + 1);

/** Sync 1: the sheets; sync 2: every sheet's used-range formulas (values for the hidden formulas sheet). */
async function readSheets(context: Excel.RequestContext): Promise<SheetRead[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const items = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject();
    if (ws.name === OPS_FORMULAS_SHEET) used.load("address,values");
    else used.load("address,formulas");
    return { ws, used };
  });
  await context.sync();
  return items.map(({ ws, used }) => {
    if (used.isNullObject) return { name: ws.name, visible: ws.visibility === "Visible", grid: [], row0: 0, col0: 0 };
    const { row, col } = topLeft(used.address);
    const grid = (ws.name === OPS_FORMULAS_SHEET ? used.values : used.formulas) as unknown[][];
    return { name: ws.name, visible: ws.visibility === "Visible", grid, row0: row, col0: col };
  });
}

/** Every formula cell of the sheets (the hidden formulas sheet excluded: it holds formulas as text). */
function formulaCells(sheets: readonly SheetRead[]): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const s of sheets) {
    if (s.name === OPS_FORMULAS_SHEET) continue;
    s.grid.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f === "string" && f.startsWith("=")) out.push({ sheet: s.name, address: a1(s.row0 + r, s.col0 + c), formula: f });
      }),
    );
  }
  return out;
}

interface OpsRead {
  cell: FormulaCell;
  /** Local address of the area holding the result (the spill, or the cell). */
  area: string;
  rows: number;
  cols: number;
  values: unknown[][];
  types: string[][];
}

/** Sync 3: for each OPS cell, its spill range (or the cell itself) with values and value types. */
async function readOpsResults(context: Excel.RequestContext, cells: readonly FormulaCell[], withValues: boolean): Promise<OpsRead[]> {
  const wb = context.workbook;
  const queued = cells.map((cell) => {
    const anchor = wb.worksheets.getItem(cell.sheet).getRange(cell.address);
    const spill = anchor.getSpillingToRangeOrNullObject();
    if (withValues) {
      spill.load("address,rowCount,columnCount,values,valueTypes");
      anchor.load("values,valueTypes");
    } else spill.load("address,rowCount,columnCount");
    return { cell, anchor, spill };
  });
  if (queued.length === 0) return [];
  await context.sync();
  return queued.map(({ cell, anchor, spill }) => {
    if (!spill.isNullObject) {
      return {
        cell,
        area: localAddress(spill.address),
        rows: spill.rowCount,
        cols: spill.columnCount,
        values: withValues ? (spill.values as unknown[][]) : [],
        types: withValues ? (spill.valueTypes as string[][]) : [],
      };
    }
    return {
      cell,
      area: cell.address,
      rows: 1,
      cols: 1,
      values: withValues ? (anchor.values as unknown[][]) : [],
      types: withValues ? (anchor.valueTypes as string[][]) : [],
    };
  });
}

/** Lists what depends on the add-in (3 syncs). */
export async function scanWorkbook(context: Excel.RequestContext, locale: Locale = "en"): Promise<DependencyReport> {
  const sheets = await readSheets(context);
  const cells = formulaCells(sheets);
  const ops = await readOpsResults(context, cells.filter((c) => usesOps(c.formula)), false);
  const sizes = new Map(ops.map((o) => [`${o.cell.sheet}!${o.cell.address}`, { rows: o.rows, cols: o.cols }]));
  return scanFormulaCells(cells, { locale, spill: (c) => sizes.get(`${c.sheet}!${c.address}`) });
}

/** A value read from Excel as it is written back: text stays text, an error becomes its code as text. */
export function frozenInput(value: unknown, type: string | undefined): string | number | boolean {
  if (type === "Error") return `'${String(value)}`;
  if (typeof value === "string") return value !== "" && needsTextPrefix(value) ? `'${value}` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

export interface FreezeInExcelOptions {
  /** ISO date (YYYY-MM-DD). */
  frozenAt: string;
  locale?: Locale;
  /**
   * Freeze in copies: each sheet with OPS cells is copied ("Metrics (values)")
   * and the copy gets the values; the originals stay live. Default: in place.
   */
  copySheets?: boolean;
  /** The "values frozen" note's cell or range (e.g. on the Overview), cleared by a restore. */
  noteCell?: CellLocation;
}

export interface FreezeInExcelResult {
  frozen: FormulaRecord[];
  /** Sheet copies made (copySheets): original → copy. */
  copies: { from: string; to: string }[];
}

/** Freezes every OPS.* result to its value (4 syncs). */
export async function freezeWorkbook(context: Excel.RequestContext, options: FreezeInExcelOptions): Promise<FreezeInExcelResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.frozenAt)) throw new Error(`frozenAt must be an ISO date YYYY-MM-DD (got "${options.frozenAt}")`);
  const sheets = await readSheets(context);
  const cells = formulaCells(sheets).filter((c) => usesOps(c.formula));
  const results = await readOpsResults(context, cells, true);
  const hidden = sheets.find((s) => s.name === OPS_FORMULAS_SHEET);
  const previous = hidden ? readFormulaRecords(hidden.grid.map((r) => r)) : { records: [] as FormulaRecord[] };
  if (results.length === 0) return { frozen: [], copies: [] };
  // An older OpsKit's records: its copies recognised now (column G), or the freeze refused before any write.
  const earlier = previousRecords(previous, sheets.map((s) => s.name), options.locale);

  const wb = context.workbook;
  const ws = wb.worksheets;

  // Copies (copySheets): one per sheet with OPS cells, named "<name> (values)", right after the original.
  const target = new Map<string, string>();
  const copies: { from: string; to: string }[] = [];
  const taken = sheets.map((s) => s.name);
  for (const name of [...new Set(results.map((r) => r.cell.sheet))]) {
    if (!options.copySheets) {
      target.set(name, name);
      continue;
    }
    const copyName = uniqueSheetName(`${name} (values)`, taken);
    taken.push(copyName);
    const original = ws.getItem(name);
    const copy = original.copy("After", original);
    copy.name = copyName;
    target.set(name, copyName);
    copies.push({ from: name, to: copyName });
  }

  const frozen: FormulaRecord[] = [];
  for (const r of results) {
    const sheet = target.get(r.cell.sheet)!;
    const grid = r.values.map((row, i) => row.map((v, j) => frozenInput(v, r.types[i]?.[j])));
    ws.getItem(sheet).getRange(r.area).values = grid;
    const { row, col } = parseA1(r.cell.address);
    const area = parseA1(r.area.split(":")[0]!);
    // The spill starts at the anchor; keep the size from there.
    const rows = r.rows - (row - area.row);
    const cols = r.cols - (col - area.col);
    const record: FormulaRecord = { sheet, address: r.cell.address, formula: r.cell.formula, rows: Math.max(rows, 1), cols: Math.max(cols, 1), frozenAt: options.frozenAt };
    if (sheet !== r.cell.sheet) record.copyOf = r.cell.sheet;
    frozen.push(record);
  }

  // The hidden sheet: earlier records, then these.
  const spec = opsFormulasSheet([...earlier, ...frozen], options.locale ?? "en", options.noteCell ?? previous.noteCell);
  const sheet = hidden ? ws.getItem(OPS_FORMULAS_SHEET) : ws.add(OPS_FORMULAS_SHEET);
  if (hidden) sheet.getRange().clear("Contents");
  for (const block of spec.blocks) {
    const arrays = blockArrays(block);
    if (arrays) sheet.getRange(arrays.address).formulas = arrays.formulas as (string | number | boolean)[][];
  }
  sheet.visibility = "Hidden";
  await context.sync();
  return { frozen, copies };
}

export interface RestoreInExcelResult {
  /** Formulas written back (frozen in place). */
  restored: FormulaRecord[];
  /** Records frozen in place whose sheet no longer exists (left out). */
  missing: FormulaRecord[];
  /** The value copies a freeze in copies made, deleted. */
  removedCopies: string[];
  /**
   * Only when a legacy hidden sheet does not say whether these sheets are
   * value copies or were frozen in place: nothing was changed (the workbook,
   * the hidden sheet and the note are as they were).
   */
  undecided?: string[];
}

/** Undoes the freeze: formulas back in place, value copies deleted, hidden sheet removed (2 syncs). */
export async function restoreWorkbook(context: Excel.RequestContext): Promise<RestoreInExcelResult> {
  const ws = context.workbook.worksheets;
  ws.load("items/name");
  const hidden = ws.getItemOrNullObject(OPS_FORMULAS_SHEET);
  const used = hidden.getUsedRangeOrNullObject();
  used.load("address,values");
  await context.sync();
  if (hidden.isNullObject || used.isNullObject) return { restored: [], missing: [], removedCopies: [] };

  const { row: row0, col: col0 } = topLeft(used.address);
  // readFormulaRecords reads a grid from A1: pad when the used range starts lower or further right.
  const values = used.values as unknown[][];
  const grid: unknown[][] = [...Array.from({ length: row0 }, () => [] as unknown[]), ...values.map((r) => [...Array<unknown>(col0).fill(""), ...r])];
  const { records, noteCell, legacy } = readFormulaRecords(grid);
  const names = new Set(ws.items.map((s) => s.name.toLowerCase()));
  const plan = restorePlan(records, (name) => names.has(name.toLowerCase()), legacy ? { sheetNames: ws.items.map((s) => s.name) } : undefined);
  // An older freeze whose copies cannot be told: write nothing, delete nothing, keep the hidden sheet.
  if (plan.undecided.length > 0) return { restored: [], missing: [], removedCopies: [], undecided: undecidedSheets(plan.undecided) };

  for (const w of plan.writes) {
    const sheet = ws.getItem(w.sheet);
    sheet.getRange(w.clear).clear("Contents");
    sheet.getRange(w.address).formulas = [[w.formula]];
  }
  // The copies the freeze made go; their originals are not touched.
  for (const name of plan.deleteSheets) ws.getItem(name).delete();
  const gone = new Set(plan.deleteSheets.map((n) => n.toLowerCase()));
  if (noteCell && names.has(noteCell.sheet.toLowerCase()) && !gone.has(noteCell.sheet.toLowerCase()))
    ws.getItem(noteCell.sheet).getRange(noteCell.address).clear("All");
  hidden.delete();
  await context.sync();
  return { restored: plan.restored, missing: plan.missing, removedCopies: plan.deleteSheets };
}

/** The rectangle of a record, for callers that show it. */
export function recordArea(r: FormulaRecord): string {
  const { row, col } = parseA1(r.address);
  return r.rows === 1 && r.cols === 1 ? r.address : rangeA1(row, col, row + r.rows - 1, col + r.cols - 1);
}
