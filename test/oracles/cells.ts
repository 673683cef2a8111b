/**
 * How the SQL oracles read an Excel-shaped input cell, written once for all of
 * them (independent of src/core/args.ts on purpose: an oracle that imported
 * the code it checks would agree with it by construction).
 */

/** A cell as text: strings trimmed, anything else through String(). */
export function cellText(v: unknown): string {
  return typeof v === "string" ? v.trim() : String(v);
}

/** A blank cell: null, undefined, 0 (Excel for Windows' empty cell in a range), "" or spaces. */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || v === 0 || (typeof v === "string" && v.trim() === "");
}
