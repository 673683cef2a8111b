/**
 * Shared checks for the data-sheet generator tests (KPI, tiering, summary,
 * intake): formula structure, sheet references, golden snapshots, and a
 * small fixed plan (built here, independent of any sample plan).
 */
import * as fs from "fs";
import * as path from "path";
import type { CellSpec, SheetSpec } from "../../src/core/tablespec/types";
import { parseA1, parseRange, sheetRef } from "../../src/core/tablespec/a1";
import type { GeneratorContext } from "../../src/core/generators/context";
import { PLAN_VERSION, type Plan } from "../../src/core/plan/types";
import type { Locale } from "../../src/core/i18n";

export interface FoundFormula {
  where: string;
  formula: string;
}

/** Every formula of a sheet: cells, conditional formats, list validation sources. */
export function allFormulas(spec: SheetSpec): FoundFormula[] {
  const out: FoundFormula[] = [];
  for (const block of spec.blocks) {
    const { row: r0, col: c0 } = parseA1(block.anchor);
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.formula !== undefined) out.push({ where: `${spec.name}!R${r0 + r + 1}C${c0 + c + 1}`, formula: cell.formula });
      }),
    );
  }
  for (const cf of spec.conditionalFormats ?? []) {
    if (cf.kind === "expression") out.push({ where: `cf ${cf.range}`, formula: cf.formula });
  }
  for (const v of spec.validations ?? []) {
    if (v.kind === "listFormula") out.push({ where: `validation ${v.range}`, formula: v.source });
  }
  return out;
}

/** The formula with string literals blanked out ("..." → ""). */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

