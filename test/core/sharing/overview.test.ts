import { generateOverview, frozenNoteLines, overviewNoteRange, wrapText, OVERVIEW_COLUMNS } from "../../../src/core/sharing/overview";
import { defaultContext, type GeneratorContext } from "../../../src/core/generators/context";
import { samplePlan } from "../../../src/core/plan/fromTemplate";
import { demoData } from "../../../src/core/generators/demo";
import { expectedTiering } from "../../../src/core/generators/tiering";
import { kpiRows } from "../../../src/core/generators/kpi";
import { parseRange } from "../../../src/core/tablespec/a1";
import type { SheetSpec } from "../../../src/core/tablespec/types";
import type { Locale } from "../../../src/core/i18n";
import { allFormulas, cellAt, expectGolden, expectWellFormed, referencedSheets, textValues } from "../dataSheetChecks";

const tiers = (locale: Locale) => expectedTiering(demoData(locale).customers, {}).summary;

function overviewFor(ctx: GeneratorContext, frozenAt?: string): SheetSpec {
  return generateOverview(samplePlan(ctx.locale), ctx, { tierSummary: tiers(ctx.locale), ...(frozenAt ? { frozenAt } : {}) });
}

/** Row (1-based) of the first cell of column A whose text is `text`. */
function rowOf(spec: SheetSpec, text: string): number {
  const rows = spec.blocks[0]!.rows;
  const i = rows.findIndex((r) => r[0]?.value === text);
  if (i < 0) throw new Error(`no row "${text}"`);
  return i + 1;
}

const renamed: GeneratorContext = {
  locale: "en",
  sheetNames: { ...defaultContext("en").sheetNames, schedule: "Schedule (2)", kpi: "KPI's", tiering: "Tiers 2026", overview: "Overview (2)" },
};

