import { generateKpi, kpiRows, KPI_LAYOUT, kpiCell } from "../../src/core/generators/kpi";
import { defaultContext, type GeneratorContext } from "../../src/core/generators/context";
import { serialFromDate } from "../../src/core/dates";
import type { Locale } from "../../src/core/i18n";
import { allFormulas, cellAt, expectGolden, expectWellFormed, fixedPlan, textValues } from "./dataSheetChecks";

const renamed: GeneratorContext = {
  locale: "en",
  sheetNames: { ...defaultContext("en").sheetNames, kpi: "KPIs (2)", metrics: "Bob's metrics" },
};

describe("generateKpi", () => {
  it.each<[string, GeneratorContext]>([
    ["en", defaultContext("en")],
    ["zh-CN", defaultContext("zh-CN")],
    ["renamed sheets", renamed],
  ])("is well formed (%s)", (_name, ctx) => {
    const spec = generateKpi(fixedPlan(ctx.locale, ctx), ctx);
    expectWellFormed(spec, ctx);
    expect(spec.kind).toBe("kpi");
    expect(spec.name).toBe(ctx.sheetNames.kpi);
  });

  it("has the eight columns, translated", () => {
    const en = defaultContext("en");
    const zh = defaultContext("zh-CN");
    const header = (locale: Locale, ctx: GeneratorContext) =>
      "ABCDEFGH".split("").map((c) => cellAt(generateKpi(fixedPlan(locale, ctx), ctx), `${c}6`)?.value);
    expect(header("en", en)).toEqual([
      "Indicator", "Definition", "Formula", "Target", "Actual", "Progress", "Status", "Next review date",
    ]);
    expect(header("zh-CN", zh)).toEqual(["指标", "定义", "计算方式", "目标值", "实际值", "进度", "状态", "下次复查日期"]);
  });

  const ctx = defaultContext("en");
  const plan = fixedPlan("en", ctx);
  const spec = generateKpi(plan, ctx);

  it("keeps one row per indicator in plan order (the summary links to these rows)", () => {
    expect(kpiRows(plan)).toEqual(plan.indicators.map((ind, i) => ({ indicatorId: ind.id, row: KPI_LAYOUT.firstDataRow + i })));
    plan.indicators.forEach((ind, i) => expect(cellAt(spec, `A${7 + i}`)?.value).toBe(ind.name));
    expect(kpiCell(6, "actual")).toBe("$E$7");
  });

  it("writes Actual as the live formula, the plain number, or an empty input", () => {
    expect(cellAt(spec, "E7")).toMatchObject({ value: 1850, style: "input", numberFormat: "#,##0" });
    expect(cellAt(spec, "E8")?.formula).toMatch(/^=OPS\.PAYRATE\('Metrics'!\$C\$2:\$C\$5001,/);
    expect(cellAt(spec, "E8")?.numberFormat).toBe("0.0%");
    expect(cellAt(spec, "E10")).toEqual({ style: "input", numberFormat: '#,##0.00 "CNY"' });
    expect(cellAt(spec, "E10")?.value).toBeUndefined();
  });

  it("adds = to an actual formula written without it", () => {
    const p = fixedPlan("en", ctx);
    p.indicators[0]!.actualFormula = "OPS.PAYRATE(1,2)";
    expect(cellAt(generateKpi(p, ctx), "E7")?.formula).toBe("=OPS.PAYRATE(1,2)");
  });

  it.each([
    ["higher is better", "F7", '=IFERROR(IF(E7="","",E7/D7),"")'],
    ["lower is better (0 counts as reached)", "F11", '=IFERROR(IF(E11="","",IF(E11=0,1,D11/E11)),"")'],
  ])("Progress: %s", (_name, address, formula) => {
    expect(cellAt(spec, address)?.formula).toBe(formula);
    expect(cellAt(spec, address)?.numberFormat).toBe("0%");
  });

  it("Status reads the labelled threshold cells and writes localized words", () => {
    expect(cellAt(spec, "A3")?.value).toBe("On track when progress ≥");
    expect(cellAt(spec, "B3")).toMatchObject({ value: 0.9, style: "input" });
    expect(cellAt(spec, "A4")?.value).toBe("At risk when progress ≥");
    expect(cellAt(spec, "B4")).toMatchObject({ value: 0.7, style: "input" });
    expect(cellAt(spec, "G7")?.formula).toBe(
      '=IF(F7="","",IF(F7>=$B$3,"On track",IF(F7>=$B$4,"At risk","Off track")))',
    );
    const zhCtx = defaultContext("zh-CN");
    expect(cellAt(generateKpi(fixedPlan("zh-CN", zhCtx), zhCtx), "G7")?.formula).toBe(
      '=IF(F7="","",IF(F7>=$B$3,"正常",IF(F7>=$B$4,"有风险","落后")))',
    );
  });

  it("colours Progress and Status green / amber / red from the numbers", () => {
    const rules = (spec.conditionalFormats ?? []).filter((r) => r.range === "F7:G11");
    expect(rules.map((r) => (r.kind === "expression" ? [r.formula, r.format.fill] : null))).toEqual([
      ["=AND(ISNUMBER($F7),$F7>=$B$3)", "#C6EFCE"],
      ["=AND(ISNUMBER($F7),$F7<$B$3,$F7>=$B$4)", "#FFEB9C"],
      ["=AND(ISNUMBER($F7),$F7<$B$4)", "#FFC7CE"],
    ]);
  });

  it("formats targets by unit and review dates as dates", () => {
    expect(["D7", "D8", "D9", "D10", "D11"].map((a) => cellAt(spec, a)?.numberFormat)).toEqual([
      "#,##0", "0.0%", "0.0%", '#,##0.00 "CNY"', '0.0 "days"',
    ]);
    expect(cellAt(spec, "H7")).toMatchObject({ value: serialFromDate(2026, 4, 1), numberFormat: "yyyy-mm-dd" });
    const zhCtx = defaultContext("zh-CN");
    expect(cellAt(generateKpi(fixedPlan("zh-CN", zhCtx), zhCtx), "D11")?.numberFormat).toBe('0.0 "天"');
  });

  it("fills a blank definition with the kind's default and states the computation", () => {
    expect(cellAt(spec, "B7")?.value).toBe("New accounts registered in the period");
    expect(cellAt(spec, "B8")?.value).toBe("Paying users ÷ registered users");
    expect(cellAt(spec, "C8")?.value).toBe("Paying users ÷ users × 100 %");
  });

  it("gives a plan without indicators one blank row to type into", () => {
    const p = { ...plan, indicators: [] };
    const s = generateKpi(p, ctx);
    expect(kpiRows(p)).toEqual([{ indicatorId: null, row: KPI_LAYOUT.firstDataRow }]);
    expect(cellAt(s, "F7")?.formula).toBe('=IFERROR(IF(E7="","",E7/D7),"")');
    expectWellFormed(s, ctx);
  });

  it("has no English left in the zh-CN sheet apart from names and codes", () => {
    const zhCtx = defaultContext("zh-CN");
    const texts = textValues(generateKpi(fixedPlan("zh-CN", zhCtx), zhCtx)).filter((t) => t !== "ARPPU");
    for (const t of texts) expect([t, /[a-z]{4,}/i.test(t.replace(/OPS/g, ""))]).toEqual([t, false]);
    expect(allFormulas(generateKpi(fixedPlan("zh-CN", zhCtx), zhCtx)).length).toBeGreaterThan(0);
  });

  it.each<Locale>(["en", "zh-CN"])("matches the golden snapshot (%s)", (locale) => {
    const c = defaultContext(locale);
    expectGolden("kpi", locale, generateKpi(fixedPlan(locale, c), c));
  });
});
