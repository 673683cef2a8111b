/**
 * Freezing OPS.* formulas to values for recipients without the add-in, and
 * putting them back. Pure core: the spec variant is used for files written
 * without Excel (the demo's shared workbook); the pane does the same in the
 * open workbook with Excel's own results (src/excel/sharing.ts) and shares
 * the hidden sheet layout and the restore plan below.
 *
 * freezeOpsFormulas(spec, { frozenAt, evaluate }) returns a new spec where
 * every cell whose formula calls OPS.* — and the area its result spills
 * into — holds the values instead; the anchor keeps its number format and
 * style. A whole-call error freezes as its code in text ("#DIV/0!"), so the
 * shared file holds no error cell (it still tells the reader what the live
 * cell showed). Formulas the evaluator cannot compute are left live and
 * listed in `skipped` (the dependency scan then still reports them).
 *
 * The original formulas go to a hidden sheet (formulasSheet.ts: kind
 * "opsFormulas", always named OPS_FORMULAS_SHEET so the pane finds it in any
 * language): one row per formula with sheet, cell, formula (as text), spill
 * size and the date, plus optionally where the "values frozen on …" note is
 * (on the Overview), which a restore clears. Freezing a workbook that already
 * has the sheet appends to it.
 */
import type { Locale } from "../i18n";
import type { CellOut } from "../errors";
import { a1, parseA1, parseRange } from "../tablespec/a1";
import type { BlockSpec, CellSpec, SheetSpec, WorkbookSpec } from "../tablespec/types";
import { cellKey, isFormulaCell, keyCol, keyRow, sheetCells } from "./cells";
import { usesOps } from "./formulaText";
import { opsEvaluator, type EvalResult } from "./evaluateOps";
import {
  OPS_FORMULAS_KIND,
  OPS_FORMULAS_SHEET,
  frozenValue,
  opsFormulasSheet,
  previousRecords,
  readFormulaRecords,
  restorePlan,
  type CellLocation,
  type FormulaCellRef,
  type FormulaRecord,
  type FormulaSheetRead,
} from "./formulasSheet";

export * from "./formulasSheet";

export type Evaluate = (cell: FormulaCellRef) => EvalResult;

export interface FreezeOptions {
  /** ISO date (YYYY-MM-DD) the values are frozen, shown on the Overview and kept with the formulas. */
  frozenAt: string;
  /** Computes an OPS formula; default: opsEvaluator over the spec itself. */
  evaluate?: Evaluate;
  /** Language of the hidden sheet's texts (default en). */
  locale?: Locale;
  /** The cell holding the "values frozen" note, cleared by a restore. */
  noteCell?: CellLocation;
}

export interface SkippedFormula extends FormulaCellRef {
  reason: string;
}

