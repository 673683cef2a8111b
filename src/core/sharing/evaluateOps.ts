/**
 * Evaluates OPS.* formulas of a WorkbookSpec in TypeScript, to freeze their
 * values in a file written without Excel (the demo's shared variant). In the
 * open workbook the pane reads Excel's own results instead (src/excel/sharing.ts).
 *
 * The grammar is the OPS call syntax our generators write, nothing more:
 *
 *   formula  := "=" call
 *   call     := ("OPS." | "_xldudf_OPS_") NAME "(" [arg] ("," [arg])* ")"
 *   arg      := ref | string | number | TRUE | FALSE | array | defined-name
 *   ref      := [sheet "!"] cell [":" cell]    sheet: 'quoted ''name''' or Plain; cell: $A$1 / A1
 *   array    := "{" item (("," | ";") item)* "}"   "," separates columns, ";" rows
 *   item     := number | string | TRUE | FALSE
 *
 * One wrapper is understood too, the single-cell pick the wizard's KPI
 * formulas use (src/core/plan/indicatorFormulas.ts):
 *
 *   =LET(r, call, INDEX(r, ROWS(r), n))   → row ROWS(r), column n of the call's grid
 *
 * An empty argument (OPS.PAYRATE(a,b,,"payers")) is omitted → null, as Excel
 * passes it. Arguments are shaped like Excel shapes them for the functions'
 * declared parameters (see src/functions/functions.ts): a matrix parameter
 * gets a 2-D array (a literal becomes 1×1), a scalar parameter gets one value
 * (a one-cell range gives its value; a larger range is unsupported, because
 * Excel would call the function once per cell). Empty cells of a range are ""
 * (Excel for the web and Mac; Windows sends 0 — the core treats both alike).
 *
 * Anything else is reported as unsupported, with the reason, never guessed:
 * an OPS call inside another formula (=LET(r,OPS.RETENTION(…),…)), a formula
 * cell inside a referenced range (its value would need a full calculation
 * engine), whole columns/rows, spill references (A1#), unknown sheets or
 * names. The caller keeps such formulas live and lists them.
 *
 * Results follow the custom-function edge (src/functions/edge.ts): grids are
 * padded to a rectangle with "", non-finite numbers become "" in a grid and
 * #NUM! for a single number; a whole-call error is an OpsError.
 */
import { tIn, type Locale, type MessageKey, type MessageParams } from "../i18n";
import { OpsError, isOpsError, opsError, type CellOut, type Grid } from "../errors";
import { a1, columnIndex } from "../tablespec/a1";
import type { CellSpec, WorkbookSpec } from "../tablespec/types";
import { retention } from "../metrics/retention";
import { funnel } from "../metrics/funnel";
import { payrate } from "../metrics/payrate";
import { tier } from "../metrics/tier";
import { renewal } from "../metrics/renewal";
import { cellKey, findSheet, isFormulaCell, sheetCells } from "./cells";

export type ArrayItem = number | string | boolean;

export type OpsArg =
  | { kind: "omitted" }
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "array"; rows: ArrayItem[][] }
  | { kind: "ref"; sheet: string | null; row1: number; col1: number; row2: number; col2: number; text: string }
  | { kind: "name"; name: string };

export interface OpsCall {
  /** Upper case, without the namespace: RETENTION, FUNNEL, PAYRATE, TIER, RENEWAL. */
  name: string;
  args: OpsArg[];
}

export type EvalResult =
  | { kind: "value"; grid: Grid }
  | { kind: "error"; error: OpsError }
  | { kind: "unsupported"; reason: string };

/** Thrown inside the parser/evaluator; turned into { kind: "unsupported" } at the API boundary. */
export class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

type Param = "matrix" | "scalar";

interface OpsFunction {
  params: readonly Param[];
  call: (args: unknown[]) => Grid | number | OpsError;
}

const arg = (args: unknown[], i: number): unknown => args[i] ?? null;

