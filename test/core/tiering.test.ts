import {
  expectedTiering,
  generateTiering,
  sortCustomers,
  type TieringCustomer,
  type TieringOptions,
} from "../../src/core/generators/tiering";
import { sampleCustomers, sampleIntakeEntries } from "../../src/core/generators/sampleData";
import { defaultContext, type GeneratorContext } from "../../src/core/generators/context";
import type { Locale } from "../../src/core/i18n";
import { cellAt, expectGolden, expectWellFormed, inside } from "./dataSheetChecks";
import { tier } from "../../src/core/metrics/tier";

const FIXED: TieringCustomer[] = [
  { name: "Orion Software Ltd", value: 120000 },
  { name: "Cedar Retail Inc.", value: 18000 },
  { name: "Northwind Logistics Group", value: 310000 },
  { name: "Maple Foods Co.", value: 0 },
  { name: "Summit Health LLC", value: 45000 },
  { name: "Lumen Media Ltd", value: 45000, override: "A" },
  { name: "Falcon Motors Holdings", value: 9000 },
  { name: "Granite Energy Inc.", value: 76000 },
  { name: "Polaris Telecom Co.", value: 2500, override: "S" },
  { name: "Keystone Analytics LLC", value: 160000 },
  { name: "Vertex Systems Group", value: 31000 },
  { name: "Unity Learning Ltd", value: 5200 },
];
const FIXED_ZH: TieringCustomer[] = FIXED.map((c, i) => ({
  ...c,
  name: ["北京云帆软件有限公司", "上海星河零售有限公司", "深圳恒信物流集团有限公司", "杭州智联食品有限公司",
    "广州鼎盛医疗科技有限公司", "成都远景传媒有限公司", "南京华信汽车有限公司", "武汉启明能源有限公司",
    "苏州博远通信有限公司", "西安天润数据有限公司", "重庆中科信息系统有限公司", "天津瑞丰教育科技有限公司"][i]!,
}));

