/**
 * The worked examples of the definition pages (docs/functions/*.md) are run
 * here, so a page cannot drift from the code. The conventions are those of
 * docs/functions/README.md, "How to read a definition page":
 *
 * - `<!-- example: data -->` before a table: each column is a named range
 *   (its header) of cells; a column whose header is a formula in backticks
 *   is the spill that formula gives next to the data. Empty cells are null
 *   (Excel on the web); after `<!-- example: data, as Excel for Windows
 *   passes it -->` they are 0.
 * - `<!-- example: formulas -->` before a table of `formula | result` rows.
 * - `<!-- example: spill -->` before a table: the whole spill (header row
 *   included) of the formula in backticks on the line above the table.
 * - `<!-- errors: src/a.ts src/b.ts -->` before a table of `code | key |
 *   message | when` rows: every `fail(code, key)` in those sources has a
 *   row, and every message matches its English catalogue entry (whichever
 *   src/core/i18n/*.en.ts file holds it).
 *
 * Data names are visible until the next heading. Formulas are evaluated the
 * way Excel calls the add-in: omitted arguments are null, a literal passed to
 * a parameter declared `any[][]` in src/functions/functions.ts arrives as a
 * 1×1 matrix, and the core result goes through the edge (src/functions/edge.ts)
 * exactly as the custom function returns it.
 */
import { readFileSync, readdirSync, existsSync } from "fs";
import { join } from "path";
import { parseIsoSerial } from "../../src/core/dates";
import { setLocale } from "../../src/core/i18n";
import { single, spill } from "../../src/functions/edge";
import type { Grid, OpsError } from "../../src/core/errors";

const ROOT = join(__dirname, "..", "..");
const DOCS = join(ROOT, "docs", "functions");
/** The pages this test must find examples in (other pages are checked when they use the markers). */
const REQUIRED_PAGES = ["args.md", "payrate.md", "tier.md", "renewal.md"];

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

type ErrorCell = { error: string; message: string | null };
/** An expected cell: a number (with the decimals shown when rounded), text, or an error. */
type Expected =
  | { kind: "number"; value: number; roundedTo: number | null }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string; message: string | null };

const ERROR_CODES = ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"];
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** Strips the code span a cell may be written in, and markdown's escaped pipe. */
function cellSource(raw: string): string {
  let s = raw.trim().replace(/\\\|/g, "|");
  if (s.length >= 2 && s.startsWith("`") && s.endsWith("`")) s = s.slice(1, -1);
  return s;
}

function unquote(s: string): string | null {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1).replace(/""/g, '"');
  return null;
}

/**
 * A data cell as Excel passes it: empty → null (Excel on the web; Windows
 * passes 0, see the pages), "…" → text, numbers, TRUE/FALSE, unquoted ISO
 * dates → serials (a date cell holds a serial).
 */
function dataCell(raw: string, emptyCell: null | 0 = null): unknown {
  const s = cellSource(raw);
  if (s === "") return emptyCell;
  const text = unquote(s);
  if (text !== null) return text;
  if (s === "TRUE" || s === "FALSE") return s === "TRUE";
  if (NUMBER.test(s)) return Number(s);
  if (ISO_DATE.test(s)) {
    const serial = parseIsoSerial(s);
    if (Number.isNaN(serial)) throw new Error(`not a real date: ${s}`);
    return serial;
  }
  return s;
}

function expectedCell(raw: string): Expected {
  const s = cellSource(raw);
  for (const code of ERROR_CODES) {
    if (s === code || s.startsWith(code + " ")) {
      const message = s.slice(code.length).trim();
      return { kind: "error", code, message: message === "" ? null : message };
    }
  }
  if (s === "") return { kind: "text", value: "" };
  const rounded = /^(-?\d+(?:\.(\d+))?)…$/.exec(s);
  if (rounded) return { kind: "number", value: Number(rounded[1]), roundedTo: rounded[2]?.length ?? 0 };
  const v = dataCell(raw);
  if (typeof v === "number") return { kind: "number", value: v, roundedTo: null };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  return { kind: "text", value: v as string };
}

function describeCell(got: unknown): string {
  if (isErrorCell(got)) return `${got.error} ${got.message ?? ""}`.trim();
  return JSON.stringify(got);
}

