/**
 * Everything the task pane asks of the workbook, as one interface. Components
 * receive it (through HostContext) and never call Office.js: officeHost.ts
 * implements it for Excel, fakeWorkbook.ts in memory for tests and for the
 * pane opened in a plain browser.
 */
import type { CellValue, SheetSpec, WorkbookSpec } from "../../core/tablespec/types";
import type { Locale } from "../../core/i18n";
import type { DependencyReport } from "../../core/sharing/scan";
import type { OnExisting } from "../../core/tablespec/sheetNames";

/** What to do when a sheet of the same name already exists (one definition, in core). */
export type { OnExisting } from "../../core/tablespec/sheetNames";

/** Reported before and after each sheet is written. */
export interface WriteProgress {
  /** Sheet name being written (its final name). */
  sheet: string;
  /** 0-based position of the sheet in the spec. */
  index: number;
  total: number;
  /** "writing" when the sheet starts, "done" when it is finished. */
  state: "writing" | "done";
}

export interface WriteSheetsOptions {
  onExisting: OnExisting;
  onProgress?: (progress: WriteProgress) => void;
}

/** A cell as read from the workbook: a blank cell is "". */
export type ReadValue = CellValue;

export interface SelectedRange {
  /** Address with the sheet, e.g. "Customers!B2:B21" or "'My data'!A1:A9". */
  address: string;
  values: ReadValue[][];
}

export interface FreezeOpsOptions {
  /** ISO date (YYYY-MM-DD) the values are frozen. */
  frozenAt: string;
  /** Freeze in copies ("Metrics (values)") and keep the original sheets live. */
  copySheets: boolean;
  locale: Locale;
}

export interface FreezeOpsResult {
  /** Number of OPS.* cells frozen. */
  frozen: number;
  /** Names of the sheet copies made (copySheets). */
  copies: string[];
}

export interface RestoreOpsResult {
  /** Formulas written back (frozen in place). */
  restored: number;
  /** Formulas frozen in place whose sheet no longer exists (not restored). */
  missing: number;
  /** The value copies a freeze in copies made, deleted (their originals are untouched). */
  removedCopies: string[];
  /**
   * Only when an older OpsKit's freeze record does not say whether these
   * sheets are value copies or were frozen in place: nothing was changed.
   */
  undecided?: string[];
}

/** What the hidden formulas sheet holds, when it exists. */
export interface FrozenState {
  count: number;
  /** Latest freeze date (ISO), "" when unknown. */
  frozenAt: string;
  /** The value copies a restore deletes (a freeze in copies); empty for a freeze in place. */
  copies: string[];
}

/** A table (ListObject), or the current region around the selection, as a metric source. */
export interface TableInfo {
  /** Table name; "" for a region without a table. */
  name: string;
  sheet: string;
  /** Header row + data on the sheet, e.g. "A1:D1048576". */
  address: string;
  headers: string[];
  /** Data rows (the header not counted). */
  rows: number;
  /** The first data rows (up to 200), for column mapping, estimates and event names. */
  sample: ReadValue[][];
}

export interface ReadProgress {
  done: number;
  total: number;
  requests: number;
}

export interface ReadColumnsOptions {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
}

export interface ReadColumnsResult {
  /** One array per requested column, data rows only. */
  columns: ReadValue[][];
  requests: number;
  largestBytes: number;
}

/** What holds values in some ranges of an existing sheet (before writing a block at a chosen place). */
export interface CellsCheck {
  /** The sheet's name as the workbook spells it; null when there is no such sheet. */
  sheet: string | null;
  /** Per range asked, the part of it holding values (its used range, values only); "" when it is empty. */
  used: string[];
}

export interface WriteBlockOptions {
  /** The cells of an earlier block of ours, removed first (contents, formats, conditional formats): a refresh in place. */
  clear?: readonly string[];
  /** Ranges whose contents the user agreed to replace (cleared before writing, so a live formula can spill). */
  overwrite?: readonly string[];
  /** Charts whose name starts with this (and a space) are deleted first; the spec's charts carry it. */
  chartPrefix?: string;
}

