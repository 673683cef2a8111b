/**
 * A recording fake of the parts of Excel the sharing functions use, with
 * Excel's batch discipline: properties are readable only after they were
 * loaded AND context.sync() ran (reading earlier throws, like Office.js's
 * "property not loaded"); loads are snapshotted at sync; writes are applied
 * in call order and logged. Writing `values`/`formulas` interprets input the
 * way Excel does: "=…" becomes a formula, a leading apostrophe makes text,
 * "#DIV/0!"-like text becomes an error; so the tests see what a user would.
 *
 * A cell holding an OPS formula can be given a spill (its result grid): the
 * anchor's getSpillingToRangeOrNullObject() then returns that area.
 */
import { a1, parseA1, parseRange, rangeA1 } from "../../src/core/tablespec/a1";

export type ValueType = "Double" | "String" | "Boolean" | "Error" | "Empty";

export interface FakeCell {
  formula?: string;
  value: unknown;
  type: ValueType;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden";
  cells: Map<string, FakeCell>;
  /** Anchor address → size of its spill. */
  spills: Map<string, { rows: number; cols: number }>;
  deleted: boolean;
}

const ERRORS = /^#(NAME\?|VALUE!|N\/A|DIV\/0!|NUM!|REF!|NULL!|SPILL!|CALC!)$/;

function typeOf(v: unknown): ValueType {
  if (v === "" || v === null || v === undefined) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

/** A cell as Excel stores what was typed into it. */
export function entered(input: unknown): FakeCell | null {
  if (input === null || input === undefined || input === "") return null;
  if (typeof input === "string") {
    if (input.startsWith("'")) return { value: input.slice(1), type: "String" };
    if (input.startsWith("=")) return { formula: input, value: 0, type: "Double" };
    if (ERRORS.test(input)) return { value: input, type: "Error" };
    return { value: input, type: "String" };
  }
  return { value: input, type: typeOf(input) };
}

class NotLoaded extends Error {}

/** Base: loadable properties. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected pending: string[] = [];
  constructor(protected readonly fake: FakeExcel) {}
  load(props: string): this {
    this.pending.push(...props.split(",").map((p) => p.trim()));
    this.fake.pendingLoads.add(this);
    return this;
  }
  /** Called at sync. */
  resolve(): void {
    for (const p of this.pending) this.loaded.set(p, this.read(p));
    this.pending = [];
  }
  protected read(_prop: string): unknown {
    return undefined;
  }
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(`property ${prop} was not loaded and synced`);
    return this.loaded.get(prop) as T;
  }
}

