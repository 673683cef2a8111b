/**
 * An in-memory workbook implementing WorkbookHost: sheets are maps from A1
 * address to cell, so tests (and the browser e2e, through window.opskitFake)
 * can assert exactly what a write produced. No Office.js here.
 */
import { parseA1, parseRange, a1 } from "../../core/tablespec/a1";
import type { CellValue, SheetSpec, WorkbookSpec } from "../../core/tablespec/types";
import { uniqueSheetName } from "../../core/generators/context";
import {
  joinAddress,
  splitAddress,
  type ReadValue,
  type SelectedRange,
  type WorkbookHost,
  type WriteSheetsOptions,
} from "./WorkbookHost";

export interface FakeCell {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  style?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  /** The spec the sheet was written from (tables, validations, charts...), when OpsKit wrote it. */
  spec?: SheetSpec;
}

export type FakeOperation = "listSheets" | "writeSheets" | "activateSheet" | "loadPlan" | "savePlan" | "getSelectedRange" | "readRange";

export interface FakeWorkbookOptions {
  /** Milliseconds each sheet takes to write (to see progress). Default 0. */
  writeDelayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeWorkbook implements WorkbookHost {
  readonly kind = "fake" as const;
  private readonly sheetList: FakeSheet[] = [];
  readonly names = new Map<string, string>();
  activeSheet = "";
  private selection: { sheet: string; range: string } | null = null;
  savedPlan: string | null = null;
  /** Every call, in order (tests count saves and writes). */
  readonly calls: FakeOperation[] = [];
  /** Make the next call of an operation fail with this error (then it is cleared). */
  readonly failures: Partial<Record<FakeOperation, Error>> = {};
  writeDelayMs: number;

  constructor(options: FakeWorkbookOptions = {}) {
    this.writeDelayMs = options.writeDelayMs ?? 0;
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
    for (let r = row1; r <= row2; r++) {
      const line: ReadValue[] = [];
      for (let c = col1; c <= col2; c++) line.push(sheet.cells.get(a1(r, c))?.value ?? "");
      out.push(line);
    }
    return out;
  }

  private writeOne(target: FakeSheet, spec: SheetSpec): void {
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
    target.spec = spec;
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
      this.writeOne(target, sheetSpec);
      created.push(target.name);
      options.onProgress?.({ sheet: target.name, index, total, state: "done" });
    }
    for (const name of spec.names ?? []) this.names.set(name.name, name.refersTo);
    if (created[0] !== undefined) this.activeSheet = created[0];
    return created;
  }

  async activateSheet(name: string): Promise<void> {
    this.enter("activateSheet");
    const target = this.sheet(name);
    if (!target) throw new Error(`No sheet named ${name}`);
    this.activeSheet = target.name;
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

  async readRange(address: string): Promise<ReadValue[][]> {
    this.enter("readRange");
    const { sheet, range } = splitAddress(address);
    const target = this.sheet(sheet === "" ? this.activeSheet : sheet);
    if (!target) throw new Error(`No sheet named ${sheet}`);
    return this.values(target, range);
  }
}

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
