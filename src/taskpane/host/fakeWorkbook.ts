/**
 * An in-memory workbook implementing WorkbookHost: sheets are maps from A1
 * address to cell, so tests (and the browser e2e, through window.opskitFake)
 * can assert exactly what a write produced. No Office.js here.
 *
 * It enforces Excel's request limits (src/core/payload/limits.ts) so tests
 * and the e2e fail wherever Excel would: every request's values / formulas /
 * number formats are measured as JSON and one over 5,000,000 bytes is
 * rejected with RequestPayloadSizeLimitExceeded (sheet writes are measured
 * request by request, as src/excel/writeWorkbook.ts cuts them), a read of
 * more than 5,000,000 cells with RangeExceedsLimit and a read response over
 * 5,000,000 bytes with ResponsePayloadSizeLimitExceeded. `requests` logs
 * each request's measured size.
 *
 * Large tables (addTable) are kept as columns, not cells, so a
 * 1,048,575-row Events table fits in a browser tab.
 */
import { parseA1, parseRange, a1 } from "../../core/tablespec/a1";
import type { CellValue, SheetSpec, WorkbookSpec } from "../../core/tablespec/types";
import { uniqueSheetName } from "../../core/tablespec/sheetNames";
import type { Locale } from "../../core/i18n";
import { usesOps } from "../../core/sharing/formulaText";
import { scanFormulaCells, type DependencyReport, type FormulaCell } from "../../core/sharing/scan";
import {
  OPS_FORMULAS_SHEET,
  frozenSummary,
  opsFormulasSheet,
  previousRecords,
  readFormulaRecords,
  restorePlan,
  undecidedSheets,
  type FormulaRecord,
} from "../../core/sharing/formulasSheet";
import { PAYLOAD_LIMIT_BYTES, checkReadCells, checkResponse, ExcelLimitError } from "../../core/payload/limits";
import { CHUNK_TARGET_BYTES } from "../../core/payload/limits";
import { blockArrays } from "../../excel/layout";
import { splitBlockArrays } from "../../excel/chunks";
import { readSourceColumns } from "./readColumns";
import {
  joinAddress,
  type FreezeOpsOptions,
  type FreezeOpsResult,
  type FrozenState,
  type RestoreOpsResult,
  splitAddress,
  type ReadValue,
  type SelectedRange,
  type WorkbookHost,
  type WriteSheetsOptions,
  type ReadColumnsOptions,
  type ReadColumnsResult,
  type TableInfo,
  type CellsCheck,
  type WriteBlockOptions,
} from "./WorkbookHost";

export interface FakeCell {
  /** For a formula cell: the result it shows (for an array formula, its top-left value). */
  value?: CellValue;
  formula?: string;
  /** An array formula's whole result, spilling from this cell (the fake keeps the other cells' values too). */
  spill?: CellValue[][];
  numberFormat?: string;
  style?: string;
}

/** A table kept as columns: header row at (row, col), data below. */
export interface FakeTable {
  name: string;
  row: number;
  col: number;
  headers: string[];
  /** One array per column, data rows only. */
  columns: CellValue[][];
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  tables?: FakeTable[];
  /** The spec the sheet was written from (tables, validations, charts...), when OpsKit wrote it. */
  spec?: SheetSpec;
  hidden?: boolean;
  /** Blocks written into this sheet at a chosen place (writeBlock), in order; a rewrite replaces the one with the same chart prefix. */
  placed?: { chartPrefix: string; spec: SheetSpec }[];
}

export type FakeOperation =
  | "listSheets"
  | "writeSheets"
  | "activateSheet"
  | "activeSheetName"
  | "loadPlan"
  | "savePlan"
  | "getSelectedRange"
  | "readRange"
  | "scanAddinDependencies"
  | "freezeOpsValues"
  | "restoreOpsFormulas"
  | "hasFrozenFormulas"
  | "listTables"
  | "selectedRegion"
  | "readColumns"
  | "onTableChanged"
  | "loadMetricDefinitions"
  | "saveMetricDefinitions"
  | "inspectCells"
  | "writeBlock";

/** One request as Excel would receive it, with its measured size. */
export interface FakeRequest {
  op: "read" | "write";
  /** JSON bytes of the values / formulas / formats sent (write) or returned (read). */
  bytes: number;
  cells: number;
}

