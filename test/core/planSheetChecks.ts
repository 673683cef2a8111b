/**
 * Shared checks for the plan-sheet generators' tests: formula syntax and
 * references, and golden TableSpec snapshots under test/golden/.
 *
 * Golden files: test/golden/<name>.<locale>.json. A missing file is written
 * and the test fails asking to review and commit it; UPDATE_GOLDEN=1 rewrites
 * them all (review the diff before committing: goldens are not updated blindly).
 */
import * as fs from "fs";
import * as path from "path";
import type { SheetSpec, DefinedNameSpec } from "../../src/core/tablespec/types";
import type { GeneratorContext } from "../../src/core/generators/context";

const GOLDEN_DIR = path.join(__dirname, "..", "golden");

export function expectGolden(name: string, value: unknown): void {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const actual: unknown = JSON.parse(JSON.stringify(value));
  const update = process.env.UPDATE_GOLDEN === "1";
  if (update || !fs.existsSync(file)) {
    const existed = fs.existsSync(file);
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(actual, null, 2) + "\n");
    if (!update && !existed)
      throw new Error(`Golden file ${path.relative(process.cwd(), file)} was missing and has been written: review it, commit it, and re-run.`);
    return;
  }
  expect(actual).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** Every formula of a sheet: cells, conditional formats, with where it sits. */
export function sheetFormulas(sheet: SheetSpec): { where: string; formula: string }[] {
  const out: { where: string; formula: string }[] = [];
  sheet.blocks.forEach((b, bi) =>
    b.rows.forEach((r, ri) => r.forEach((c, ci) => c?.formula !== undefined && out.push({ where: `block ${bi} row ${ri} col ${ci}`, formula: c.formula }))),
  );
  sheet.conditionalFormats?.forEach((cf, i) => {
    if (cf.kind === "expression") out.push({ where: `cf ${i}`, formula: cf.formula });
  });
  return out;
}

/** Problems of one formula: leading "=", balanced quotes and parentheses, only known sheets and names. */
export function formulaProblems(formula: string, ctx: GeneratorContext, names: readonly string[]): string[] {
  const problems: string[] = [];
  if (!formula.startsWith("=")) problems.push("does not start with =");
  // Strip string literals ("" is an escaped quote).
  let rest = "";
  let inString = false;
  for (let i = 1; i < formula.length; i++) {
    const ch = formula[i]!;
    if (ch === '"') {
      if (inString && formula[i + 1] === '"') i++;
      else inString = !inString;
      continue;
    }
    if (!inString) rest += ch;
  }
  if (inString) problems.push("unbalanced quotes");
  let depth = 0;
  for (const ch of rest) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push("unbalanced parentheses");
  const sheets = new Set(Object.values(ctx.sheetNames));
  rest = rest.replace(/'((?:[^']|'')+)'!/g, (_m, name: string) => {
    if (!sheets.has(name.replace(/''/g, "'"))) problems.push(`unknown sheet '${name}'`);
    return "";
  });
  if (/!/.test(rest)) problems.push("unquoted or malformed sheet reference");
  rest = rest.replace(/\$?[A-Z]{1,3}\$?\d+/g, " ").replace(/\$?[A-Z]{1,3}:\$?[A-Z]{1,3}/g, " ");
  for (const m of rest.matchAll(/[A-Za-z_][A-Za-z0-9_.]*/g)) {
    const after = rest.slice(m.index! + m[0].length).trimStart();
    if (after.startsWith("(")) continue; // a function
    if (!names.includes(m[0])) problems.push(`unknown name ${m[0]}`);
  }
  return problems;
}

export function expectFormulasSound(sheet: SheetSpec, ctx: GeneratorContext, names: readonly DefinedNameSpec[] | readonly string[] = []): void {
  const known = names.map((n) => (typeof n === "string" ? n : n.name));
  const bad = sheetFormulas(sheet)
    .map(({ where, formula }) => ({ where, formula, problems: formulaProblems(formula, ctx, known) }))
    .filter((f) => f.problems.length > 0);
  expect(bad).toEqual([]);
}

/** The cell at an A1 address of a sheet's first block anchored at A1. */
export function cellAt(sheet: SheetSpec, row: number, col: number) {
  const block = sheet.blocks[0]!;
  expect(block.anchor).toBe("A1");
  return block.rows[row]?.[col] ?? null;
}

/** True when the text has Chinese characters. */
export const hasCjk = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);