describe("generateTiering: structure", () => {
  const ctx = defaultContext("en");
  const spec = generateTiering(FIXED, {}, ctx);
  const n = FIXED.length;
  const last = 4 + n; // last data row (1-based)

  it.each<[string, GeneratorContext]>([
    ["en", ctx],
    ["zh-CN", defaultContext("zh-CN")],
    ["renamed", { locale: "en", sheetNames: { ...ctx.sheetNames, tiering: "Customer tiers (2)" } }],
  ])("is well formed (%s)", (_name, c) => {
    const s = generateTiering(FIXED, {}, c);
    expectWellFormed(s, c);
    expect(s.name).toBe(c.sheetNames.tiering);
  });

  it("sorts the rows by value, descending (ties keep input order)", () => {
    const values = Array.from({ length: n }, (_, i) => cellAt(spec, `B${5 + i}`)?.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(cellAt(spec, "A5")?.value).toBe("Northwind Logistics Group");
    expect(cellAt(spec, "A9")?.value).toBe("Summit Health LLC");
    expect(cellAt(spec, "A10")?.value).toBe("Lumen Media Ltd");
  });

  it("computes Share, Cumulative share and Tier with native formulas over the cutoff cells", () => {
    const range = `$B$5:$B$${last}`;
    expect(cellAt(spec, "C5")?.formula).toBe(`=IF(B5="","",IF(B5>0,B5/SUMIF(${range},">0"),0))`);
    expect(cellAt(spec, "D6")?.formula).toBe('=IF(B6="","",SUM($C$5:C6))');
    const tier = cellAt(spec, "E6")?.formula ?? "";
    expect(tier).toBe(
      `=IF(B6="","",IF(B6>0,INDEX($J$5:$J$8,1+SUMPRODUCT(--($K$5:$K$7<=SUMIF(${range},">"&B6)/SUMIF(${range},">0")+1E-12))),$J$8))`,
    );
    expect(tier).not.toMatch(/OPS\./);
    // the cutoff and label cells it refers to are labelled input cells holding the settings
    expect(["K5", "K6", "K7"].map((a) => cellAt(spec, a))).toEqual([0.5, 0.8, 0.95].map((v) => ({
      value: v, style: "input", numberFormat: "0.0%",
    })));
    expect(["J5", "J6", "J7", "J8"].map((a) => cellAt(spec, a)?.value)).toEqual(["S", "A", "B", "C"]);
    expect(cellAt(spec, "J4")?.value).toBe("Tier");
    expect(cellAt(spec, "K4")?.value).toBe("Cutoff (share of larger customers <)");
  });

  it("lets the manual override win and looks up the service level", () => {
    expect(cellAt(spec, "G5")?.formula).toBe('=IF(F5<>"",F5,E5)');
    expect(cellAt(spec, "H5")?.formula).toBe('=IFERROR(INDEX($P$5:$P$8,MATCH(G5,$J$5:$J$8,0))&"","")');
    expect(cellAt(spec, "P5")?.value).toMatch(/^Key-account team: key-account sales/);
    expect(cellAt(spec, "P6")?.value).toBe("Exclusive operator and product manager, one-to-one or one-to-two");
    expect(cellAt(spec, "P7")?.value).toBe(cellAt(spec, "P8")?.value);
    const overrideRow = 5 + sortCustomers(FIXED).findIndex((c) => c.name === "Polaris Telecom Co.");
    expect(cellAt(spec, `F${overrideRow}`)).toEqual({ value: "S", style: "input" });
    expect(spec.validations).toContainEqual({
      kind: "listFormula", range: `F5:F${last}`, source: "=$J$5:$J$8", allowBlank: true,
    });
  });

  it("summarises count, value and shares per final tier with COUNTIF/SUMIF", () => {
    expect(cellAt(spec, "L5")?.formula).toBe(`=COUNTIF($G$5:$G$${last},J5)`);
    expect(cellAt(spec, "N6")?.formula).toBe(`=SUMIF($G$5:$G$${last},J6,$B$5:$B$${last})`);
    expect(cellAt(spec, "M5")?.formula).toBe(`=IFERROR(L5/COUNTA($A$5:$A$${last}),0)`);
    expect(cellAt(spec, "O5")?.formula).toBe(`=IFERROR(N5/SUM($B$5:$B$${last}),0)`);
    expect(cellAt(spec, "J9")?.value).toBe("Total");
    expect(cellAt(spec, "L9")?.formula).toBe("=SUM(L5:L8)");
  });

  it("draws a Pareto chart over the data: value columns and cumulative share on the secondary axis", () => {
    const [chart] = spec.charts ?? [];
    expect(chart).toMatchObject({
      kind: "pareto",
      categories: `A5:A${last}`,
      columns: [{ name: "Value", values: `B5:B${last}` }],
      lines: [{ name: "Cumulative share", values: `D5:D${last}` }],
    });
    const data = `A5:H${last}`;
    for (const r of [chart!.categories, ...chart!.columns.map((c) => c.values), ...(chart!.lines ?? []).map((l) => l.values)]) {
      expect([r, inside(r, data)]).toEqual([r, true]);
    }
    expect(spec.tables?.[0]).toMatchObject({ name: "tblTiering", range: `A4:H${last}` });
  });

  it("writes the headers in Chinese for zh-CN", () => {
    const zh = generateTiering(FIXED_ZH, {}, defaultContext("zh-CN"));
    expect("ABCDEFGH".split("").map((c) => cellAt(zh, `${c}4`)?.value)).toEqual([
      "客户", "价值", "占比", "累计占比", "级别", "手动调整", "最终级别", "服务标准",
    ]);
    expect(cellAt(zh, "P5")?.value).toMatch(/^大客户团队/);
    expect(zh.charts?.[0]?.title).toBe("帕累托图：客户价值与累计占比");
  });

  it("follows custom cutoffs and labels, and names the table after a de-duplicated sheet", () => {
    const c: GeneratorContext = { locale: "en", sheetNames: { ...ctx.sheetNames, tiering: "Customer tiers (3)" } };
    const s = generateTiering(FIXED, { cutoffs: [0.7, 0.9], labels: ["Key", "Important", "General"] }, c);
    expect(cellAt(s, "E5")?.formula).toContain("INDEX($J$5:$J$7,1+SUMPRODUCT(--($K$5:$K$6<=");
    expect(cellAt(s, "E5")?.formula).toMatch(/,\$J\$7\)\)$/);
    expect(cellAt(s, "K7")?.value).toBe("(the rest)");
    expect(s.tables?.[0]?.name).toBe("tblTiering_3");
  });

  it("keeps every range valid for an empty customer list", () => {
    const s = generateTiering([], {}, ctx);
    expectWellFormed(s, ctx);
    expect(s.charts?.[0]?.categories).toBe("A5:A5");
    expect(cellAt(s, "B5")).toEqual({ style: "input", numberFormat: "#,##0" });
  });

  it.each<[string, TieringOptions]>([
    ["decreasing cutoffs", { cutoffs: [0.8, 0.5, 0.95] }],
    ["a cutoff above 1", { cutoffs: [0.5, 1.2, 1.5] }],
    ["a cutoff of 0", { cutoffs: [0, 0.5, 0.9] }],
    ["too few labels", { labels: ["S", "A", "B"] }],
    ["a blank label", { labels: ["S", " ", "B", "C"] }],
    ["duplicate labels", { labels: ["S", "A", "a", "C"] }],
  ])("rejects %s", (_name, options) => {
    expect(() => generateTiering(FIXED, options, ctx)).toThrow();
    expect(() => expectedTiering(FIXED, options)).toThrow();
  });
});