export interface FreezeResult {
  workbook: WorkbookSpec;
  /** What was frozen, in workbook order (also the rows of the hidden sheet). */
  frozen: FormulaRecord[];
  /** OPS formulas left live because they could not be evaluated. */
  skipped: SkippedFormula[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function valueCell(v: CellOut | undefined, base?: CellSpec): CellSpec | null {
  const value = frozenValue(v);
  const cell: CellSpec = {};
  if (value !== null) cell.value = value;
  if (base?.numberFormat) cell.numberFormat = base.numberFormat;
  if (base?.style) cell.style = base.style;
  return cell.value === undefined && cell.numberFormat === undefined && cell.style === undefined ? null : cell;
}

const formatOnly = (cell: CellSpec): CellSpec => ({
  ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
  ...(cell.style ? { style: cell.style } : {}),
});

/** Maps the blocks of a sheet cell by cell (null = leave empty); keeps the block structure. */
function mapBlocks(sheet: SheetSpec, fn: (row: number, col: number, cell: CellSpec | null) => CellSpec | null): BlockSpec[] {
  return sheet.blocks.map((block) => {
    const { row, col } = parseA1(block.anchor);
    return { anchor: block.anchor, rows: block.rows.map((cells, dr) => cells.map((cell, dc) => fn(row + dr, col + dc, cell))) };
  });
}

export function freezeOpsFormulas(spec: WorkbookSpec, options: FreezeOptions): FreezeResult {
  if (!ISO_DATE.test(options.frozenAt)) throw new Error(`frozenAt must be an ISO date YYYY-MM-DD (got "${options.frozenAt}")`);
  const locale = options.locale ?? "en";
  const evaluate: Evaluate =
    options.evaluate ??
    (() => {
      const ev = opsEvaluator(spec, { locale });
      return (cell: FormulaCellRef) => ev(cell.sheet, cell.formula);
    })();

  const frozen: FormulaRecord[] = [];
  const skipped: SkippedFormula[] = [];
  const previous = formulaRecordsOf(spec);
  // An older OpsKit's records: its copies recognised now, or the freeze refused (before any change).
  const earlier = previousRecords(previous, spec.sheets.map((s) => s.name), locale);
  const existingHidden = spec.sheets.find((s) => s.kind === OPS_FORMULAS_KIND);

  const sheets: SheetSpec[] = [];
  for (const sheet of spec.sheets) {
    if (sheet === existingHidden) continue;
    const cells = sheetCells(sheet);
    const anchors = [...cells]
      .filter(([, c]) => isFormulaCell(c) && usesOps(c.formula!))
      .sort((x, y) => x[0] - y[0]);
    if (anchors.length === 0) {
      sheets.push(sheet);
      continue;
    }
    // key → the frozen cell; areas to blank in the original blocks.
    const replaced = new Map<number, CellSpec | null>();
    const spillBlocks: BlockSpec[] = [];
    for (const [key, cell] of anchors) {
      const row = keyRow(key);
      const col = keyCol(key);
      const ref: FormulaCellRef = { sheet: sheet.name, address: a1(row, col), formula: cell.formula! };
      const result = evaluate(ref);
      if (result.kind === "unsupported") {
        skipped.push({ ...ref, reason: result.reason });
        continue;
      }
      const grid = result.kind === "error" ? [[result.error]] : result.grid;
      const rows = Math.max(grid.length, 1);
      const cols = Math.max(1, ...grid.map((r) => r.length));
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) replaced.set(cellKey(row + r, col + c), r === 0 && c === 0 ? valueCell(grid[0]?.[0], cell) : null);
      if (rows > 1 || cols > 1) {
        const blockRows: (CellSpec | null)[][] = [];
        for (let r = 0; r < rows; r++) {
          const out: (CellSpec | null)[] = [];
          // A spill cell keeps the format and style the sheet gives it (dates, percentages of a presented grid).
          for (let c = 0; c < cols; c++) out.push(r === 0 && c === 0 ? null : valueCell(grid[r]?.[c], cells.get(cellKey(row + r, col + c))));
          blockRows.push(out);
        }
        spillBlocks.push({ anchor: ref.address, rows: blockRows });
      }
      frozen.push({ ...ref, rows, cols, frozenAt: options.frozenAt });
    }
    if (replaced.size === 0) {
      sheets.push(sheet);
      continue;
    }
    const blocks = mapBlocks(sheet, (r, c, cell) => {
      const key = cellKey(r, c);
      return replaced.has(key) ? replaced.get(key)! : cell;
    });
    sheets.push({ ...sheet, blocks: [...blocks, ...spillBlocks] });
  }

  const records = [...earlier, ...frozen];
  const noteCell = options.noteCell ?? previous.noteCell;
  if (records.length > 0) sheets.push(opsFormulasSheet(records, locale, noteCell));
  return { workbook: { ...spec, sheets }, frozen, skipped };
}

/** The records of the hidden sheet of a spec (none when the spec has no such sheet). */
export function formulaRecordsOf(spec: WorkbookSpec): FormulaSheetRead {
  const sheet = spec.sheets.find((s) => s.kind === OPS_FORMULAS_KIND || s.name === OPS_FORMULAS_SHEET);
  if (!sheet) return { records: [] };
  const cells = sheetCells(sheet);
  let height = 0;
  let width = 0;
  for (const key of cells.keys()) {
    height = Math.max(height, keyRow(key) + 1);
    width = Math.max(width, keyCol(key) + 1);
  }
  const values: unknown[][] = [];
  for (let r = 0; r < height; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < width; c++) row.push(cells.get(cellKey(r, c))?.value ?? "");
    values.push(row);
  }
  return readFormulaRecords(values);
}

