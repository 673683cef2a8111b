/** A1 address helpers for generators and adapters. */

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 0-based column index. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column → "B3"; absolute parts with $. */
export function a1(row: number, col: number, absRow = false, absCol = false): string {
  return `${absCol ? "$" : ""}${columnLetters(col)}${absRow ? "$" : ""}${row + 1}`;
}

/** A rectangular range from 0-based corners. */
export function rangeA1(row1: number, col1: number, row2: number, col2: number, absolute = false): string {
  return `${a1(row1, col1, absolute, absolute)}:${a1(row2, col2, absolute, absolute)}`;
}

/** Parses "B3" (with or without $) to 0-based { row, col }. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** Parses "A1:C9" (or a single cell) to 0-based corners. */
export function parseRange(range: string): { row1: number; col1: number; row2: number; col2: number } {
  const [from, to] = range.split(":");
  const start = parseA1(from!);
  const end = to === undefined ? start : parseA1(to);
  return { row1: start.row, col1: start.col, row2: end.row, col2: end.col };
}

/** Quotes a sheet name for use in a formula reference: 'My Sheet'!A1. */
export function sheetRef(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}