type Row = [name: string, value: number, share: number, cumulative: number, tier: string, final: string];
const row = (r: { name: string; value: number | null; share: number | ""; cumulative: number | ""; tier: string; finalTier: string }) =>
  [r.name, r.value, r.share, r.cumulative, r.tier, r.finalTier];

describe("expectedTiering: the values the formulas must produce", () => {
  const c = (name: string, value: number, override?: string): TieringCustomer =>
    override === undefined ? { name, value } : { name, value, override };

  it.each<[string, TieringCustomer[], TieringOptions, Row[]]>([
    [
      "crossing customers stay in the higher tier",
      [c("b", 30), c("a", 40), c("c", 20), c("d", 10)],
      {},
      [
        ["a", 40, 0.4, 0.4, "S", "S"], // before 0
        ["b", 30, 0.3, 0.7, "S", "S"], // before 0.4 < 0.5: crosses 0.5
        ["c", 20, 0.2, 0.9, "A", "A"], // before 0.7 < 0.8: crosses 0.8
        ["d", 10, 0.1, 1, "B", "B"], // before 0.9 < 0.95: crosses 0.95
      ],
    ],
    [
      "a customer starting exactly at a cutoff is in the next tier",
      [c("a", 50), c("b", 30), c("c", 15), c("d", 5)],
      {},
      [
        ["a", 50, 0.5, 0.5, "S", "S"],
        ["b", 30, 0.3, 0.8, "A", "A"], // before 0.5: not < 0.5
        ["c", 15, 0.15, 0.95, "B", "B"], // before 0.8
        ["d", 5, 0.05, 1, "C", "C"], // before 0.95
      ],
    ],
    [
      "equal values share a tier",
      [c("a", 40), c("b", 20), c("c", 20), c("d", 20)],
      {},
      [
        ["a", 40, 0.4, 0.4, "S", "S"],
        ["b", 20, 0.2, 0.6000000000000001, "S", "S"], // all three: before 0.4
        ["c", 20, 0.2, 0.8, "S", "S"],
        ["d", 20, 0.2, 1, "S", "S"],
      ],
    ],
    [
      "zero and negative values go to the last tier with share 0",
      [c("z", 0), c("a", 10), c("n", -5)],
      {},
      [
        ["a", 10, 1, 1, "S", "S"],
        ["z", 0, 0, 1, "C", "C"],
        ["n", -5, 0, 1, "C", "C"],
      ],
    ],
    [
      "the manual override wins, whatever the value",
      [c("a", 90), c("b", 9, "S"), c("c", 1, " A "), c("d", 0, "B")],
      {},
      [
        ["a", 90, 0.9, 0.9, "S", "S"],
        ["b", 9, 0.09, 0.99, "B", "S"], // before 0.9
        ["c", 1, 0.01, 1, "C", "A"],
        ["d", 0, 0, 1, "C", "B"],
      ],
    ],
    [
      "custom cutoffs and labels",
      [c("a", 6), c("b", 3), c("c", 1)],
      { cutoffs: [0.5], labels: ["Key", "Other"] },
      [
        ["a", 6, 0.6, 0.6, "Key", "Key"],
        ["b", 3, 0.3, 0.8999999999999999, "Other", "Other"],
        ["c", 1, 0.1, 0.9999999999999999, "Other", "Other"],
      ],
    ],
  ])("%s", (_name, customers, options, expected) => {
    const got = expectedTiering(customers, options).rows.map(row);
    expect(got.length).toBe(expected.length);
    got.forEach((g, i) => {
      const e = expected[i]!;
      expect([g[0], g[1], g[4], g[5]]).toEqual([e[0], e[1], e[4], e[5]]);
      expect(g[2] as number).toBeCloseTo(e[2], 12);
      expect(g[3] as number).toBeCloseTo(e[3], 12);
    });
  });

  it("treats a share that equals a cutoff in decimals as reaching it (tolerance)", () => {
    // 0.3 / 0.6 is 0.49999999999999994 in binary; decimal says 0.5: the next customer starts at 0.5 → A.
    const got = expectedTiering([c("a", 0.3), c("b", 0.2), c("c", 0.1)]).rows.map((r) => r.tier);
    expect(got).toEqual(["S", "A", "B"]);
  });

  it("writes a non-number as an empty value, sorted last, without share or tier", () => {
    const got = expectedTiering([c("x", Number.NaN), c("a", 5)]).rows;
    expect(got.map((r) => [r.name, r.value, r.share, r.cumulative, r.tier])).toEqual([
      ["a", 5, 1, 1, "S"],
      ["x", null, "", "", ""],
    ]);
    const sheet = generateTiering([c("x", Number.NaN), c("a", 5)], {}, defaultContext("en"));
    expect(cellAt(sheet, "A6")?.value).toBe("x");
    expect(cellAt(sheet, "B6")?.value).toBeUndefined();
  });

  it("rounds values to 15 significant digits, as written to the sheet", () => {
    const v = 0.1 + 0.2; // 0.30000000000000004
    expect(expectedTiering([c("a", v)]).rows[0]!.value).toBe(0.3);
    expect(cellAt(generateTiering([c("a", v)], {}, defaultContext("en")), "B5")?.value).toBe(0.3);
  });

  it("summarises per final tier like the COUNTIF/SUMIF block", () => {
    const { summary } = expectedTiering(FIXED);
    expect(summary.map((s) => s.label)).toEqual(["S", "A", "B", "C"]);
    expect(summary.reduce((a, s) => a + s.count, 0)).toBe(FIXED.length);
    expect(summary.reduce((a, s) => a + s.valueShare, 0)).toBeCloseTo(1, 12);
    const rows = expectedTiering(FIXED).rows;
    for (const s of summary) {
      expect(s.count).toBe(rows.filter((r) => r.finalTier === s.label).length);
      expect(s.value).toBe(rows.filter((r) => r.finalTier === s.label).reduce((a, r) => a + (r.value ?? 0), 0));
    }
  });

  it("agrees with a brute-force reading of the rule on the sample customers", () => {
    const customers = sampleCustomers(200, 99);
    const rows = expectedTiering(customers).rows;
    const values = rows.map((r) => r.value!);
    const positive = values.filter((v) => v > 0).reduce((a, v) => a + v, 0);
    rows.forEach((r) => {
      const v = r.value!;
      const before = values.filter((w) => w > v).reduce((a, w) => a + w, 0) / positive;
      const cutoffs = [0.5, 0.8, 0.95];
      const first = cutoffs.findIndex((k) => k > before + 1e-12);
      const t = v > 0 && first >= 0 ? first : 3;
      expect([v, r.tier]).toEqual([v, ["S", "A", "B", "C"][t]]);
    });
  });
});

