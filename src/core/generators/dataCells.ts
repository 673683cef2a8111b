/**
 * Small helpers shared by the sheet generators (plan sheets and data sheets):
 * cell constructors, formula text literals, number formats, table names.
 * Pure: no Office, React or ExcelJS.
 */
import type { CellSpec, PrintSpec, StyleToken } from "../tablespec/types";
import { rangeA1 } from "../tablespec/a1";
import type { IndicatorUnit } from "../plan/types";
import { parseIsoSerial } from "../dates";
import { tIn, type Locale } from "../i18n";

/** Pads every row with nulls to the widest row, so a block is a rectangle the adapters can write at once. */
export function rectangular(rows: (CellSpec | null)[][]): (CellSpec | null)[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array<null>(width - r.length).fill(null)]));
}

/** A text as an Excel string literal inside a formula: "say ""hi""". */
export function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function textCell(value: string, style?: StyleToken): CellSpec {
  return style === undefined ? { value } : { value, style };
}

export function header(value: string): CellSpec {
  return { value, style: "header" };
}

export function formulaCell(formula: string, numberFormat?: string, style: StyleToken = "computed"): CellSpec {
  const cell: CellSpec = { formula, style };
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  return cell;
}

/** An input cell (value optional: an empty input cell still carries its style and format). */
export function inputCell(value?: string | number, numberFormat?: string): CellSpec {
  const cell: CellSpec = { style: "input" };
  if (value !== undefined) cell.value = value;
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  return cell;
}

/** Excel's date format on every generated sheet. */
export const DATE_FORMAT = "yyyy-mm-dd";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
export const PERCENT_FORMAT = "0.0%";

/** A number with thousands separators for text (1200000 → "1,200,000"), independent of the machine's locale. */
export function groupThousands(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (n < 0 ? "-" : "") + grouped + (frac !== undefined ? "." + frac : "");
}

/** Excel serial of an ISO date (with optional time), or undefined when absent or invalid. */
export function serialOf(iso: string | undefined): number | undefined {
  if (iso === undefined || iso.trim() === "") return undefined;
  const serial = parseIsoSerial(iso);
  return Number.isFinite(serial) ? serial : undefined;
}

/** Number format of an indicator unit. A three-letter currency code is shown after the amount. */
export function unitFormat(unit: IndicatorUnit, locale: Locale, currency?: string): string {
  switch (unit) {
    case "percent":
      return PERCENT_FORMAT;
    case "count":
      return "#,##0";
    case "currency":
      return currency !== undefined && /^[A-Za-z]{3}$/.test(currency) ? `#,##0.00 "${currency.toUpperCase()}"` : "#,##0.00";
    case "days":
      return `0.0 "${tIn(locale, "kpiUnitDays").replace(/"/g, "")}"`;
  }
}

/**
 * Print settings of a sheet that is one table under a heading (0-based rows
 * and columns): landscape, fit to the page width, the header row repeated on
 * every page, and the area from A1 to (lastRow, lastColumn).
 */
export function tablePrint(headerRow: number, lastRow: number, lastColumn: number): PrintSpec {
  return { orientation: "landscape", fitToWidth: true, repeatRows: `${headerRow + 1}:${headerRow + 1}`, area: rangeA1(0, 0, lastRow, lastColumn) };
}

/**
 * How a table name carries the number of a de-duplicated sheet ("Schedule (2)",
 * "Customer tiers (2)"): appended as it is (`OpsSchedule2`, the plan sheets)
 * or after an underscore (`tblTiering_2`, the data sheets). Both spellings are
 * kept because workbooks already written use them.
 */
export type CopyNumbering = "appended" | "underscore";

/**
 * An Excel table name for a sheet: the base name, plus the "(n)" suffix of a
 * de-duplicated sheet name joined as `numbering` says, because table names are
 * unique in a workbook. ASCII only.
 */
export function tableNameFor(base: string, sheetName: string, numbering: CopyNumbering): string {
  const m = /\((\d+)\)\s*$/.exec(sheetName);
  if (!m) return base;
  return numbering === "appended" ? `${base}${m[1]}` : `${base}_${m[1]}`;
}