/** Sheet names a formula refers to ('Quoted name'! and Plain!). */
export function referencedSheets(formula: string): string[] {
  let rest = withoutStrings(formula);
  const names: string[] = [];
  rest = rest.replace(/'((?:[^']|'')+)'!/g, (_m, name: string) => {
    names.push(name.replace(/''/g, "'"));
    return "";
  });
  for (const m of rest.matchAll(/([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!/g)) names.push(m[1]!);
  return names;
}

/** Structural problems of one formula (empty when fine). */
export function formulaProblems(formula: string, ctx: GeneratorContext): string[] {
  const problems: string[] = [];
  if (!formula.startsWith("=")) problems.push("does not start with =");
  if ((formula.match(/"/g) ?? []).length % 2 !== 0) problems.push("unbalanced quotes");
  let depth = 0;
  for (const ch of withoutStrings(formula)) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push("unbalanced parentheses");
  if (/,\)|\(,|,,/.test(withoutStrings(formula).replace(/""/g, "x"))) problems.push("empty argument");
  const allowed = new Set(Object.values(ctx.sheetNames));
  for (const name of referencedSheets(formula)) if (!allowed.has(name)) problems.push(`unknown sheet ${name}`);
  return problems;
}

export function expectWellFormed(spec: SheetSpec, ctx: GeneratorContext): void {
  const bad = allFormulas(spec)
    .map((f) => ({ ...f, problems: formulaProblems(f.formula, ctx) }))
    .filter((f) => f.problems.length > 0);
  expect(bad).toEqual([]);
  expect(spec.name.length).toBeLessThanOrEqual(31);
  expect(spec.name).not.toMatch(/[:\\/?*[\]]/);
  for (const block of spec.blocks) {
    const widths = new Set(block.rows.map((r) => r.length));
    expect(widths.size).toBeLessThanOrEqual(1); // rectangular
  }
}

/** The cell at an A1 address ("B5"), looking through every block. */
export function cellAt(spec: SheetSpec, address: string): CellSpec | null {
  const { row, col } = parseA1(address);
  for (const block of spec.blocks) {
    const { row: r0, col: c0 } = parseA1(block.anchor);
    const cell = block.rows[row - r0]?.[col - c0];
    if (cell !== undefined && row >= r0 && col >= c0) return cell;
  }
  return null;
}

/** Every constant text value of a sheet. */
export function textValues(spec: SheetSpec): string[] {
  return spec.blocks.flatMap((b) =>
    b.rows.flatMap((r) => r.flatMap((c) => (typeof c?.value === "string" ? [c.value] : []))),
  );
}

export function inside(range: string, outer: string): boolean {
  const a = parseRange(range);
  const b = parseRange(outer);
  return a.row1 >= b.row1 && a.row2 <= b.row2 && a.col1 >= b.col1 && a.col2 <= b.col2;
}

const GOLDEN_DIR = path.join(__dirname, "..", "golden");

/**
 * Compares a SheetSpec with test/golden/<name>.<locale>.json. A missing file
 * is written and the test fails asking for a review; UPDATE_GOLDEN=1
 * rewrites it.
 */
export function expectGolden(name: string, locale: Locale, spec: SheetSpec): void {
  const file = path.join(GOLDEN_DIR, `${name}.${locale}.json`);
  const json = JSON.stringify(spec, null, 2) + "\n";
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, json, "utf8");
    return;
  }
  if (!fs.existsSync(file)) {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, json, "utf8");
    throw new Error(`Golden file ${path.relative(process.cwd(), file)} was missing and has been written: review it and commit it.`);
  }
  expect(JSON.parse(JSON.stringify(spec))).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** A small fixed plan: a paid-tier launch with five indicators of every unit and both directions. */
export function fixedPlan(locale: Locale, ctx: GeneratorContext): Plan {
  const zh = locale === "zh-CN";
  const m = (address: string) => sheetRef(ctx.sheetNames.metrics, address);
  return {
    version: PLAN_VERSION,
    locale,
    title: zh ? "专业版上线" : "Pro tier launch",
    goal: {
      type: "revenue",
      target: { value: 1200000, unit: "CNY", by: "2026-06-30" },
      fiveW2H: { what: "", why: "", who: "", when: "", where: "", how: "", howMuch: "" },
    },
    team: {
      people: [
        { id: "p1", name: zh ? "陈晓" : "Alice Chen", role: zh ? "产品经理" : "Product manager" },
        { id: "p2", name: zh ? "刘斌" : "Ben Liu", role: zh ? "大客户销售" : "Key-account sales" },
        { id: "p3", name: zh ? "王珂" : "Carol Wang", role: zh ? "数据分析师" : "Data analyst" },
      ],
      channels: [],
      currency: "CNY",
    },
    schedule: { templateId: "paidTier", startDate: "2026-03-02", holidays: [], tasks: [] },
    raci: {},
    indicators: [
      {
        id: "reg",
        kind: "registrations",
        name: zh ? "注册数" : "Registrations",
        definition: "",
        unit: "count",
        target: 2000,
        actual: 1850,
        reviewDate: "2026-04-01",
      },
      {
        id: "pay",
        kind: "paymentRate",
        name: zh ? "付费率" : "Payment rate",
        definition: zh ? "付费用户 ÷ 注册用户" : "Paying users ÷ registered users",
        unit: "percent",
        target: 0.05,
        actualFormula: `=OPS.PAYRATE(${m("$C$2:$C$5001")},${m("$A$2:$A$5001")})`,
        reviewDate: "2026-04-08",
      },
      {
        id: "d1",
        kind: "nextDayRetention",
        name: zh ? "次日留存" : "Next-day retention",
        definition: "",
        unit: "percent",
        target: 0.4,
        actualFormula: `=INDEX(OPS.RETENTION(${m("$A$2:$A$5001")},${m("$B$2:$B$5001")},"day",1),2,3)`,
      },
      {
        id: "arppu",
        kind: "arppu",
        name: "ARPPU",
        definition: "",
        unit: "currency",
        target: 1299,
      },
      {
        id: "ttv",
        kind: "custom",
        name: zh ? "首次见效天数" : "Days to first value",
        definition: zh ? "从开通到第一次成功使用核心功能的天数" : "Days from sign-up to the first successful use of the core feature",
        unit: "days",
        target: 3,
        direction: "lower",
        actual: 4,
      },
    ],
    contingencies: [],
  };
}
