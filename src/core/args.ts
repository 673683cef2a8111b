/**
 * Argument coercion shared by every metric: blanks, column shape, option
 * words and numbers, as docs/functions/args.md defines them for every function.
 * Arguments arrive as Excel passes them: ranges as 2-D arrays, omitted
 * optional arguments as null, empty cells as "" or 0.
 */
import { fail } from "./errors";

/** A range or array constant as Excel passes it. */
export type Matrix = readonly (readonly unknown[])[];

/** Blank means null, "" or text of spaces only. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && value.trim() === "";
}

/** In id, event, date and time columns the number 0 is blank too (Excel for Windows sends empty cells as 0). */
export function isBlankKey(value: unknown): boolean {
  return value === 0 || isBlank(value);
}

/** Ids, events, steps and segments compare as trimmed, case-sensitive text; numbers by their text. */
export function keyText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** An optional range is omitted when null, or given as one blank cell. */
export function isOmitted(arg: Matrix | null | undefined, zeroIsBlank = true): arg is null | undefined {
  if (arg === null || arg === undefined) return true;
  if (!Array.isArray(arg)) return isBlankScalar(arg, zeroIsBlank);
  if (arg.length === 0) return true;
  if (arg.length === 1 && arg[0]!.length <= 1) return isBlankScalar(arg[0]![0], zeroIsBlank);
  return false;
}

function isBlankScalar(value: unknown, zeroIsBlank: boolean): boolean {
  return zeroIsBlank ? isBlankKey(value) : isBlank(value);
}

/** Makes a 2-D matrix of anything Excel may pass (a scalar becomes 1×1). */
export function asMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[]];
    return Array.isArray(arg[0]) ? (arg as Matrix) : [arg as unknown[]];
  }
  return [[arg]];
}

/**
 * Flattens a column argument (one column or one row) to a plain array.
 * A block of several rows and columns is #VALUE!.
 */
export function column(arg: unknown, argName: string): unknown[] {
  const m = asMatrix(arg);
  const rows = m.length;
  const cols = rows > 0 ? m[0]!.length : 0;
  if (rows <= 1) return rows === 1 ? m[0]!.slice() : [];
  if (cols > 1) fail("#VALUE!", "notColumn", { arg: argName, rows, cols });
  const out = new Array<unknown>(rows);
  for (let i = 0; i < rows; i++) out[i] = m[i]![0];
  return out;
}

/** All cells of a matrix, row by row (for array constants such as {1,7,30}). */
export function cells(arg: unknown): unknown[] {
  const out: unknown[] = [];
  for (const row of asMatrix(arg)) for (const v of row) out.push(v);
  return out;
}

/** Checks that two column arguments have the same number of rows. */
export function sameLength(a: readonly unknown[], aName: string, b: readonly unknown[], bName: string): void {
  if (a.length !== b.length) fail("#VALUE!", "rowsMismatch", { a: aName, b: bName, na: a.length, nb: b.length });
}

/** Reads one scalar from a scalar or a 1×1 matrix (anything larger uses its first cell). */
export function scalar(arg: unknown): unknown {
  if (Array.isArray(arg)) {
    const first = arg[0];
    return Array.isArray(first) ? first[0] : first;
  }
  return arg;
}

/**
 * Reads an option word (period, mode, order, measure, method): trimmed and
 * case-insensitive; blank or omitted gives the default; anything else lists
 * the allowed words.
 */
export function optionWord<W extends string>(arg: unknown, argName: string, allowed: readonly W[], fallback: W): W {
  const value = scalar(arg);
  if (isBlank(value)) return fallback;
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  const match = allowed.find((w) => w === word);
  if (match === undefined) fail("#VALUE!", "unknownWord", { arg: argName, allowed: allowed.join(", "), got: String(value) });
  return match;
}

/** Reads a number argument: text → #VALUE!; returns null when blank/omitted. */
export function optionalNumber(arg: unknown, argName: string): number | null {
  const value = scalar(arg);
  if (isBlank(value)) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) fail("#VALUE!", "notNumber", { arg: argName, got: String(value) });
  return value;
}

/** 1-based row label for messages. */
export function rowLabel(index: number): number {
  return index + 1;
}