export interface FakeWorkbookOptions {
  /** Milliseconds each sheet takes to write (to see progress). Default 0. */
  writeDelayMs?: number;
  /** Milliseconds each range read takes (to see chunked progress). Default 0. */
  readDelayMs?: number;
  /** Request / response limit in bytes. Default Excel's 5,000,000. */
  payloadLimit?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeWorkbook implements WorkbookHost {
  readonly kind = "fake" as const;
  private readonly sheetList: FakeSheet[] = [];
  readonly names = new Map<string, string>();
  activeSheet = "";
  private selection: { sheet: string; range: string } | null = null;
  savedPlan: string | null = null;
  savedDefinitions: string | null = null;
  /** Every call, in order (tests count saves and writes). */
  readonly calls: FakeOperation[] = [];
  /** Make the next call of an operation fail with this error (then it is cleared). */
  readonly failures: Partial<Record<FakeOperation, Error>> = {};
  writeDelayMs: number;
  readDelayMs: number;
  payloadLimit: number;
  /** Every read and write request with its measured size. */
  readonly requests: FakeRequest[] = [];
  private readonly tableListeners = new Map<string, Set<() => void>>();

  constructor(options: FakeWorkbookOptions = {}) {
    this.writeDelayMs = options.writeDelayMs ?? 0;
    this.readDelayMs = options.readDelayMs ?? 0;
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
  }

  /**
   * Adds a table kept as columns (header row at `anchor`). Cells of its area
   * read from the columns; `columns[c][r]` is data row r of column c.
   */
  addTable(name: string, sheet: string, anchor: string, headers: string[], columns: CellValue[][]): FakeTable {
    const target = this.addSheet(sheet);
    const { row, col } = parseA1(anchor);
    const table: FakeTable = { name, row, col, headers: [...headers], columns };
    (target.tables ??= []).push(table);
    return table;
  }

  /** Changes one data cell of a table (row 0 = first data row) and fires its onChanged listeners, as Excel does. */
  changeTable(name: string, row: number, col: number, value: CellValue): void {
    const found = this.findTable(name);
    if (!found) throw new Error(`No table named ${name}`);
    found.table.columns[col]![row] = value;
    for (const listener of this.tableListeners.get(name.toLowerCase()) ?? []) listener();
  }

  private findTable(name: string): { sheet: FakeSheet; table: FakeTable } | null {
    for (const sheet of this.sheetList) for (const table of sheet.tables ?? []) if (table.name.toLowerCase() === name.toLowerCase()) return { sheet, table };
    return null;
  }

  private tableInfo(sheet: FakeSheet, table: FakeTable): TableInfo {
    const rows = table.columns[0]?.length ?? 0;
    const width = table.headers.length;
    const sample: ReadValue[][] = [];
    for (let r = 0; r < Math.min(200, rows); r++) sample.push(table.columns.map((c) => c[r] ?? ""));
    return {
      name: table.name,
      sheet: sheet.name,
      address: `${a1(table.row, table.col)}:${a1(table.row + rows, table.col + width - 1)}`,
      headers: [...table.headers],
      rows,
      sample,
    };
  }

  private tableAt(sheet: FakeSheet, row: number, col: number): FakeTable | undefined {
    return sheet.tables?.find((t) => col >= t.col && col < t.col + t.headers.length && row >= t.row && row <= t.row + (t.columns[0]?.length ?? 0));
  }

  private cellValue(sheet: FakeSheet, row: number, col: number): ReadValue {
    const cell = sheet.cells.get(a1(row, col));
    if (cell) return cell.value ?? "";
    const table = sheet.tables ? this.tableAt(sheet, row, col) : undefined;
    if (!table) return "";
    return row === table.row ? table.headers[col - table.col]! : (table.columns[col - table.col]![row - table.row - 1] ?? "");
  }

  // ---- helpers for tests and demos ----

  get sheetNames(): string[] {
    return this.sheetList.map((s) => s.name);
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheetList.find((s) => s.name.toLowerCase() === key);
  }

  /** The cell at "A1" on a sheet (undefined when empty or no such sheet). */
  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet)?.cells.get(address.replace(/\$/g, "").toUpperCase());
  }

  /** Adds (or returns) a user sheet. */
  addSheet(name: string): FakeSheet {
    const existing = this.sheet(name);
    if (existing) return existing;
    const created: FakeSheet = { name, cells: new Map() };
    this.sheetList.push(created);
    if (this.activeSheet === "") this.activeSheet = name;
    return created;
  }

  /** Writes plain values with their top-left cell at `anchor` ("A1"). */
  setValues(sheet: string, anchor: string, values: CellValue[][]): void {
    const target = this.addSheet(sheet);
    const { row, col } = parseA1(anchor);
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === "") target.cells.delete(a1(row + r, col + c));
        else target.cells.set(a1(row + r, col + c), { value });
      }),
    );
  }

  /**
   * Writes a formula with the result it shows (what Excel computed). A 2-D
   * `result` is an array formula spilling from `address`: its values fill the area.
   */
  setFormula(sheet: string, address: string, formula: string, result: CellValue | CellValue[][]): void {
    const target = this.addSheet(sheet);
    const { row, col } = parseA1(address);
    if (Array.isArray(result)) {
      result.forEach((line, r) => line.forEach((value, c) => target.cells.set(a1(row + r, col + c), { value })));
      target.cells.set(a1(row, col), { formula, value: result[0]?.[0] ?? "", spill: result.map((line) => [...line]) });
    } else target.cells.set(a1(row, col), { formula, value: result });
  }

  /** Every formula cell of the visible workbook (the hidden formulas sheet holds formulas as text). */
  private formulaCells(): FormulaCell[] {
    const out: FormulaCell[] = [];
    for (const sheet of this.sheetList) {
      if (sheet.name === OPS_FORMULAS_SHEET) continue;
      const cells = [...sheet.cells.entries()].filter(([, c]) => typeof c.formula === "string" && c.formula.startsWith("="));
      cells.sort(([x], [y]) => {
        const a = parseA1(x);
        const b = parseA1(y);
        return a.row - b.row || a.col - b.col;
      });
      for (const [address, c] of cells) out.push({ sheet: sheet.name, address, formula: c.formula! });
    }
    return out;
  }

  private spillSize(cell: FormulaCell): { rows: number; cols: number } {
    const spill = this.cell(cell.sheet, cell.address)?.spill;
    return spill ? { rows: spill.length, cols: Math.max(1, ...spill.map((l) => l.length)) } : { rows: 1, cols: 1 };
  }

  /** The hidden sheet's values as a grid from A1. */
  private hiddenGrid(): unknown[][] | null {
    const hidden = this.sheet(OPS_FORMULAS_SHEET);
    if (!hidden) return null;
    const grid: unknown[][] = [];
    for (const [address, c] of hidden.cells) {
      const { row, col } = parseA1(address);
      (grid[row] ??= [])[col] = c.value ?? c.formula ?? "";
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    return grid;
  }

  /** Selects a range, as the user would in the grid: "Customers!B2:B21" (no sheet = the active sheet). */
  select(address: string): void {
    const { sheet, range } = splitAddress(address);
    const name = sheet === "" ? this.activeSheet : sheet;
    if (!this.sheet(name)) throw new Error(`No sheet named ${name}`);
    this.activeSheet = this.sheet(name)!.name;
    this.selection = { sheet: this.activeSheet, range: range.toUpperCase() };
  }

  private enter(op: FakeOperation): void {
    this.calls.push(op);
    const failure = this.failures[op];
    if (failure) {
      delete this.failures[op];
      throw failure;
    }
  }

  private values(sheet: FakeSheet, range: string): ReadValue[][] {
    const { row1, col1, row2, col2 } = parseRange(range);
    const out: ReadValue[][] = [];
    // Fast path: data rows of one table, straight from its columns.
    const table = sheet.tables?.find((t) => col1 >= t.col && col2 < t.col + t.headers.length && row1 > t.row && row2 <= t.row + (t.columns[0]?.length ?? 0));
    if (table) {
      const cols = [];
      for (let c = col1; c <= col2; c++) cols.push(table.columns[c - table.col]!);
      for (let r = row1; r <= row2; r++) {
        const i = r - table.row - 1;
        out.push(cols.map((column) => column[i] ?? ""));
      }
      return out;
    }
    for (let r = row1; r <= row2; r++) {
      const line: ReadValue[] = [];
      for (let c = col1; c <= col2; c++) line.push(this.cellValue(sheet, r, c));
      out.push(line);
    }
    return out;
  }

  /** A read request: refused like Excel when it asks too many cells or returns too many bytes. */
  private readRequest(sheet: FakeSheet, range: string): ReadValue[][] {
    const { row1, col1, row2, col2 } = parseRange(range);
    const cells = (row2 - row1 + 1) * (col2 - col1 + 1);
    checkReadCells(row2 - row1 + 1, col2 - col1 + 1);
    const values = this.values(sheet, range);
    const bytes = checkResponse(values, this.payloadLimit);
    this.requests.push({ op: "read", bytes, cells });
    return values;
  }

  /** Measures a sheet's writes request by request, cut as writeWorkbook.ts cuts them; refuses one over the limit. */
  private measureWrites(spec: SheetSpec): void {
    let pending = 0;
    let cells = 0;
    const flush = () => {
      if (pending > this.payloadLimit) throw new ExcelLimitError("RequestPayloadSizeLimitExceeded", pending);
      this.requests.push({ op: "write", bytes: pending, cells });
      pending = 0;
      cells = 0;
    };
    for (const block of spec.blocks) {
      const arrays = blockArrays(block);
      if (!arrays) continue;
      for (const chunk of splitBlockArrays(arrays, CHUNK_TARGET_BYTES)) {
        if (pending > 0 && pending + chunk.bytes > CHUNK_TARGET_BYTES) flush();
        pending += chunk.bytes;
        cells += chunk.formulas.length * (chunk.formulas[0]?.length ?? 0);
      }
    }
    flush();
  }

  private writeOne(target: FakeSheet, spec: SheetSpec): void {
    this.writeCells(target, spec);
    target.spec = spec;
  }

  private writeCells(target: FakeSheet, spec: SheetSpec): void {
    for (const block of spec.blocks) {
      const { row, col } = parseA1(block.anchor);
      block.rows.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell === null) return;
          const out: FakeCell = {};
          if (cell.formula !== undefined) out.formula = cell.formula;
          else if (cell.value !== undefined) out.value = cell.value;
          if (cell.numberFormat !== undefined) out.numberFormat = cell.numberFormat;
          if (cell.style !== undefined) out.style = cell.style;
          target.cells.set(a1(row + r, col + c), out);
        }),
      );
    }
  }

  /** Bounding rectangle of the cells holding values within `range` ("" when none); table cells count as values. */
  private usedIn(sheet: FakeSheet, range: string): string {
    const r = parseRange(range);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (row1: number, col1: number, row2: number, col2: number) => {
      top = Math.min(top, row1);
      left = Math.min(left, col1);
      bottom = Math.max(bottom, row2);
      right = Math.max(right, col2);
    };
    for (const [address, cell] of sheet.cells) {
      if ((cell.value === undefined || cell.value === "") && cell.formula === undefined) continue;
      const { row, col } = parseA1(address);
      if (row >= r.row1 && row <= r.row2 && col >= r.col1 && col <= r.col2) take(row, col, row, col);
    }
    for (const t of sheet.tables ?? []) {
      const row1 = Math.max(r.row1, t.row);
      const row2 = Math.min(r.row2, t.row + (t.columns[0]?.length ?? 0));
      const col1 = Math.max(r.col1, t.col);
      const col2 = Math.min(r.col2, t.col + t.headers.length - 1);
      if (row1 <= row2 && col1 <= col2) take(row1, col1, row2, col2);
    }
    return bottom < 0 ? "" : top === bottom && left === right ? a1(top, left) : rangeOf(top, left, bottom, right);
  }

  // ---- WorkbookHost ----

  async listSheets(): Promise<string[]> {
    this.enter("listSheets");
    return this.sheetNames;
  }

  async writeSheets(spec: WorkbookSpec, options: WriteSheetsOptions): Promise<string[]> {
    this.enter("writeSheets");
    const created: string[] = [];
    const total = spec.sheets.length;
    for (let index = 0; index < total; index++) {
      const sheetSpec = spec.sheets[index]!;
      let target = this.sheet(sheetSpec.name);
      if (target && options.onExisting === "replace") {
        target.cells.clear();
      } else {
        const name = target ? uniqueSheetName(sheetSpec.name, this.sheetNames) : sheetSpec.name;
        target = { name, cells: new Map() };
        this.sheetList.push(target);
      }
      options.onProgress?.({ sheet: target.name, index, total, state: "writing" });
      if (this.writeDelayMs > 0) await sleep(this.writeDelayMs);
      this.measureWrites(sheetSpec);
      this.writeOne(target, sheetSpec);
      created.push(target.name);
      options.onProgress?.({ sheet: target.name, index, total, state: "done" });
    }
    for (const name of spec.names ?? []) this.names.set(name.name, name.refersTo);
    if (created[0] !== undefined) this.activeSheet = created[0];
    return created;
  }

  async inspectCells(sheetName: string, ranges: readonly string[]): Promise<CellsCheck> {
    this.enter("inspectCells");
    const sheet = this.sheet(sheetName);
    if (!sheet) return { sheet: null, used: [] };
    const used = ranges.map((r) => this.usedIn(sheet, r));
    // One request; only the used ranges' addresses come back.
    this.requests.push({ op: "read", bytes: JSON.stringify(used).length, cells: 0 });
    return { sheet: sheet.name, used };
  }

  async writeBlock(spec: SheetSpec, options: WriteBlockOptions = {}): Promise<void> {
    this.enter("writeBlock");
    const target = this.sheet(spec.name);
    if (!target) throw new Error(`No sheet named ${spec.name}`);
    if (this.writeDelayMs > 0) await sleep(this.writeDelayMs);
    this.measureWrites(spec);
    const eachCell = (range: string, fn: (address: string) => void) => {
      const { row1, col1, row2, col2 } = parseRange(range);
      for (const address of [...target.cells.keys()]) {
        const { row, col } = parseA1(address);
        if (row >= row1 && row <= row2 && col >= col1 && col <= col2) fn(address);
      }
    };
    if (options.chartPrefix) target.placed = (target.placed ?? []).filter((p) => p.chartPrefix !== options.chartPrefix);
    for (const range of options.clear ?? []) eachCell(range, (address) => target.cells.delete(address));
    for (const range of options.overwrite ?? [])
      eachCell(range, (address) => {
        const { numberFormat, style } = target.cells.get(address)!;
        // Contents go, formats stay (Excel's clear "Contents").
        if (numberFormat === undefined && style === undefined) target.cells.delete(address);
        else target.cells.set(address, { ...(numberFormat !== undefined ? { numberFormat } : {}), ...(style !== undefined ? { style } : {}) });
      });
    this.writeCells(target, spec);
    (target.placed ??= []).push({ chartPrefix: options.chartPrefix ?? "", spec });
  }

  async activateSheet(name: string): Promise<void> {
    this.enter("activateSheet");
    const target = this.sheet(name);
    if (!target) throw new Error(`No sheet named ${name}`);
    this.activeSheet = target.name;
  }

  async activeSheetName(): Promise<string> {
    this.enter("activeSheetName");
    // Excel always has an active sheet; an empty fake has none to name.
    if (this.activeSheet === "") throw new Error("No active sheet");
    return this.activeSheet;
  }

  async loadPlan(): Promise<string | null> {
    this.enter("loadPlan");
    return this.savedPlan;
  }

  async savePlan(text: string): Promise<void> {
    this.enter("savePlan");
    this.savedPlan = text;
  }

  async getSelectedRange(): Promise<SelectedRange> {
    this.enter("getSelectedRange");
    if (this.activeSheet === "") this.addSheet("Sheet1");
    const sel = this.selection ?? { sheet: this.activeSheet, range: "A1" };
    const sheet = this.sheet(sel.sheet)!;
    return { address: joinAddress(sheet.name, sel.range), values: this.values(sheet, sel.range) };
  }

  async scanAddinDependencies(locale: Locale): Promise<DependencyReport> {
    this.enter("scanAddinDependencies");
    return scanFormulaCells(this.formulaCells(), { locale, spill: (c) => this.spillSize(c) });
  }

  async freezeOpsValues(options: FreezeOpsOptions): Promise<FreezeOpsResult> {
    this.enter("freezeOpsValues");
    const ops = this.formulaCells().filter((c) => usesOps(c.formula));
    if (ops.length === 0) return { frozen: 0, copies: [] };
    const previous = readFormulaRecords(this.hiddenGrid() ?? []);
    const earlier = previousRecords(previous, this.sheetNames, options.locale);

    // Copies: "<name> (values)" right after the original, cell for cell.
    const target = new Map<string, string>();
    const copies: string[] = [];
    for (const name of [...new Set(ops.map((c) => c.sheet))]) {
      if (!options.copySheets) {
        target.set(name, name);
        continue;
      }
      const original = this.sheet(name)!;
      const copyName = uniqueSheetName(`${name} (values)`, this.sheetNames);
      const copy: FakeSheet = { name: copyName, cells: new Map([...original.cells].map(([k, c]) => [k, { ...c }])) };
      this.sheetList.splice(this.sheetList.indexOf(original) + 1, 0, copy);
      target.set(name, copyName);
      copies.push(copyName);
    }

    const frozen: FormulaRecord[] = [];
    for (const op of ops) {
      const sheet = this.sheet(target.get(op.sheet)!)!;
      const cell = sheet.cells.get(op.address)!;
      const { rows, cols } = this.spillSize(op);
      // The value Excel showed stays; the formula goes (a spill's other cells already hold their values).
      const rest: FakeCell = { ...cell };
      delete rest.formula;
      delete rest.spill;
      sheet.cells.set(op.address, rest);
      const record: FormulaRecord = { sheet: sheet.name, address: op.address, formula: op.formula, rows, cols, frozenAt: options.frozenAt };
      if (sheet.name !== op.sheet) record.copyOf = op.sheet;
      frozen.push(record);
    }

    const spec = opsFormulasSheet([...earlier, ...frozen], options.locale, previous.noteCell);
    const hidden = this.addSheet(OPS_FORMULAS_SHEET);
    hidden.cells.clear();
    this.writeOne(hidden, spec);
    hidden.hidden = true;
    return { frozen: frozen.length, copies };
  }

  async restoreOpsFormulas(): Promise<RestoreOpsResult> {
    this.enter("restoreOpsFormulas");
    const grid = this.hiddenGrid();
    if (!grid) return { restored: 0, missing: 0, removedCopies: [] };
    const { records, noteCell, legacy } = readFormulaRecords(grid);
    // Undo what the freeze did: formulas back in place, the copies it made deleted.
    const plan = restorePlan(records, (name) => this.sheet(name) !== undefined, legacy ? { sheetNames: this.sheetNames } : undefined);
    // An older freeze whose copies cannot be told: nothing changes.
    if (plan.undecided.length > 0) return { restored: 0, missing: 0, removedCopies: [], undecided: undecidedSheets(plan.undecided) };
    for (const w of plan.writes) {
      const sheet = this.sheet(w.sheet)!;
      // Excel recomputes the formula to the same result: keep the values the area shows.
      const { row1, col1, row2, col2 } = parseRange(w.clear);
      const area = this.values(sheet, w.clear);
      const anchor = sheet.cells.get(w.address) ?? {};
      const restoredCell: FakeCell = { ...anchor, formula: w.formula, value: area[0]?.[0] ?? "" };
      if (row2 > row1 || col2 > col1) restoredCell.spill = area;
      sheet.cells.set(w.address, restoredCell);
    }
    for (const name of plan.deleteSheets) this.sheetList.splice(this.sheetList.indexOf(this.sheet(name)!), 1);
    if (noteCell) {
      const sheet = this.sheet(noteCell.sheet);
      if (sheet) {
        const { row1, col1, row2, col2 } = parseRange(noteCell.address);
        for (let r = row1; r <= row2; r++) for (let c = col1; c <= col2; c++) sheet.cells.delete(a1(r, c));
      }
    }
    this.sheetList.splice(this.sheetList.indexOf(this.sheet(OPS_FORMULAS_SHEET)!), 1);
    return { restored: plan.restored.length, missing: plan.missing.length, removedCopies: plan.deleteSheets };
  }

  async hasFrozenFormulas(): Promise<FrozenState | null> {
    this.enter("hasFrozenFormulas");
    const grid = this.hiddenGrid();
    if (!grid) return null;
    const { records, legacy } = readFormulaRecords(grid);
    return frozenSummary(records, legacy ? { sheetNames: this.sheetNames } : undefined);
  }

  async readRange(address: string): Promise<ReadValue[][]> {
    this.enter("readRange");
    const { sheet, range } = splitAddress(address);
    const target = this.sheet(sheet === "" ? this.activeSheet : sheet);
    if (!target) throw new Error(`No sheet named ${sheet}`);
    if (this.readDelayMs > 0) await sleep(this.readDelayMs);
    return this.readRequest(target, range);
  }

  async listTables(): Promise<TableInfo[]> {
    this.enter("listTables");
    const out: TableInfo[] = [];
    for (const sheet of this.sheetList) for (const table of sheet.tables ?? []) out.push(this.tableInfo(sheet, table));
    return out;
  }

  async selectedRegion(): Promise<TableInfo | null> {
    this.enter("selectedRegion");
    const sel = this.selection ?? { sheet: this.activeSheet, range: "A1" };
    const sheet = this.sheet(sel.sheet);
    if (!sheet) return null;
    const { row1, col1 } = parseRange(sel.range);
    const table = this.tableAt(sheet, row1, col1);
    if (table) return this.tableInfo(sheet, table);
    // The current region: grow the block of non-empty cells around the selection's first cell.
    let top = row1;
    let left = col1;
    let bottom = row1;
    let right = col1;
    const filled = (r: number, c: number) => r >= 0 && c >= 0 && this.cellValue(sheet, r, c) !== "";
    if (!filled(row1, col1)) return null;
    for (let grew = true; grew; ) {
      grew = false;
      const rowFilled = (r: number) => { for (let c = left; c <= right; c++) if (filled(r, c)) return true; return false; };
      const colFilled = (c: number) => { for (let r = top; r <= bottom; r++) if (filled(r, c)) return true; return false; };
      if (rowFilled(top - 1)) { top--; grew = true; }
      if (rowFilled(bottom + 1)) { bottom++; grew = true; }
      if (colFilled(left - 1)) { left--; grew = true; }
      if (colFilled(right + 1)) { right++; grew = true; }
    }
    const headers = this.values(sheet, rangeOf(top, left, top, right))[0]!.map((v) => String(v));
    const rows = bottom - top;
    const sample = rows > 0 ? this.values(sheet, rangeOf(top + 1, left, Math.min(bottom, top + 200), right)) : [];
    return { name: "", sheet: sheet.name, address: rangeOf(top, left, bottom, right), headers, rows, sample };
  }

  async readColumns(source: TableInfo, columns: readonly number[], options: ReadColumnsOptions = {}): Promise<ReadColumnsResult> {
    this.enter("readColumns");
    return readSourceColumns(source, columns, (address) => this.readRange(address), options);
  }

  async loadMetricDefinitions(): Promise<string | null> {
    this.enter("loadMetricDefinitions");
    return this.savedDefinitions;
  }

  async saveMetricDefinitions(text: string): Promise<void> {
    this.enter("saveMetricDefinitions");
    this.savedDefinitions = text;
  }

  async onTableChanged(table: string, listener: () => void): Promise<() => void> {
    this.enter("onTableChanged");
    const key = table.toLowerCase();
    let set = this.tableListeners.get(key);
    if (!set) this.tableListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  }
}

