/**
 * Pure helpers of the Office.js adapter: turn a SheetSpec into the 2-D arrays
 * and rectangles that are written in a handful of range operations. No Office
 * calls here, so all of it is unit-testable.
 */
import { a1, parseA1, parseRange, rangeA1 } from "../core/tablespec/a1";
import type { BlockSpec, CellSpec, CellValue, SheetSpec, StyleToken } from "../core/tablespec/types";
import { cellKey, forEachCell, mergeAreas, type Rect } from "../core/tablespec/walk";

export type { Rect };
export { mergeAreas };

export function rectAddress(r: Rect): string {
  return r.row1 === r.row2 && r.col1 === r.col2 ? a1(r.row1, r.col1) : rangeA1(r.row1, r.col1, r.row2, r.col2);
}

/** Number of columns of a block (rows may be ragged). */
export function blockWidth(block: BlockSpec): number {
  return block.rows.reduce((w, row) => Math.max(w, row.length), 0);
}

/**
 * Text Excel would not keep as text when typed (numbers, dates, percentages,
 * booleans, formulas, error codes) gets a leading apostrophe, Excel's "this is
 * text" prefix, which is not part of the value.
 */
const NOT_PLAIN_TEXT =
  /^\s*([=+\-@'.,(]|[0-9$€¥£#]|true\s*$|false\s*$|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d)/i;

export function needsTextPrefix(text: string): boolean {
  return NOT_PLAIN_TEXT.test(text);
}

/** The value written into `range.formulas` for one cell; null leaves the cell untouched. */
export function formulaInput(cell: CellSpec | null | undefined): CellValue | null {
  if (!cell) return null;
  if (cell.formula !== undefined && cell.formula !== "") {
    return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  }
  if (cell.value === undefined) return null;
  if (typeof cell.value === "string") return needsTextPrefix(cell.value) ? `'${cell.value}` : cell.value;
  if (typeof cell.value === "number" && !Number.isFinite(cell.value)) return null;
  return cell.value;
}

export interface BlockArrays {
  /** Range address of the whole block. */
  address: string;
  /** Constants and formulas together; null = leave empty. */
  formulas: (CellValue | null)[][];
  /** Number formats, or undefined when no cell of the block has one. */
  numberFormats?: (string | null)[][];
}

/** One block → the arrays written with a single `range.formulas` (and `range.numberFormat`) assignment. */
export function blockArrays(block: BlockSpec): BlockArrays | null {
  const width = blockWidth(block);
  const height = block.rows.length;
  if (width === 0 || height === 0) return null;
  const { row, col } = parseA1(block.anchor);
  let anyFormat = false;
  const formulas: (CellValue | null)[][] = new Array(height);
  const formats: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const src = block.rows[r] ?? [];
    const fRow: (CellValue | null)[] = new Array(width);
    const nRow: (string | null)[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = src[c];
      fRow[c] = formulaInput(cell);
      const nf = cell?.numberFormat;
      if (nf) anyFormat = true;
      nRow[c] = nf ?? null;
    }
    formulas[r] = fRow;
    formats[r] = nRow;
  }
  return {
    address: rectAddress({ row1: row, col1: col, row2: row + height - 1, col2: col + width - 1 }),
    formulas,
    numberFormats: anyFormat ? formats : undefined,
  };
}

/**
 * Greedy rectangle cover of a set of cells: runs per row, then runs with the
 * same columns on consecutive rows merge. A column of 5,000 styled cells is
 * one rectangle; a striped pattern stays a handful.
 */
export function rectangles(cells: Iterable<readonly [number, number]>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    let cols = byRow.get(r);
    if (!cols) byRow.set(r, (cols = []));
    cols.push(c);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  for (const r of rows) {
    const cols = [...new Set(byRow.get(r))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [c1, c2] of runs) {
      const key = `${c1}:${c2}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.row2 === r - 1) rect.row2 = r;
      else {
        if (rect) done.push(rect);
        open.set(key, { row1: r, col1: c1, row2: r, col2: c2 });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key) && rect.row2 < r) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.row1 - b.row1 || a.col1 - b.col1);
}

/** Each style token of the sheet → the rectangles it covers (later blocks win on overlap). */
export function styleRectangles(sheet: SheetSpec): Map<StyleToken, Rect[]> {
  const owner = new Map<number, { token: StyleToken; r: number; c: number }>();
  forEachCell(sheet, (r, c, cell) => {
    if (cell.style) owner.set(cellKey(r, c), { token: cell.style, r, c });
  });
  const byToken = new Map<StyleToken, [number, number][]>();
  for (const { token, r, c } of owner.values()) {
    let list = byToken.get(token);
    if (!list) byToken.set(token, (list = []));
    list.push([r, c]);
  }
  const out = new Map<StyleToken, Rect[]>();
  for (const [token, cells] of byToken) out.set(token, rectangles(cells));
  return out;
}

/** Consecutive columns with the same width / hidden flag → one range each ("C:E"). */
export function columnGroups(sheet: SheetSpec): { address: string; width?: number; hidden?: boolean }[] {
  const cols = [...(sheet.columns ?? [])].sort((a, b) => a.index - b.index);
  const groups: { first: number; last: number; width?: number; hidden?: boolean }[] = [];
  for (const c of cols) {
    const g = groups[groups.length - 1];
    if (g && g.last === c.index - 1 && g.width === c.width && g.hidden === c.hidden) g.last = c.index;
    else groups.push({ first: c.index, last: c.index, width: c.width, hidden: c.hidden });
  }
  return groups.map((g) => {
    const first = a1(0, g.first).replace(/\d+$/, "");
    const last = a1(0, g.last).replace(/\d+$/, "");
    return { address: `${first}:${last}`, width: g.width, hidden: g.hidden };
  });
}

/** "A5:A20" → "A5:A20"; "'Other sheet'!A5:A20" is left alone. */
export function isQualified(address: string): boolean {
  return address.includes("!");
}

/** The bottom-right cell of a chart placed at `anchor` spanning w × h cells. */
export function chartCorner(anchor: string, widthCells: number, heightCells: number): string {
  const { row, col } = parseA1(anchor);
  return a1(row + Math.max(1, heightCells) - 1, col + Math.max(1, widthCells) - 1);
}

/** Size of a range in cells. */
export function rangeSize(range: string): { rows: number; cols: number } {
  const r = parseRange(range);
  return { rows: r.row2 - r.row1 + 1, cols: r.col2 - r.col1 + 1 };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Rewrites sheet references in a formula after sheets were renamed
 * ('Schedule'!A1 or Schedule!A1 → 'Schedule (2)'!A1). Text inside double
 * quotes (string literals) is left alone.
 */
export function renameSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'!`;
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal
      let out = part;
      for (const [from, to] of renames) {
        const q = new RegExp(escapeRegExp(quoted(from)), "gi");
        out = out.replace(q, quoted(to));
        if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(from)) {
          const bare = new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRegExp(from)}!`, "gi");
          out = out.replace(bare, (_m, lead: string) => `${lead}${quoted(to)}`);
        }
      }
      return out;
    })
    .join("");
}

/** Applies renameSheetRefs to every formula-bearing field of a sheet (returns a copy when something changed). */
export function renameSheetRefsInSheet(sheet: SheetSpec, renames: ReadonlyMap<string, string>): SheetSpec {
  if (renames.size === 0) return sheet;
  const f = (s: string): string => renameSheetRefs(s, renames);
  return {
    ...sheet,
    blocks: sheet.blocks.map((b) => ({
      ...b,
      rows: b.rows.map((row) => row.map((cell) => (cell?.formula ? { ...cell, formula: f(cell.formula) } : cell))),
    })),
    conditionalFormats: sheet.conditionalFormats?.map((cf) =>
      cf.kind === "expression"
        ? { ...cf, formula: f(cf.formula) }
        : { ...cf, formula1: f(cf.formula1), formula2: cf.formula2 === undefined ? undefined : f(cf.formula2) },
    ),
    validations: sheet.validations?.map((v) => (v.kind === "listFormula" ? { ...v, source: f(v.source) } : v)),
    charts: sheet.charts?.map((ch) => ({
      ...ch,
      categories: f(ch.categories),
      columns: ch.columns.map((s) => ({ ...s, values: f(s.values) })),
      lines: ch.lines?.map((s) => ({ ...s, values: f(s.values) })),
    })),
  };
}