export interface WorkbookHost {
  /** "office" inside Excel, "fake" for the in-memory workbook. */
  readonly kind: "office" | "fake";
  /** Names of the worksheets, in tab order. */
  listSheets(): Promise<string[]>;
  /** Writes the sheets (and defined names) of the spec; resolves to the names of the sheets created, in spec order. */
  writeSheets(spec: WorkbookSpec, options: WriteSheetsOptions): Promise<string[]>;
  /** Shows a sheet. */
  activateSheet(name: string): Promise<void>;
  /** The name of the sheet the user is on (what a cell typed without its sheet, "B4", refers to, as in Excel's Name Box). */
  activeSheetName(): Promise<string>;
  /** The saved plan text, or null when the workbook holds none. */
  loadPlan(): Promise<string | null>;
  savePlan(text: string): Promise<void>;
  /** The user's current selection in the grid. */
  getSelectedRange(): Promise<SelectedRange>;
  /** Values of a range given with its sheet ("Sheet1!A1:B9"). */
  readRange(address: string): Promise<ReadValue[][]>;
  /** Cells calling OPS.* and the cells that refer to them. */
  scanAddinDependencies(locale: Locale): Promise<DependencyReport>;
  /** Replaces OPS.* results by their values; the formulas go to the hidden "OpsKit formulas" sheet. */
  freezeOpsValues(options: FreezeOpsOptions): Promise<FreezeOpsResult>;
  /** Puts the formulas of the hidden sheet back and deletes it. */
  restoreOpsFormulas(): Promise<RestoreOpsResult>;
  /** The hidden formulas sheet's content, or null when there is none. */
  hasFrozenFormulas(): Promise<FrozenState | null>;
  /** Every table of the workbook, with headers, row count and a sample. */
  listTables(): Promise<TableInfo[]>;
  /** The current region around the selection (a table when the selection is in one); null for an empty one. */
  selectedRegion(): Promise<TableInfo | null>;
  /**
   * Reads some columns (0-based within the source) of a source's data rows in
   * chunks, each request under Excel's payload limit, sized from the bytes
   * measured, shrinking and retrying on a payload error (src/core/payload/chunks.ts).
   * Rejects with an AbortError when the signal is aborted.
   */
  readColumns(source: TableInfo, columns: readonly number[], options?: ReadColumnsOptions): Promise<ReadColumnsResult>;
  /** The saved metric definitions (Metrics tab), or null when none. */
  loadMetricDefinitions(): Promise<string | null>;
  /** Saves them (a custom XML part of their own; the new part is written before the old one goes). */
  saveMetricDefinitions(text: string): Promise<void>;
  /** Which of `ranges` (on `sheet`) hold values: one request, only the used ranges' addresses come back. */
  inspectCells(sheet: string, ranges: readonly string[]): Promise<CellsCheck>;
  /**
   * Writes a block into the existing sheet `spec.name` (its cells, formats,
   * rules and charts; the rest of the sheet stays as it is): values in
   * requests under Excel's limit, columns widened where the spec wants them
   * wider (never narrowed), no freeze panes, print or tab settings.
   */
  writeBlock(spec: SheetSpec, options?: WriteBlockOptions): Promise<void>;
  /** Calls `listener` whenever the table's data changes (Excel's table onChanged); resolves to the unsubscribe function. */
  onTableChanged(table: string, listener: () => void): Promise<() => void>;
}

/** Splits "Sheet1!A1:B2" or "'My sheet'!A1" into sheet and range; no sheet part gives sheet "". */
export function splitAddress(address: string): { sheet: string; range: string } {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: "", range: text.replace(/\$/g, "") };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: text.slice(bang + 1).replace(/\$/g, "") };
}

/** "Sheet1!A1:B2", quoting the sheet when needed (spaces, punctuation, non-ASCII). */
export function joinAddress(sheet: string, range: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^[RrCc]\d*([RrCc]\d*)?$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${range}`;
}