const rangeOf = (r1: number, c1: number, r2: number, c2: number): string => `${a1(r1, c1)}:${a1(r2, c2)}`;

/**
 * Sample data for the pane opened in a browser: customers with yearly
 * revenue, and a small user table (id, signup date, channel, paid, amount).
 */
export function seedDemoData(fake: FakeWorkbook): void {
  const customers: CellValue[][] = [["Customer", "Revenue"]];
  const revenue = [520000, 310000, 180000, 150000, 98000, 76000, 64000, 51000, 42000, 36000, 30000, 24000, 18000, 15000, 12000, 9000, 6000, 4000, 2500, 1000];
  revenue.forEach((value, i) => customers.push([`Customer ${String(i + 1).padStart(2, "0")}`, value]));
  fake.setValues("Customers", "A1", customers);

  const users: CellValue[][] = [["User", "Date", "Channel", "Paid", "Amount"]];
  const channels = ["Search", "Partner", "Event"];
  for (let i = 0; i < 40; i++) {
    const paid = i % 5 === 0;
    users.push([`u${i + 1}`, 46023 + (i % 10), channels[i % 3]!, paid ? `u${i + 1}` : "", paid ? 1299 : ""]);
  }
  fake.setValues("Users", "A1", users);
  fake.activeSheet = "Customers";
}