describe("sampleCustomers", () => {
  it("is deterministic, unique and long-tailed", () => {
    const a = sampleCustomers(200, 1);
    expect(sampleCustomers(200, 1)).toEqual(a);
    expect(sampleCustomers(200, 2)).not.toEqual(a);
    expect(a).toHaveLength(200);
    expect(new Set(a.map((c) => c.name)).size).toBe(200);
    const sorted = a.map((c) => c.value).sort((x, y) => y - x);
    const total = sorted.reduce((s, v) => s + v, 0);
    const top20 = sorted.slice(0, 40).reduce((s, v) => s + v, 0);
    expect(top20 / total).toBeGreaterThan(0.55);
    expect(sorted.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(a.every((c) => Number.isInteger(c.value) && c.value >= 0)).toBe(true);
    expect(a.filter((c) => c.override !== undefined).map((c) => c.override)).toEqual(["A", "S"]);
  });

  it("names companies in Chinese for zh-CN", () => {
    const zh = sampleCustomers(50, 3, "zh-CN");
    expect(zh.every((c) => /公司$/.test(c.name))).toBe(true);
    expect(sampleCustomers(50, 3, "en").every((c) => /^[A-Za-z .]+$/.test(c.name))).toBe(true);
  });

  it("makes intake entries for the demo", () => {
    const entries = sampleIntakeEntries(sampleCustomers(), "2026-03-02", "en");
    expect(entries).toHaveLength(12);
    expect(entries[0]).toMatchObject({ id: "REQ-001", grade: "L2" });
    expect(entries.every((e) => /^2026-03-\d\d \d\d:\d\d$/.test(e.date))).toBe(true);
  });
});

describe("generateTiering: golden", () => {
  it.each<[Locale, TieringCustomer[]]>([
    ["en", FIXED],
    ["zh-CN", FIXED_ZH],
  ])("matches the golden snapshot (%s)", (locale, customers) => {
    expectGolden("tiering", locale, generateTiering(customers, {}, defaultContext(locale)));
  });
});

describe("generateTiering: every OPS.TIER method (issue 16, item 11)", () => {
  const ctx = defaultContext("en");
  const last = 4 + FIXED.length;
  const values = `$B$5:$B$${last}`;

  it("rank: the share of customers ranked higher, by COUNTIF, against the rank cutoffs", () => {
    const s = generateTiering(FIXED, { method: "rank" }, ctx);
    expect(cellAt(s, "E5")?.formula).toBe(
      `=IF(B5="","",IF(B5>0,INDEX($J$5:$J$8,1+SUMPRODUCT(--($K$5:$K$7<=COUNTIF(${values},">"&B5)/COUNTIF(${values},">0")+1E-12))),$J$8))`,
    );
    expect([cellAt(s, "K5")?.value, cellAt(s, "K6")?.value, cellAt(s, "K7")?.value]).toEqual([0.1, 0.3, 0.6]);
    expect(cellAt(s, "K4")?.value).toBe("Cutoff (share of customers ranked higher <)");
    expect(cellAt(s, "J11")?.value).toMatch(/^Rule: .*share of customers \(by count\)/);
    expectWellFormed(s, ctx);
  });

  it("threshold: the number of cutoffs above the value picks the tier; cutoffs are values, not shares", () => {
    const s = generateTiering(FIXED, { method: "threshold", cutoffs: [100000, 30000, 5000] }, ctx);
    expect(cellAt(s, "E5")?.formula).toBe(`=IF(B5="","",INDEX($J$5:$J$8,1+SUMPRODUCT(--($K$5:$K$7>B5))))`);
    expect(cellAt(s, "K5")).toEqual({ value: 100000, numberFormat: "#,##0", style: "input" });
    expect(cellAt(s, "K4")?.value).toBe("Cutoff (value at least)");
    expect(cellAt(s, "J11")?.value).toMatch(/^Rule: .*value ≥ cutoff/);
    expect(s.validations?.[1]).toEqual({ kind: "decimal", range: "K5:K7" });
    expectWellFormed(s, ctx);
  });

  it("writes the method's texts in Chinese", () => {
    const s = generateTiering(FIXED_ZH, { method: "threshold", cutoffs: [100000, 30000, 5000] }, defaultContext("zh-CN"));
    expect(cellAt(s, "K4")?.value).toBe("分界值（价值不低于）");
    expect(cellAt(s, "J11")?.value).toMatch(/^规则：客户属于其价值达到分界值/);
  });

  // The chart plots the same series for every method (value per customer, sorted, and the
  // cumulative share of value); its title names the method the tiers come from and calls only
  // a Pareto tiering "Pareto".
  it.each<[TieringOptions["method"], Locale, TieringOptions, string]>([
    ["pareto", "en", {}, "Pareto: value per customer and cumulative share"],
    ["rank", "en", { method: "rank" }, "Customers ranked by value: value and cumulative share (tiers by rank)"],
    ["threshold", "en", { method: "threshold", cutoffs: [100000, 30000, 5000] }, "Customers by value: value and cumulative share (tiers by value threshold)"],
    ["pareto", "zh-CN", {}, "帕累托图：客户价值与累计占比"],
    ["rank", "zh-CN", { method: "rank" }, "客户按价值排名：客户价值与累计占比（按排名分级）"],
    ["threshold", "zh-CN", { method: "threshold", cutoffs: [100000, 30000, 5000] }, "客户价值与累计占比（按价值阈值分级）"],
  ])("titles the chart for the method: %s (%s)", (method, locale, options, title) => {
    const s = generateTiering(locale === "en" ? FIXED : FIXED_ZH, options, defaultContext(locale));
    const [chart] = s.charts ?? [];
    expect(chart?.title).toBe(title);
    if (method !== "pareto") expect(chart?.title).not.toMatch(/pareto|帕累托/i);
    // what the title describes is what the chart plots
    expect(chart).toMatchObject({
      kind: "pareto",
      columns: [{ values: `B5:B${last}` }],
      lines: [{ values: `D5:D${last}` }],
    });
    expect(chart!.columns[0]!.name).toBe(cellAt(s, "B4")?.value);
    expect(chart!.lines![0]!.name).toBe(cellAt(s, "D4")?.value);
  });

  it.each<[string, TieringOptions, RegExp]>([
    ["thresholds without cutoffs", { method: "threshold" }, /Thresholds need cutoffs/],
    ["increasing thresholds", { method: "threshold", cutoffs: [5000, 30000, 100000] }, /strictly decreasing/],
    ["a rank cutoff above 1", { method: "rank", cutoffs: [0.1, 0.3, 1.5] }, /at most 1/],
  ])("rejects %s", (_name, options, message) => {
    expect(() => generateTiering(FIXED, options, ctx)).toThrow(message);
    expect(() => expectedTiering(FIXED, options)).toThrow(message);
  });

  // Values with ties, zero, negatives and a blank: the sheet's rule must be OPS.TIER's.
  const MIXED: TieringCustomer[] = [
    ...FIXED,
    { name: "Tie A", value: 45000 },
    { name: "Negative", value: -200 },
    { name: "Blank", value: Number.NaN },
    { name: "Exactly 30k", value: 30000 },
    { name: "Exactly 5k", value: 5000 },
  ];
  it.each<[string, TieringOptions]>([
    ["pareto", {}],
    ["rank (defaults)", { method: "rank" }],
    ["rank (custom)", { method: "rank", cutoffs: [0.25, 0.5] , labels: ["Top", "Mid", "Rest"] }],
    ["threshold", { method: "threshold", cutoffs: [100000, 30000, 5000] }],
    ["threshold (negative cutoff)", { method: "threshold", cutoffs: [40000, 0, -100], labels: ["S", "A", "B", "C"] }],
  ])("expectedTiering gives OPS.TIER's tiers (%s)", (_name, options) => {
    const rows = expectedTiering(MIXED, options).rows;
    const got = tier(
      rows.map((r) => [r.value ?? ""]),
      options.method ?? "pareto",
      options.cutoffs ? [options.cutoffs] : null,
      options.labels ? [options.labels] : null,
    );
    expect(Array.isArray(got)).toBe(true);
    expect(rows.map((r) => r.tier)).toEqual((got as unknown[][]).map((line) => line[0]));
  });
});