function isErrorCell(v: unknown): v is ErrorCell {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Does a cell Excel would show match the expected cell? */
function matches(got: unknown, want: Expected): boolean {
  switch (want.kind) {
    case "error":
      return isErrorCell(got) && got.error === want.code && (want.message === null || got.message === want.message);
    case "number": {
      if (typeof got !== "number") return false;
      if (want.roundedTo !== null) return Math.abs(got - want.value) <= 0.5 * 10 ** -want.roundedTo + 1e-12;
      return Math.abs(got - want.value) <= 1e-12 * Math.max(1, Math.abs(want.value));
    }
    case "boolean":
      return got === want.value;
    case "text":
      return got === want.value;
  }
}

// ---------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------

type CoreFn = (...args: unknown[]) => Grid | number | OpsError;
/* eslint-disable @typescript-eslint/no-require-imports -- loaded only when a page uses the function */
const CORE: Record<string, () => CoreFn> = {
  PAYRATE: () => require("../../src/core/metrics/payrate").payrate as CoreFn,
  TIER: () => require("../../src/core/metrics/tier").tier as CoreFn,
  RENEWAL: () => require("../../src/core/metrics/renewal").renewal as CoreFn,
  RETENTION: () => require("../../src/core/metrics/retention").retention as CoreFn,
  FUNNEL: () => require("../../src/core/metrics/funnel").funnel as CoreFn,
};
/* eslint-enable @typescript-eslint/no-require-imports */
const SCALAR_RESULT = new Set(["PAYRATE"]);

/** Which parameters of each custom function are declared any[][] (they receive literals as 1×1 matrices). */
function matrixParams(): Map<string, boolean[]> {
  const source = readFileSync(join(ROOT, "src", "functions", "functions.ts"), "utf8");
  const out = new Map<string, boolean[]>();
  for (const m of source.matchAll(/export (?:async )?function (\w+)\(([^)]*)\)/g)) {
    const params = m[2]!.split(",").map((p) => p.trim()).filter((p) => p !== "");
    out.set(m[1]!.toUpperCase(), params.map((p) => /:\s*any\[\]\[\]$/.test(p)));
  }
  return out;
}
const MATRIX_PARAMS = matrixParams();

