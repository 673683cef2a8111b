/**
 * Reading formula text without a full Excel parser: where the OPS calls are
 * (case-insensitive, `OPS.NAME(` and the `_xldudf_OPS_NAME(` form a file
 * keeps for an add-in function it does not know), and which cell ranges a
 * formula refers to. String literals are skipped everywhere. Pure.
 *
 * References found: A1, $A$1, A1:B9, A:C (whole columns), 1:3 (whole rows),
 * A1# (a spill), each optionally qualified by a sheet ('My sheet'!A1 or
 * Sheet1!A1). Not resolved: defined names, structured table references,
 * INDIRECT/OFFSET (a reference built at run time cannot be seen in the text).
 */
import { columnIndex } from "../tablespec/a1";

/** Rows and columns are 0-based; a whole column has row2 = MAX_ROW, a whole row col2 = MAX_COL. */
export interface FormulaRef {
  /** The sheet the reference names, or null for the formula's own sheet. */
  sheet: string | null;
  row1: number;
  col1: number;
  row2: number;
  col2: number;
  /** A1# — the whole spill of the cell. */
  spill: boolean;
  /** The text as written. */
  text: string;
}

export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

/** The formula with every string literal ("..." with "" escapes) blanked to spaces between its quotes: positions are kept. */
export function blankStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"?/g, (m) => (m.length >= 2 && m.endsWith('"') ? `"${" ".repeat(m.length - 2)}"` : " ".repeat(m.length)));
}

const OPS_CALL = /(^|[^A-Za-z0-9_.])(?:_xldudf_OPS_|OPS\.)([A-Za-z][A-Za-z0-9_]*)\s*\(/gi;

/** The OPS functions a formula calls (upper case, in order of first use, each once). */
export function opsFunctions(formula: string): string[] {
  const code = blankStrings(formula);
  const found: string[] = [];
  for (const m of code.matchAll(OPS_CALL)) {
    const name = m[2]!.toUpperCase();
    if (!found.includes(name)) found.push(name);
  }
  return found;
}

/** True when the formula calls an OPS function. */
export function usesOps(formula: string): boolean {
  return opsFunctions(formula).length > 0;
}

const IDENT = /[A-Za-z0-9_.\u0080-\uFFFF]/;
const SHEET_PREFIX = /(?:'((?:[^']|'')+)'|([A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*))!/y;
const CELL_RANGE = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(#?)/y;
const COLUMNS = /\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})/y;
const ROWS = /\$?(\d{1,7}):\$?(\d{1,7})/y;

function tryAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Every cell reference in a formula, in order. */
export function formulaRefs(formula: string): FormulaRef[] {
  const code = blankStrings(formula);
  const out: FormulaRef[] = [];
  let i = 0;
  while (i < code.length) {
    const prev = i > 0 ? code[i - 1]! : "";
    if (prev !== "" && (IDENT.test(prev) || prev === "$" || prev === "'" || prev === "!" || prev === '"')) {
      i++;
      continue;
    }
    let at = i;
    let sheet: string | null = null;
    const prefix = tryAt(SHEET_PREFIX, code, at);
    if (prefix) {
      sheet = prefix[1] !== undefined ? prefix[1].replace(/''/g, "'") : prefix[2]!;
      at = SHEET_PREFIX.lastIndex;
    }
    const ref = readRef(code, at);
    if (ref) {
      out.push({ ...ref.ref, sheet, text: formula.slice(i, ref.end) });
      i = ref.end;
      continue;
    }
    // A quoted sheet name that is not followed by a reference: skip it whole.
    i = prefix && prefix[1] !== undefined ? SHEET_PREFIX.lastIndex : i + 1;
  }
  return out;
}

function boundaryAfter(code: string, end: number): boolean {
  const next = code[end];
  return next === undefined || !(IDENT.test(next) || next === "(" || next === "!" || next === "$");
}

function readRef(code: string, at: number): { ref: Omit<FormulaRef, "sheet" | "text">; end: number } | null {
  const cols = tryAt(COLUMNS, code, at);
  if (cols && boundaryAfter(code, COLUMNS.lastIndex)) {
    const a = columnIndex(cols[1]!);
    const b = columnIndex(cols[2]!);
    if (a <= MAX_COL && b <= MAX_COL)
      return { ref: { row1: 0, col1: Math.min(a, b), row2: MAX_ROW, col2: Math.max(a, b), spill: false }, end: COLUMNS.lastIndex };
  }
  const rows = tryAt(ROWS, code, at);
  if (rows && boundaryAfter(code, ROWS.lastIndex)) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (a >= 0 && b >= 0)
      return { ref: { row1: Math.min(a, b), col1: 0, row2: Math.max(a, b), col2: MAX_COL, spill: false }, end: ROWS.lastIndex };
  }
  const cell = tryAt(CELL_RANGE, code, at);
  if (cell && boundaryAfter(code, CELL_RANGE.lastIndex)) {
    const c1 = columnIndex(cell[2]!);
    const r1 = Number(cell[4]) - 1;
    const c2 = cell[6] !== undefined ? columnIndex(cell[6]) : c1;
    const r2 = cell[8] !== undefined ? Number(cell[8]) - 1 : r1;
    if (r1 < 0 || r2 < 0 || c1 > MAX_COL || c2 > MAX_COL || r1 > MAX_ROW || r2 > MAX_ROW) return null;
    return {
      ref: {
        row1: Math.min(r1, r2),
        col1: Math.min(c1, c2),
        row2: Math.max(r1, r2),
        col2: Math.max(c1, c2),
        spill: cell[9] === "#",
      },
      end: CELL_RANGE.lastIndex,
    };
  }
  return null;
}

/** Whether two rectangles share a cell. */
export function overlaps(
  a: { row1: number; col1: number; row2: number; col2: number },
  b: { row1: number; col1: number; row2: number; col2: number },
): boolean {
  return a.row1 <= b.row2 && b.row1 <= a.row2 && a.col1 <= b.col2 && b.col1 <= a.col2;
}