describe("generateOverview", () => {
  it.each<[string, GeneratorContext]>([
    ["en", defaultContext("en")],
    ["zh-CN", defaultContext("zh-CN")],
    ["renamed sheets", renamed],
  ])("is well formed and links only to the plan's sheets (%s)", (_name, ctx) => {
    const spec = overviewFor(ctx, "2026-06-01");
    expectWellFormed(spec, ctx);
    expect(spec.kind).toBe("overview");
    expect(spec.name).toBe(ctx.sheetNames.overview);
    const sheets = new Set(allFormulas(spec).flatMap((f) => referencedSheets(f.formula)));
    expect([...sheets].sort()).toEqual([ctx.sheetNames.kpi, ctx.sheetNames.schedule, ctx.sheetNames.tiering].sort());
  });

  const ctx = defaultContext("en");
  const plan = samplePlan("en");
  const spec = overviewFor(ctx, "2026-06-01");
  const texts = textValues(spec);

  it("has the goal and its quantified target", () => {
    const r = rowOf(spec, "Quantified target");
    expect(cellAt(spec, `B${r}`)).toMatchObject({ value: plan.goal.target.value, numberFormat: "#,##0" });
    expect(cellAt(spec, `C${r}`)?.value).toBe(plan.goal.target.unit);
    expect(cellAt(spec, `E${r}`)).toMatchObject({ numberFormat: "yyyy-mm-dd" });
    expect(cellAt(spec, `B${rowOf(spec, "Core goal")}`)?.value).toBe("Grow the user base");
    expect(texts).toContain("Launch date");
  });

  it("links each milestone to its Schedule row", () => {
    const header = rowOf(spec, "Milestone");
    const milestones = plan.schedule.tasks.map((t, i) => ({ t, i })).filter(({ t }) => t.milestone);
    expect(milestones.length).toBe(4);
    milestones.forEach(({ i }, k) => {
      const r = header + 1 + k;
      const s = 5 + i; // the task's Schedule row
      expect(cellAt(spec, `A${r}`)?.formula).toBe(`=IFERROR(IF('Schedule'!$C$${s}="","",'Schedule'!$C$${s}),"")`);
      expect(cellAt(spec, `C${r}`)).toMatchObject({ formula: `=IFERROR(IF('Schedule'!$E$${s}="","",'Schedule'!$E$${s}),"")`, numberFormat: "yyyy-mm-dd" });
      expect(cellAt(spec, `D${r}`)?.formula).toContain(`'Schedule'!$G$${s}`);
      expect(cellAt(spec, `E${r}`)?.formula).toContain(`'Schedule'!$I$${s}`);
    });
  });

  it("lists the owners with the number of tasks each owns (COUNTIF over the Schedule's owner column)", () => {
    const header = rowOf(spec, "Person");
    plan.team.people.forEach((p, k) => {
      const r = header + 1 + k;
      expect(cellAt(spec, `A${r}`)?.value).toBe(p.name);
      expect(cellAt(spec, `C${r}`)?.formula).toBe(`=COUNTIF('Schedule'!$D$5:$D$${4 + plan.schedule.tasks.length},A${r})`);
    });
  });

  it("links KPI status to the KPI sheet, coloured by progress", () => {
    const header = rowOf(spec, "Indicator");
    kpiRows(plan).forEach(({ row }, k) => {
      const r = header + 1 + k;
      expect(cellAt(spec, `A${r}`)?.formula).toBe(`=IFERROR(IF('KPIs'!$A$${row + 1}="","",'KPIs'!$A$${row + 1}),"")`);
      expect(cellAt(spec, `E${r}`)?.formula).toContain(`'KPIs'!$G$${row + 1}`);
    });
    expect(spec.conditionalFormats!.map((c) => c.range)).toEqual(Array(3).fill(`D${header + 1}:E${header + plan.indicators.length}`));
    expect(spec.conditionalFormats![0]!.kind === "expression" && spec.conditionalFormats![0]!.formula).toBe(
      `=AND(ISNUMBER($D${header + 1}),$D${header + 1}>='KPIs'!$B$3)`,
    );
  });

  it("links the tier summary to the Customer tiers sheet's J:P block, with a total", () => {
    const header = rowOf(spec, "Tier");
    tiers("en").forEach((_t, k) => {
      const r = header + 1 + k;
      const s = 5 + k;
      expect(cellAt(spec, `A${r}`)?.formula).toContain(`'Customer tiers'!$J$${s}`);
      expect(cellAt(spec, `B${r}`)?.formula).toContain(`'Customer tiers'!$P$${s}`);
      expect(cellAt(spec, `C${r}`)?.formula).toContain(`'Customer tiers'!$L$${s}`);
      expect(cellAt(spec, `F${r}`)?.formula).toContain(`'Customer tiers'!$O$${s}`);
    });
    const total = header + 5;
    expect(cellAt(spec, `A${total}`)?.value).toBe("Total");
    expect(cellAt(spec, `C${total}`)?.formula).toBe(`=SUM(C${header + 1}:C${header + 4})`);
  });

  it("says clearly, right under the title, that values were frozen and when", () => {
    const lines = frozenNoteLines("2026-06-01", "en");
    const range = parseRange(overviewNoteRange("2026-06-01", "en"));
    expect(range.row2 - range.row1 + 1).toBe(lines.length);
    lines.forEach((line, i) => expect(cellAt(spec, `A${range.row1 + 1 + i}`)).toMatchObject({ value: line, style: "warning" }));
    expect(lines.join(" ")).toContain("Values frozen on 2026-06-01");
    expect(lines.join(" ")).toContain('"OpsKit formulas"');
    const live = overviewFor(ctx);
    expect(textValues(live).join(" ")).not.toContain("frozen");
    expect(live.blocks[0]!.rows.flat().some((c) => c?.style === "warning")).toBe(false);
  });

  it("prints on one page, portrait, the whole area A–F", () => {
    const rows = spec.blocks[0]!.rows.length;
    expect(spec.print).toEqual({ orientation: "portrait", fitToWidth: true, onePage: true, area: `A1:F${rows}` });
    expect(spec.blocks[0]!.rows.every((r) => r.length === OVERVIEW_COLUMNS)).toBe(true);
    expect(rows).toBeLessThanOrEqual(55); // fits a portrait page without shrinking the text much
  });

  it("holds the plan's own values when the sheets it would link to are not in the workbook", () => {
    const alone = generateOverview(plan, ctx, { tierSummary: tiers("en"), links: { schedule: false, kpi: false, tiering: false } });
    const refs = allFormulas(alone).flatMap((f) => referencedSheets(f.formula));
    expect(refs).toEqual([]);
    const header = rowOf(alone, "Milestone");
    expect(cellAt(alone, `A${header + 1}`)?.value).toBe(plan.schedule.tasks.find((t) => t.milestone)!.name);
    const tierHeader = rowOf(alone, "Tier");
    expect(cellAt(alone, `C${tierHeader + 1}`)?.value).toBe(tiers("en")[0]!.count);
  });

  it("leaves out the tier section without a tier summary", () => {
    const noTiers = generateOverview(plan, ctx);
    expect(textValues(noTiers)).not.toContain("Customer tiers");
  });

  it("is translated: the zh-CN sheet shares no English text with the en sheet", () => {
    const zh = overviewFor(defaultContext("zh-CN"), "2026-06-01");
    const english = new Set(texts);
    const shared = textValues(zh).filter((t) => english.has(t));
    expect(shared).toEqual([]);
    expect(textValues(zh)).toEqual(expect.arrayContaining(["量化目标", "时间线：关键里程碑", "负责人", "指标状态", "客户分级"]));
    expect(textValues(zh).join("")).toContain("数值已于 2026-06-01 固定");
  });

  it.each<Locale>(["en", "zh-CN"])("matches the golden snapshot (%s)", (locale) => {
    expectGolden("overview", locale, overviewFor(defaultContext(locale), "2026-06-01"));
  });
});

describe("wrapText", () => {
  it.each<[string, number]>([
    ["The quick brown fox jumps over the lazy dog", 10],
    ["数值已于 2026-06-01 固定：OpsKit 公式（OPS.*）的结果已转换为普通数值，未安装加载项也能正常打开，但不再自动更新。", 30],
    ["averyveryverylongwordwithoutspaces", 8],
    ["", 10],
  ])("%s (width %i)", (text, width) => {
    const lines = wrapText(text, width);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    const display = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFE6]/.test(ch) && !/[\uFF61-\uFFDC]/.test(ch) ? 2 : 1), 0);
    for (const line of lines) expect(display(line)).toBeLessThanOrEqual(width);
    expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });
});