/** Splits at top-level commas (outside quotes and braces). */
function splitTopLevel(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && (ch === "{" || ch === "(")) depth++;
    else if (!inQuote && (ch === "}" || ch === ")")) depth--;
    else if (!inQuote && depth === 0 && ch === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** An array constant such as {1,2;3,4} or {"S","A"}: commas separate columns, semicolons rows. */
function arrayConstant(s: string): unknown[][] {
  const body = s.slice(1, -1);
  return splitTopLevel(body, ";").map((row) => splitTopLevel(row, ",").map((cell) => literal(cell.trim())));
}

function literal(s: string): unknown {
  const text = unquote(s);
  if (text !== null) return text;
  if (s === "TRUE" || s === "FALSE") return s === "TRUE";
  if (NUMBER.test(s)) return Number(s);
  throw new Error(`not a literal: ${s}`);
}

type Scope = Map<string, unknown[]>;

/** Evaluates `=OPS.NAME(…)` as Excel would call the add-in; returns what the cell(s) would show. */
function evaluate(formula: string, scope: Scope): unknown {
  const m = /^=OPS\.([A-Z]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`not an OPS formula: ${formula}`);
  const name = m[1]!;
  const load = CORE[name];
  const kinds = MATRIX_PARAMS.get(name);
  if (!load || !kinds) throw new Error(`unknown function OPS.${name}`);
  const rawArgs = m[2]!.trim() === "" ? [] : splitTopLevel(m[2]!, ",");
  if (rawArgs.length > kinds.length) throw new Error(`too many arguments in ${formula}`);
  const args = kinds.map((isMatrix, i) => {
    const a = (rawArgs[i] ?? "").trim();
    if (a === "") return null;
    if (a.startsWith("{")) return arrayConstant(a);
    if (/^[A-Za-z_][\w.]*$/.test(a) && a !== "TRUE" && a !== "FALSE") {
      const cells = scope.get(a);
      if (!cells) throw new Error(`no data named ${a} for ${formula}`);
      return cells.map((c) => [c]);
    }
    const v = literal(a);
    return isMatrix ? [[v]] : v;
  });
  const result = load()(...args);
  const asCell = (e: unknown): ErrorCell => {
    const err = e as { code?: unknown; message?: unknown };
    if (typeof err.code !== "string") throw e;
    return { error: err.code, message: typeof err.message === "string" ? err.message : null };
  };
  try {
    if (SCALAR_RESULT.has(name)) return single(result as number | OpsError);
    const grid = spill(result as Grid | OpsError) as unknown[][];
    return grid.map((row) => row.map((cell) => (typeof cell === "object" && cell !== null ? asCell(cell) : cell)));
  } catch (e) {
    return asCell(e);
  }
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

interface Table {
  header: string[];
  rows: string[][];
  /** The nearest non-empty line above the table's marker or table. */
  lineAbove: string;
  line: number;
}

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

interface Example {
  page: string;
  title: string;
  run: () => void;
}

interface ErrorRow {
  page: string;
  code: string;
  key: string;
  message: string;
  line: number;
}

function parsePage(page: string, text: string): { examples: Example[]; errorRows: ErrorRow[]; sources: string[] } {
  const lines = text.split("\n");
  const examples: Example[] = [];
  const errorRows: ErrorRow[] = [];
  const sources: string[] = [];
  let scope: Scope = new Map();
  let section = page;
  let lastText = "";

  const readTable = (from: number): { table: Table; end: number } => {
    let i = from;
    while (i < lines.length && lines[i]!.trim() === "") i++;
    if (i >= lines.length || !lines[i]!.trim().startsWith("|")) throw new Error(`${page}:${from + 1}: a marker must be followed by a table`);
    const start = i;
    const header = splitRow(lines[i]!);
    i += 2; // header and separator
    const rows: string[][] = [];
    while (i < lines.length && lines[i]!.trim().startsWith("|")) rows.push(splitRow(lines[i++]!));
    return { table: { header, rows, lineAbove: lastText, line: start + 1 }, end: i };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed.startsWith("#")) {
      scope = new Map();
      section = trimmed.replace(/^#+\s*/, "");
      lastText = "";
      continue;
    }
    const marker = /^<!--\s*(example|errors):?\s*(.*?)\s*-->$/.exec(trimmed);
    if (!marker) {
      if (trimmed !== "" && !trimmed.startsWith("|")) lastText = trimmed;
      continue;
    }
    const { table, end } = readTable(i + 1);
    i = end - 1;
    const where = `${page}:${table.line}`;
    if (marker[1] === "errors") {
      sources.push(...marker[2]!.split(/\s+/).filter((s) => s !== ""));
      for (const r of table.rows) {
        errorRows.push({ page, code: cellSource(r[0] ?? ""), key: cellSource(r[1] ?? ""), message: cellSource(r[2] ?? ""), line: table.line });
      }
      continue;
    }
    const kind = marker[2];
    if (kind === "data" || kind === "data, as Excel for Windows passes it") {
      const empty = kind === "data" ? null : 0;
      const formulaColumns: { index: number; formula: string }[] = [];
      table.header.forEach((h, c) => {
        const name = cellSource(h);
        if (name.startsWith("=")) formulaColumns.push({ index: c, formula: name });
        else scope.set(name, table.rows.map((r) => dataCell(r[c] ?? "", empty)));
      });
      const frozen: Scope = new Map(scope);
      for (const { index, formula } of formulaColumns) {
        const want = table.rows.map((r) => [expectedCell(r[index] ?? "")]);
        examples.push({ page, title: `${section}: ${formula} (${where})`, run: () => expectSpill(evaluate(formula, frozen), want, formula) });
      }
    } else if (kind === "formulas") {
      const frozen: Scope = new Map(scope);
      for (const r of table.rows) {
        const formula = cellSource(r[0] ?? "");
        const want = expectedCell(r[1] ?? "");
        examples.push({
          page,
          title: `${section}: ${formula} → ${cellSource(r[1] ?? "")} (${where})`,
          run: () => {
            const got = evaluate(formula, frozen);
            const cell = Array.isArray(got) && got.length === 1 && (got[0] as unknown[]).length === 1 ? (got[0] as unknown[])[0] : got;
            if (!matches(cell, want)) throw new Error(`${formula}: expected ${cellSource(r[1] ?? "")}, got ${Array.isArray(cell) ? JSON.stringify(cell) : describeCell(cell)}`);
          },
        });
      }
    } else if (kind === "spill") {
      const formula = /`(=OPS\.[^`]+)`/.exec(table.lineAbove)?.[1];
      if (!formula) throw new Error(`${where}: a spill table needs its formula in backticks on the line above`);
      const want = [table.header, ...table.rows].map((r) => r.map(expectedCell));
      const frozen: Scope = new Map(scope);
      examples.push({ page, title: `${section}: ${formula} (${where})`, run: () => expectSpill(evaluate(formula, frozen), want, formula) });
    } else {
      throw new Error(`${where}: unknown marker "${kind}"`);
    }
  }
  return { examples, errorRows, sources };
}

function expectSpill(got: unknown, want: Expected[][], formula: string): void {
  if (!Array.isArray(got)) throw new Error(`${formula}: expected a spill, got ${describeCell(got)}`);
  const grid = got as unknown[][];
  const problems: string[] = [];
  if (grid.length !== want.length) problems.push(`${grid.length} rows, expected ${want.length}`);
  want.forEach((row, r) => {
    const gotRow = grid[r] ?? [];
    if (gotRow.length !== row.length) problems.push(`row ${r + 1}: ${gotRow.length} cells, expected ${row.length}`);
    row.forEach((cell, c) => {
      if (!matches(gotRow[c], cell)) problems.push(`row ${r + 1} cell ${c + 1}: got ${describeCell(gotRow[c])}, expected ${JSON.stringify(cell)}`);
    });
  });
  if (problems.length > 0) throw new Error(`${formula}:\n  ${problems.join("\n  ")}`);
}

/** Every English catalogue merged (src/core/i18n/en.ts and each *.en.ts), whichever file holds a key. */
function englishCatalogue(): Record<string, unknown> {
  const dir = join(ROOT, "src", "core", "i18n");
  const merged: Record<string, unknown> = {};
  for (const file of readdirSync(dir).filter((f) => /^(?:en|[\w-]+\.en)\.ts$/.test(f)).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the set of catalogue files is read from disk
    const exports = require(join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(exports)) if (typeof value === "object" && value !== null) Object.assign(merged, value);
  }
  return merged;
}
const ENGLISH = englishCatalogue();

/** The catalogue entry as a pattern: placeholders match any text. */
function messagePattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".+?")}$`, "s");
}

/** (code, key) of every catalogued error a source file raises with a literal key. */
function raisedErrors(file: string): { code: string; key: string }[] {
  const source = readFileSync(join(ROOT, file), "utf8");
  const out: { code: string; key: string }[] = [];
  for (const m of source.matchAll(/\b(?:fail|opsError)\(\s*"(#[A-Z0-9/]+[!?A-Z]*)",\s*"(\w+)"/g)) out.push({ code: m[1]!, key: m[2]! });
  return out;
}

// ---------------------------------------------------------------------------

const pages = existsSync(DOCS) ? readdirSync(DOCS).filter((f) => f.endsWith(".md")).sort() : [];
const parsed = pages.map((page) => ({ page, ...parsePage(page, readFileSync(join(DOCS, page), "utf8")) }));

beforeAll(() => setLocale("en"));

describe("definition pages exist and carry examples", () => {
  it.each(REQUIRED_PAGES)("%s has worked examples and an errors table", (page) => {
    const p = parsed.find((x) => x.page === page);
    expect(p).toBeDefined();
    expect(p!.examples.length).toBeGreaterThanOrEqual(3);
    expect(p!.errorRows.length).toBeGreaterThan(0);
  });
});

describe.each(parsed.filter((p) => p.examples.length > 0).map((p) => [p.page, p.examples] as const))("examples in %s", (_page, examples) => {
  it.each(examples.map((e) => [e.title, e] as const))("%s", (_title, example) => example.run());
});

describe.each(parsed.filter((p) => p.errorRows.length > 0).map((p) => [p.page, p] as const))("errors table of %s", (_page, p) => {
  const edge = readFileSync(join(ROOT, "src", "functions", "edge.ts"), "utf8");

  it.each(p.errorRows.map((r) => [`${r.code} ${r.key}`, r] as const))("%s: code and exact English message", (_name, r) => {
    expect(ERROR_CODES).toContain(r.code);
    if (r.key === "(edge)") {
      expect(edge).toContain(`"${r.code}", "${r.message}"`);
      return;
    }
    const template: unknown = ENGLISH[r.key];
    expect(typeof template).toBe("string");
    expect(r.message).toMatch(messagePattern(template as string));
  });

  it("lists every error its sources raise", () => {
    const listed = new Set(p.errorRows.map((r) => `${r.code} ${r.key}`));
    const missing = p.sources.flatMap(raisedErrors).map((e) => `${e.code} ${e.key}`).filter((e) => !listed.has(e));
    expect(missing).toEqual([]);
  });
});