export class FakeRange extends Loadable {
  constructor(
    fake: FakeExcel,
    private readonly sheet: FakeSheet | null,
    private readonly rect: { row1: number; col1: number; row2: number; col2: number } | null,
  ) {
    super(fake);
  }
  private cellsGrid<T>(fn: (cell: FakeCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.rect!.row1; r <= this.rect!.row2; r++) {
      const row: T[] = [];
      for (let c = this.rect!.col1; c <= this.rect!.col2; c++) row.push(fn(this.sheet!.cells.get(a1(r, c))));
      out.push(row);
    }
    return out;
  }
  protected override read(prop: string): unknown {
    if (prop === "isNullObject") return this.sheet === null;
    if (!this.sheet || !this.rect) return undefined;
    const local = this.rect.row1 === this.rect.row2 && this.rect.col1 === this.rect.col2 ? a1(this.rect.row1, this.rect.col1) : rangeA1(this.rect.row1, this.rect.col1, this.rect.row2, this.rect.col2);
    switch (prop) {
      case "address":
        return `'${this.sheet.name}'!${local}`;
      case "rowCount":
        return this.rect.row2 - this.rect.row1 + 1;
      case "columnCount":
        return this.rect.col2 - this.rect.col1 + 1;
      case "values":
        return this.cellsGrid((c) => (c ? c.value : ""));
      case "valueTypes":
        return this.cellsGrid((c) => (c ? c.type : "Empty"));
      case "formulas":
        return this.cellsGrid((c) => (c ? (c.formula ?? c.value) : ""));
      default:
        throw new Error(`fake range: unknown property ${prop}`);
    }
  }
  get isNullObject(): boolean {
    if (this.pending.length > 0 || this.loaded.size > 0) this.loaded.set("isNullObject", this.sheet === null);
    return this.get("isNullObject");
  }
  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  private write(kind: string, grid: unknown[][]): void {
    const rows = grid.length;
    const cols = grid[0]?.length ?? 0;
    const rect = this.rect!;
    if (rows !== rect.row2 - rect.row1 + 1 || cols !== rect.col2 - rect.col1 + 1) {
      throw new Error(`fake range: ${kind} of ${rows}×${cols} written to ${rangeA1(rect.row1, rect.col1, rect.row2, rect.col2)}`);
    }
    this.fake.log.push(`${kind} ${this.sheet!.name}!${rangeA1(rect.row1, rect.col1, rect.row2, rect.col2)}`);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const key = a1(rect.row1 + r, rect.col1 + c);
        const cell = entered(v);
        this.sheet!.spills.delete(key);
        if (cell) this.sheet!.cells.set(key, cell);
        else this.sheet!.cells.delete(key);
      }),
    );
  }
  set values(grid: unknown[][]) {
    this.write("values", grid);
  }
  set formulas(grid: unknown[][]) {
    this.write("formulas", grid);
  }
  clear(applyTo = "All"): void {
    const rect = this.rect!;
    this.fake.log.push(`clear ${applyTo} ${this.sheet!.name}!${rect.row1 === 0 && rect.row2 >= 1_048_575 ? "(sheet)" : rangeA1(rect.row1, rect.col1, rect.row2, rect.col2)}`);
    for (const key of [...this.sheet!.cells.keys()]) {
      const { row, col } = parseA1(key);
      if (row >= rect.row1 && row <= rect.row2 && col >= rect.col1 && col <= rect.col2) this.sheet!.cells.delete(key);
    }
  }
  getSpillingToRangeOrNullObject(): FakeRange {
    const key = a1(this.rect!.row1, this.rect!.col1);
    const spill = this.sheet!.spills.get(key);
    if (!spill) return new FakeRange(this.fake, null, null);
    const { row1, col1 } = this.rect!;
    return new FakeRange(this.fake, this.sheet, { row1, col1, row2: row1 + spill.rows - 1, col2: col1 + spill.cols - 1 });
  }
}

export class FakeWorksheet extends Loadable {
  constructor(
    fake: FakeExcel,
    readonly sheet: FakeSheet | null,
  ) {
    super(fake);
  }
  protected override read(prop: string): unknown {
    if (prop === "isNullObject") return this.sheet === null;
    if (prop === "name") return this.sheet!.name;
    if (prop === "visibility") return this.sheet!.visibility;
    throw new Error(`fake sheet: unknown property ${prop}`);
  }
  get isNullObject(): boolean {
    this.loaded.set("isNullObject", this.sheet === null); // Office.js: known after any sync
    return this.get("isNullObject");
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.fake.log.push(`rename ${this.sheet!.name} → ${value}`);
    this.sheet!.name = value;
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(value: string) {
    this.fake.log.push(`visibility ${this.sheet!.name} ${value}`);
    this.sheet!.visibility = value as FakeSheet["visibility"];
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.fake, this.sheet, { row1: 0, col1: 0, row2: 1_048_575, col2: 16_383 });
    return new FakeRange(this.fake, this.sheet, parseRange(address));
  }
  getUsedRangeOrNullObject(): FakeRange {
    const keys = [...(this.sheet?.cells.keys() ?? [])].map((k) => parseA1(k));
    if (!this.sheet || keys.length === 0) return new FakeRange(this.fake, null, null);
    return new FakeRange(this.fake, this.sheet, {
      row1: Math.min(...keys.map((k) => k.row)),
      col1: Math.min(...keys.map((k) => k.col)),
      row2: Math.max(...keys.map((k) => k.row)),
      col2: Math.max(...keys.map((k) => k.col)),
    });
  }
  copy(position: string, relativeTo: FakeWorksheet): FakeWorksheet {
    const names = this.fake.live().map((s) => s.name.toLowerCase());
    let name = `${this.sheet!.name} (2)`;
    for (let i = 3; names.includes(name.toLowerCase()); i++) name = `${this.sheet!.name} (${i})`;
    const copy: FakeSheet = {
      name,
      visibility: "Visible",
      cells: new Map([...this.sheet!.cells].map(([k, c]) => [k, { ...c }])),
      spills: new Map(this.sheet!.spills),
      deleted: false,
    };
    const at = this.fake.sheets.indexOf(relativeTo.sheet!);
    this.fake.sheets.splice(position === "After" ? at + 1 : at, 0, copy);
    this.fake.log.push(`copy ${this.sheet!.name} → ${name}`);
    return new FakeWorksheet(this.fake, copy);
  }
  delete(): void {
    this.fake.log.push(`delete ${this.sheet!.name}`);
    this.sheet!.deleted = true;
  }
}

