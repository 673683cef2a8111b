import { generateSummary } from "../../src/core/generators/summary";
import { generateKpi, kpiRows } from "../../src/core/generators/kpi";
import { defaultContext, type GeneratorContext } from "../../src/core/generators/context";
import type { Locale } from "../../src/core/i18n";
import { samplePlan } from "../../src/core/plan/fromTemplate";
import { parseIsoSerial } from "../../src/core/dates";
import { allFormulas, cellAt, expectGolden, expectWellFormed, fixedPlan, referencedSheets, textValues } from "./dataSheetChecks";

const renamed: GeneratorContext = {
  locale: "en",
  sheetNames: { ...defaultContext("en").sheetNames, kpi: "KPI's (2)", summary: "Summary (2)" },
};

describe("generateSummary", () => {
  it.each<[string, GeneratorContext]>([
    ["en", defaultContext("en")],
    ["zh-CN", defaultContext("zh-CN")],
    ["renamed sheets", renamed],
  ])("is well formed (%s)", (_name, ctx) => {
    const spec = generateSummary(fixedPlan(ctx.locale, ctx), ctx);
    expectWellFormed(spec, ctx);
    expect(spec.kind).toBe("summary");
    expect(spec.name).toBe(ctx.sheetNames.summary);
  });

  const ctx = renamed;
  const plan = fixedPlan("en", ctx);
  const spec = generateSummary(plan, ctx);
  const kpi = generateKpi(plan, ctx);

  it("links every indicator row to the KPI sheet's cells, in the KPI sheet's row order", () => {
    // Goal vs result: title row 4, header row 5, the goal on row 6, indicators from row 7.
    expect(cellAt(spec, "A5")?.value).toBe("Goal / indicator");
    kpiRows(plan).forEach(({ row }, i) => {
      const r = 7 + i;
      const k = row + 1;
      expect(cellAt(spec, `A${r}`)?.formula).toBe(`=IFERROR(IF('KPI''s (2)'!$A$${k}="","",'KPI''s (2)'!$A$${k}),"")`);
      expect(cellAt(spec, `B${r}`)?.formula).toBe(`=IFERROR(IF('KPI''s (2)'!$D$${k}="","",'KPI''s (2)'!$D$${k}),"")`);
      expect(cellAt(spec, `C${r}`)?.formula).toBe(`=IFERROR(IF('KPI''s (2)'!$E$${k}="","",'KPI''s (2)'!$E$${k}),"")`);
      // the linked cells are the KPI sheet's indicator, target and actual of that indicator
      expect(cellAt(kpi, `A${k}`)?.value).toBe(plan.indicators[i]!.name);
      expect(cellAt(kpi, `D${k}`)?.value).toBe(plan.indicators[i]!.target);
    });
    const sheets = new Set(allFormulas(spec).flatMap((f) => referencedSheets(f.formula)));
    expect([...sheets]).toEqual(["KPI's (2)"]);
  });

  it("says met / not met in the indicator's direction", () => {
    expect(cellAt(spec, "D7")?.formula).toBe('=IF(OR(B7="",C7=""),"",IF(C7>=B7,"Met","Not met"))');
    expect(cellAt(spec, "D11")?.formula).toBe('=IF(OR(B11="",C11=""),"",IF(C11<=B11,"Met","Not met"))'); // lower is better
    expect(cellAt(spec, "A6")?.value).toBe("Raise revenue: 1,200,000 CNY by 2026-06-30");
    expect(cellAt(spec, "B6")).toMatchObject({ value: 1200000, style: "input" });
    expect(cellAt(spec, "C6")).toMatchObject({ style: "input" });
    expect(cellAt(spec, "B12")?.formula).toBe('=COUNTIF($D$6:$D$11,"Met")');
  });

  it("has the sections: what worked, what did not, follow-ups with owners and due dates, lessons", () => {
    const texts = textValues(spec);
    for (const t of ["What worked", "What did not work", "Follow-ups", "Lessons for the operation library", "Owner", "Due date"]) {
      expect(texts).toContain(t);
    }
  });

  it("offers the team's names as the follow-ups' owner list", () => {
    const owner = (spec.validations ?? []).find((v) => v.kind === "listFormula" && /^=\$G\$/.test(v.source));
    expect(owner?.kind).toBe("listFormula");
    if (owner?.kind !== "listFormula") return;
    const [from, to] = owner.source.slice(1).replace(/\$/g, "").split(":");
    const names = [];
    for (let r = Number(from!.slice(1)); r <= Number(to!.slice(1)); r++) names.push(cellAt(spec, `G${r}`)?.value);
    expect(names).toEqual(plan.team.people.map((p) => p.name));
    // the validated range is the Owner column of the follow-ups table
    const headerRow = Number(owner.range.split(":")[0]!.slice(1)) - 1;
    expect(cellAt(spec, `B${headerRow}`)?.value).toBe("Owner");
    expect(cellAt(spec, `C${headerRow}`)?.value).toBe("Due date");
  });

  it("writes the zh-CN sheet in Chinese", () => {
    const zhCtx = defaultContext("zh-CN");
    const zh = generateSummary(fixedPlan("zh-CN", zhCtx), zhCtx);
    expect(textValues(zh)).toEqual(expect.arrayContaining(["做得好的", "做得不好的", "后续待办", "沉淀到运营库的经验", "负责人"]));
    expect(cellAt(zh, "D7")?.formula).toBe('=IF(OR(B7="",C7=""),"",IF(C7>=B7,"已达成","未达成"))');
    expect(cellAt(zh, "A7")?.formula).toContain("'数据指标'!$A$7");
  });

  it("works for a plan without indicators or team", () => {
    const p = { ...plan, indicators: [], team: { ...plan.team, people: [] } };
    const s = generateSummary(p, ctx);
    expectWellFormed(s, ctx);
    expect(cellAt(s, "C7")?.formula).toContain("'KPI''s (2)'!$E$7");
  });

  it.each<Locale>(["en", "zh-CN"])("matches the golden snapshot (%s)", (locale) => {
    const c = defaultContext(locale);
    expectGolden("summary", locale, generateSummary(fixedPlan(locale, c), c));
  });
});

describe("generateSummary: the plan as set out", () => {
  it.each<[Locale, string, string]>([
    // locale   section title            channels joined by
    ["en",      "The plan as set out",   ", "],
    ["zh-CN",   "计划概要",                "、"],
  ])("writes the 5W2H text, launch date, channels and budget from the wizard (%s)", (locale, title, joiner) => {
    const plan = samplePlan(locale);
    plan.goal.fiveW2H.where = "=not a formula";
    const rows = generateSummary(plan, defaultContext(locale)).blocks[0]!.rows;
    const start = rows.findIndex((r) => r[0]?.value === title);
    expect(start).toBeGreaterThan(0);
    const section = rows.slice(start + 2).map((r) => r.filter((c) => c !== null).map((c) => c!.value));
    const value = (i: number) => section[i]?.[1];
    expect(value(0)).toBe(plan.goal.fiveW2H.what);
    expect(section.map((r) => r[1])).toContain("=not a formula"); // text, as typed (written as a value)
    expect(section).toContainEqual([expect.any(String), Math.trunc(parseIsoSerial(plan.schedule.launchDate!))]);
    expect(section).toContainEqual([expect.any(String), plan.team.channels.join(joiner)]);
    const budgetRow = rows.slice(start).find((r) => r[1]?.value === 300000)!;
    expect(budgetRow[1]!.numberFormat).toBe('#,##0.00 "CNY"');
  });
});