/** The OPS functions and their parameter shapes, mirroring src/functions/functions.ts. */
export const OPS_FUNCTIONS: Readonly<Record<string, OpsFunction>> = {
  RETENTION: {
    params: ["matrix", "matrix", "scalar", "matrix", "scalar", "matrix", "matrix", "matrix"],
    call: (a) => retention(arg(a, 0), arg(a, 1), arg(a, 2), arg(a, 3), arg(a, 4), arg(a, 5), arg(a, 6), arg(a, 7)),
  },
  FUNNEL: {
    params: ["matrix", "matrix", "matrix", "matrix", "scalar", "scalar", "matrix"],
    call: (a) => funnel(arg(a, 0), arg(a, 1), arg(a, 2), arg(a, 3), arg(a, 4), arg(a, 5), arg(a, 6)),
  },
  PAYRATE: {
    params: ["matrix", "matrix", "matrix", "scalar"],
    call: (a) => payrate(arg(a, 0), arg(a, 1), arg(a, 2), arg(a, 3)),
  },
  TIER: {
    params: ["matrix", "scalar", "matrix", "matrix", "matrix"],
    call: (a) => tier(arg(a, 0), arg(a, 1), arg(a, 2), arg(a, 3), arg(a, 4)),
  },
  RENEWAL: {
    params: ["matrix", "matrix", "matrix", "scalar", "matrix", "scalar"],
    call: (a) => renewal(arg(a, 0), arg(a, 1), arg(a, 2), arg(a, 3), arg(a, 4), arg(a, 5)),
  },
};

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly locale: Locale,
  ) {}

  private fail(key: MessageKey, params: MessageParams): never {
    throw new Unsupported(tIn(this.locale, key, params));
  }

  private syntax(detail: string): never {
    this.fail("shareEvalSyntax", { pos: this.i + 1, detail });
  }

  private ws(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++;
  }

  private peek(): string {
    return this.text[this.i] ?? "";
  }

  private expect(ch: string): void {
    this.ws();
    if (this.peek() !== ch) this.syntax(`expected "${ch}"`);
    this.i++;
  }

  parseFormula(): OpsCall {
    this.ws();
    if (this.peek() === "=") this.i++;
    this.ws();
    const m = /^(?:_xldudf_OPS_|OPS\.)([A-Za-z][A-Za-z0-9_]*)\s*\(/i.exec(this.text.slice(this.i));
    if (!m) this.fail("shareEvalNotOpsCall", { formula: this.text.trim() });
    const name = m[1]!.toUpperCase();
    this.i += m[0].length;
    const args: OpsArg[] = [];
    this.ws();
    if (this.peek() === ")") {
      this.i++;
    } else {
      for (;;) {
        this.ws();
        const c = this.peek();
        args.push(c === "," || c === ")" ? { kind: "omitted" } : this.parseArg());
        this.ws();
        const sep = this.peek();
        if (sep === ",") {
          this.i++;
          continue;
        }
        if (sep === ")") {
          this.i++;
          break;
        }
        if (sep === "") this.syntax('expected ")"');
        this.fail("shareEvalNotOpsCall", { formula: this.text.trim() });
      }
    }
    this.ws();
    if (this.i < this.text.length) this.fail("shareEvalNotOpsCall", { formula: this.text.trim() });
    return { name, args };
  }

  private parseString(): string {
    // at the opening quote
    this.i++;
    let out = "";
    for (;;) {
      if (this.i >= this.text.length) this.syntax("unterminated text");
      const ch = this.text[this.i++]!;
      if (ch === '"') {
        if (this.peek() === '"') {
          out += '"';
          this.i++;
          continue;
        }
        return out;
      }
      out += ch;
    }
  }

  private parseNumber(): number {
    const m = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?/.exec(this.text.slice(this.i));
    if (!m) this.syntax("expected a number");
    this.i += m[0].length;
    const pct = m[0].endsWith("%");
    const n = Number(pct ? m[0].slice(0, -1) : m[0]);
    return pct ? n / 100 : n;
  }

  private parseItem(): ArrayItem {
    this.ws();
    const c = this.peek();
    if (c === '"') return this.parseString();
    const bool = /^(TRUE|FALSE)(?![A-Za-z0-9_.])/i.exec(this.text.slice(this.i));
    if (bool) {
      this.i += bool[0].length;
      return bool[1]!.toUpperCase() === "TRUE";
    }
    return this.parseNumber();
  }

  private parseArray(): ArrayItem[][] {
    this.i++; // {
    const rows: ArrayItem[][] = [[]];
    for (;;) {
      rows[rows.length - 1]!.push(this.parseItem());
      this.ws();
      const c = this.peek();
      this.i++;
      if (c === ",") continue;
      if (c === ";") {
        rows.push([]);
        continue;
      }
      if (c === "}") break;
      this.i--;
      this.syntax('expected ",", ";" or "}" in an array constant');
    }
    const width = rows[0]!.length;
    if (rows.some((r) => r.length !== width)) this.syntax("the rows of an array constant differ in length");
    return rows;
  }

  private parseArg(): OpsArg {
    const c = this.peek();
    if (c === '"') return { kind: "string", value: this.parseString() };
    if (c === "{") return { kind: "array", rows: this.parseArray() };
    const start = this.i;
    let sheet: string | null = null;
    if (c === "'") {
      const m = /^'((?:[^']|'')+)'!/.exec(this.text.slice(this.i));
      if (!m) this.syntax("expected 'sheet name'!");
      sheet = m[1]!.replace(/''/g, "'");
      this.i += m[0].length;
    } else {
      const m = /^([A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*)!/.exec(this.text.slice(this.i));
      if (m) {
        sheet = m[1]!;
        this.i += m[0].length;
      }
    }
    const rest = this.text.slice(this.i);
    const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/.exec(rest);
    const after = (len: number) => rest[len] ?? "";
    if (cell && !/[A-Za-z0-9_.(]/.test(after(cell[0].length))) {
      if (after(cell[0].length) === "#") this.fail("shareEvalSpillRef", { ref: this.text.slice(start, this.i + cell[0].length + 1) });
      this.i += cell[0].length;
      const c1 = columnIndex(cell[1]!);
      const r1 = Number(cell[2]) - 1;
      const c2 = cell[3] !== undefined ? columnIndex(cell[3]) : c1;
      const r2 = cell[4] !== undefined ? Number(cell[4]) - 1 : r1;
      return {
        kind: "ref",
        sheet,
        row1: Math.min(r1, r2),
        col1: Math.min(c1, c2),
        row2: Math.max(r1, r2),
        col2: Math.max(c1, c2),
        text: this.text.slice(start, this.i),
      };
    }
    const line = /^\$?(?:[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\d{1,7}:\$?\d{1,7})(?![A-Za-z0-9_.(])/.exec(rest);
    if (line) this.fail("shareEvalWholeLine", { ref: this.text.slice(start, this.i + line[0].length) });
    if (sheet !== null) this.syntax("expected a cell or range after the sheet name");
    const bool = /^(TRUE|FALSE)(?![A-Za-z0-9_.(])/i.exec(rest);
    if (bool) {
      this.i += bool[0].length;
      return { kind: "boolean", value: bool[1]!.toUpperCase() === "TRUE" };
    }
    const name = /^[A-Za-z_\\][A-Za-z0-9_.]*/.exec(rest);
    if (name) {
      if (rest[name[0].length] === "(" || /^\s*\(/.test(rest.slice(name[0].length))) {
        this.fail("shareEvalNotOpsCall", { formula: this.text.trim() });
      }
      this.i += name[0].length;
      return { kind: "name", name: name[0] };
    }
    if (/^[+\-.\d]/.test(rest)) return { kind: "number", value: this.parseNumber() };
    this.syntax("expected an argument");
  }
}

/** Parses one OPS call formula; throws Unsupported (with a localized reason) for anything else. */
export function parseOpsCall(formula: string, locale: Locale = "en"): OpsCall {
  return new Parser(formula, locale).parseFormula();
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

export interface EvaluateOptions {
  locale?: Locale;
}

/** The value Excel passes for a constant cell; formula cells are refused by the caller. */
function cellValue(cell: CellSpec | undefined): unknown {
  if (!cell || cell.value === undefined) return "";
  if (typeof cell.value === "number" && !Number.isFinite(cell.value)) return "";
  return cell.value;
}

/** A grid as the custom-function edge would spill it: rectangular, "" for holes and non-finite numbers. */
export function edgeGrid(grid: Grid): Grid {
  if (grid.length === 0) return [[""]];
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0) || 1;
  return grid.map((row) => {
    const out = new Array<CellOut>(width);
    for (let c = 0; c < width; c++) {
      const v = row[c];
      out[c] = isOpsError(v) || typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? v : "";
    }
    return out;
  });
}

/**
 * An evaluator bound to one spec (its sheets are indexed once): give it the
 * sheet of the formula and the formula. Never throws for a bad formula: it
 * returns { kind: "unsupported", reason }.
 */
export function opsEvaluator(spec: WorkbookSpec, options: EvaluateOptions = {}): (sheet: string, formula: string) => EvalResult {
  const locale = options.locale ?? "en";
  const indexes = new Map<string, Map<number, CellSpec>>();
  const fail = (key: MessageKey, params: MessageParams): never => {
    throw new Unsupported(tIn(locale, key, params));
  };
  const cellsOf = (name: string): Map<number, CellSpec> => {
    const sheet = findSheet(spec, name);
    if (!sheet) fail("shareEvalUnknownSheet", { sheet: name });
    const key = sheet!.name.toLowerCase();
    let cells = indexes.get(key);
    if (!cells) indexes.set(key, (cells = sheetCells(sheet!)));
    return cells;
  };

  const readRange = (ref: Extract<OpsArg, { kind: "ref" }>, ownSheet: string): unknown[][] => {
    const cells = cellsOf(ref.sheet ?? ownSheet);
    const out: unknown[][] = [];
    for (let r = ref.row1; r <= ref.row2; r++) {
      const row: unknown[] = [];
      for (let c = ref.col1; c <= ref.col2; c++) {
        const cell = cells.get(cellKey(r, c));
        if (isFormulaCell(cell)) fail("shareEvalFormulaInRange", { ref: ref.text, cell: a1(r, c) });
        row.push(cellValue(cell));
      }
      out.push(row);
    }
    return out;
  };

  const resolveName = (name: string): Extract<OpsArg, { kind: "ref" }> => {
    const def = (spec.names ?? []).find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (!def) fail("shareEvalUnknownName", { name });
    let call: OpsCall | undefined;
    try {
      call = parseOpsCall(`=OPS.X(${def!.refersTo.replace(/^=/, "")})`, locale);
    } catch {
      call = undefined;
    }
    const ref = call?.args[0];
    if (!call || !ref || ref.kind !== "ref" || call.args.length !== 1 || ref.sheet === null) fail("shareEvalUnknownName", { name });
    return ref as Extract<OpsArg, { kind: "ref" }>;
  };

  const shape = (a: OpsArg, param: Param, ownSheet: string, fn: string, index: number): unknown => {
    switch (a.kind) {
      case "omitted":
        return null;
      case "number":
      case "string":
      case "boolean":
        return param === "matrix" ? [[a.value]] : a.value;
      case "array":
        return param === "matrix" ? a.rows : a.rows[0]![0];
      case "name":
        return shape(resolveName(a.name), param, ownSheet, fn, index);
      case "ref": {
        const grid = readRange(a, ownSheet);
        if (param === "matrix") return grid;
        if (grid.length !== 1 || grid[0]!.length !== 1) fail("shareEvalRangeToScalar", { arg: index + 1, name: fn, ref: a.text });
        return grid[0]![0];
      }
    }
  };

  const evaluate = (sheet: string, formula: string): EvalResult => {
    const pick = LAST_ROW_PICK.exec(formula);
    if (pick) {
      const inner = evaluate(sheet, pick[2]!);
      if (inner.kind !== "value") return inner;
      const row = inner.grid[inner.grid.length - 1]!;
      const col = Number(pick[3]) - 1;
      if (col < 0 || col >= row.length) return { kind: "unsupported", reason: tIn(locale, "shareEvalNotOpsCall", { formula: formula.trim() }) };
      const v = row[col]!;
      return isOpsError(v) ? { kind: "error", error: v } : { kind: "value", grid: [[v]] };
    }
    try {
      const call = parseOpsCall(formula, locale);
      const fn = OPS_FUNCTIONS[call.name];
      if (!fn) fail("shareEvalUnknownFunction", { name: call.name });
      if (call.args.length > fn!.params.length) fail("shareEvalTooManyArgs", { name: call.name, max: fn!.params.length, got: call.args.length });
      const args = call.args.map((a, i) => shape(a, fn!.params[i]!, sheet, call.name, i));
      const result = fn!.call(args);
      if (isOpsError(result)) return { kind: "error", error: result };
      if (typeof result === "number") {
        if (!Number.isFinite(result)) return { kind: "error", error: opsError("#NUM!", "resultNotFinite") };
        return { kind: "value", grid: [[result]] };
      }
      return { kind: "value", grid: edgeGrid(result) };
    } catch (e) {
      if (e instanceof Unsupported) return { kind: "unsupported", reason: e.reason };
      throw e;
    }
  };
  return evaluate;
}

/** =LET(r,<OPS call>,INDEX(r,ROWS(r),n)): the KPI recipes' "last row, column n" (name, call, n). */
const LAST_ROW_PICK = /^\s*=?\s*LET\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*,\s*(.+?)\s*,\s*INDEX\(\s*\1\s*,\s*ROWS\(\s*\1\s*\)\s*,\s*(\d+)\s*\)\s*\)\s*$/i;

/** Evaluates one formula of a sheet of `spec` (indexes the spec each call: use opsEvaluator for many). */
export function evaluateOpsFormula(spec: WorkbookSpec, sheet: string, formula: string, options: EvaluateOptions = {}): EvalResult {
  return opsEvaluator(spec, options)(sheet, formula);
}