/**
 * The spec with the original formulas back: each frozen area emptied, the
 * formula in its anchor (keeping the anchor's format and style), the note
 * cell cleared and the hidden sheet removed; sheets that a freeze in copies
 * made (records with `copyOf`) are removed, their originals left as they
 * are. restore(freeze(spec)) has the same cells as spec. A hidden sheet of
 * an older OpsKit (no column G) has its copies recognised by their names;
 * when a record cannot be told (restorePlan's `undecided`), the spec is
 * returned unchanged.
 */
export function restoreOpsFormulas(spec: WorkbookSpec): WorkbookSpec {
  const { records, noteCell, legacy } = formulaRecordsOf(spec);
  const names = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  // A copy the freeze made ("Metrics (values)") goes; its original kept its formulas.
  const plan = restorePlan(records, (name) => names.has(name.toLowerCase()), legacy ? { sheetNames: spec.sheets.map((s) => s.name) } : undefined);
  if (plan.undecided.length > 0) return spec;
  const deleted = new Set(plan.deleteSheets.map((n) => n.toLowerCase()));
  const bySheet = new Map<string, FormulaRecord[]>();
  for (const r of plan.restored) {
    const key = r.sheet.toLowerCase();
    bySheet.set(key, [...(bySheet.get(key) ?? []), r]);
  }
  const sheets = spec.sheets
    .filter((s) => s.kind !== OPS_FORMULAS_KIND && s.name !== OPS_FORMULAS_SHEET && !deleted.has(s.name.toLowerCase()))
    .map((sheet) => {
      const mine = bySheet.get(sheet.name.toLowerCase()) ?? [];
      const note = noteCell && noteCell.sheet.toLowerCase() === sheet.name.toLowerCase() ? parseRange(noteCell.address) : undefined;
      if (mine.length === 0 && !note) return sheet;
      const anchors = new Map<number, string>();
      const cleared = new Set<number>();
      for (const r of mine) {
        const { row, col } = parseA1(r.address);
        anchors.set(cellKey(row, col), r.formula);
        for (let dr = 0; dr < r.rows; dr++) for (let dc = 0; dc < r.cols; dc++) cleared.add(cellKey(row + dr, col + dc));
      }
      const inNote = (r: number, c: number) => !!note && r >= note.row1 && r <= note.row2 && c >= note.col1 && c <= note.col2;
      const kept = new Map<number, CellSpec>(); // the frozen anchors' format and style
      const blocks = mapBlocks(sheet, (r, c, cell) => {
        const key = cellKey(r, c);
        if (inNote(r, c)) return null;
        if (!cleared.has(key)) return cell;
        if (cell && anchors.has(key)) kept.set(key, cell);
        // The spill area keeps its formats, without the frozen values.
        return cell && !anchors.has(key) && (cell.numberFormat || cell.style) ? formatOnly(cell) : null;
      }).filter((b) => b.rows.some((row) => row.some((c) => c !== null)));
      for (const [key, formula] of anchors) {
        const base = kept.get(key);
        const out: CellSpec = { formula };
        if (base?.numberFormat) out.numberFormat = base.numberFormat;
        if (base?.style) out.style = base.style;
        blocks.push({ anchor: a1(keyRow(key), keyCol(key)), rows: [[out]] });
      }
      return { ...sheet, blocks };
    });
  return { ...spec, sheets };
}