class FakeWorksheets extends Loadable {
  protected override read(prop: string): unknown {
    if (prop.startsWith("items")) return this.fake.live().map((s) => new FakeWorksheet(this.fake, s)).map((w) => {
      w.load("name,visibility");
      w.resolve();
      return w;
    });
    throw new Error(`fake worksheets: unknown property ${prop}`);
  }
  override load(props: string): this {
    return super.load(props.split(",").some((p) => p.startsWith("items")) ? "items" : props);
  }
  get items(): FakeWorksheet[] {
    return this.get("items");
  }
  getItem(name: string): FakeWorksheet {
    const s = this.fake.find(name);
    if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
    return new FakeWorksheet(this.fake, s);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, this.fake.find(name) ?? null);
  }
  add(name: string): FakeWorksheet {
    if (this.fake.find(name)) throw new Error(`ItemAlreadyExists: worksheet ${name}`);
    const sheet: FakeSheet = { name, visibility: "Visible", cells: new Map(), spills: new Map(), deleted: false };
    this.fake.sheets.push(sheet);
    this.fake.log.push(`add ${name}`);
    return new FakeWorksheet(this.fake, sheet);
  }
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  log: string[] = [];
  syncs = 0;
  pendingLoads = new Set<Loadable>();
  readonly context: Excel.RequestContext;

  constructor(sheets: { name: string; visibility?: "Visible" | "Hidden"; cells: Record<string, unknown>; spills?: Record<string, unknown[][]> }[]) {
    for (const s of sheets) {
      const sheet: FakeSheet = { name: s.name, visibility: s.visibility ?? "Visible", cells: new Map(), spills: new Map(), deleted: false };
      for (const [address, input] of Object.entries(s.cells)) {
        const cell = input !== null && typeof input === "object" && !Array.isArray(input) ? (input as FakeCell) : entered(input);
        if (cell) sheet.cells.set(address, cell);
      }
      // A spill: the anchor keeps its formula and shows the grid's first value; the other cells hold values.
      for (const [anchor, grid] of Object.entries(s.spills ?? {})) {
        const { row, col } = parseA1(anchor);
        sheet.spills.set(anchor, { rows: grid.length, cols: grid[0]!.length });
        grid.forEach((cells, r) =>
          cells.forEach((v, c) => {
            const key = a1(row + r, col + c);
            const shown = { value: v, type: typeof v === "string" && ERRORS.test(v) ? ("Error" as const) : typeOf(v) };
            if (r === 0 && c === 0) sheet.cells.set(key, { ...sheet.cells.get(key)!, value: shown.value, type: shown.type });
            else if (shown.type !== "Empty") sheet.cells.set(key, shown);
          }),
        );
      }
      this.sheets.push(sheet);
    }
    const worksheets = new FakeWorksheets(this);
    this.context = {
      workbook: { worksheets },
      sync: async () => {
        this.syncs++;
        this.log.push(`sync ${this.syncs}`);
        for (const l of this.pendingLoads) l.resolve();
        this.pendingLoads.clear();
      },
    } as unknown as Excel.RequestContext;
  }

  /** Sets what Excel computed for formula cells (value and type), e.g. { Metrics: { G2: 0.25 } }. */
  withResults(results: Record<string, Record<string, unknown>>): this {
    for (const [sheet, cells] of Object.entries(results)) {
      for (const [address, v] of Object.entries(cells)) {
        const cell = this.sheet(sheet).cells.get(address)!;
        cell.value = v;
        cell.type = typeof v === "string" && ERRORS.test(v) ? "Error" : typeOf(v);
      }
    }
    return this;
  }

  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  find(name: string): FakeSheet | undefined {
    return this.live().find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}; have ${this.live().map((x) => x.name).join(", ")}`);
    return s;
  }

  /** The values grid of a sheet from A1 (as the hidden sheet is read). */
  valuesFromA1(name: string): unknown[][] {
    const s = this.sheet(name);
    const keys = [...s.cells.keys()].map((k) => parseA1(k));
    const rows = Math.max(0, ...keys.map((k) => k.row + 1));
    const cols = Math.max(0, ...keys.map((k) => k.col + 1));
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cells.get(a1(r, c))?.value ?? ""));
  }
}
