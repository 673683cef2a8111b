import { generateIntake, GRADE_TARGETS, type IntakeEntry } from "../../src/core/generators/intake";
import { defaultContext, type GeneratorContext } from "../../src/core/generators/context";
import { parseIsoSerial } from "../../src/core/dates";
import type { Locale } from "../../src/core/i18n";
import { cellAt, expectGolden, expectWellFormed } from "./dataSheetChecks";

const ENTRIES: Record<Locale, IntakeEntry[]> = {
  en: [
    { date: "2026-03-02 09:30", customer: "Northwind Logistics Group", customerTier: "S", requirement: "Production outage: login page times out", grade: "L1", owner: "Ben Liu", status: "done" },
    { date: "2026-03-03 14:00", customer: "Cedar Retail Inc.", customerTier: "B", requirement: "Bulk import of contacts from CSV", grade: "L3", owner: "Alice Chen", status: "accepted" },
    { id: "EXT-7", date: "2026-03-04", customer: "Orion Software Ltd", requirement: "Dark mode", grade: "L4" },
  ],
  "zh-CN": [
    { date: "2026-03-02 09:30", customer: "深圳恒信物流集团有限公司", customerTier: "S", requirement: "生产故障：登录页面超时", grade: "L1", owner: "刘斌", status: "done" },
    { date: "2026-03-03 14:00", customer: "上海星河零售有限公司", customerTier: "B", requirement: "从 CSV 批量导入联系人", grade: "L3", owner: "陈晓", status: "accepted" },
    { id: "EXT-7", date: "2026-03-04", customer: "北京云帆软件有限公司", requirement: "深色模式", grade: "L4" },
  ],
};

describe("generateIntake", () => {
  it.each<[string, GeneratorContext]>([
    ["en", defaultContext("en")],
    ["zh-CN", defaultContext("zh-CN")],
    ["renamed", { locale: "en", sheetNames: { ...defaultContext("en").sheetNames, tiering: "Customer tiers (2)", intake: "Intake (2)" } }],
  ])("is well formed (%s)", (_name, ctx) => {
    for (const spec of [
      generateIntake(ctx),
      generateIntake(ctx, { entries: ENTRIES[ctx.locale], linkTiering: true, holidays: "Holidays" }),
    ]) {
      expectWellFormed(spec, ctx);
      expect(spec.name).toBe(ctx.sheetNames.intake);
    }
  });

  const ctx = defaultContext("en");
  const spec = generateIntake(ctx, { entries: ENTRIES.en, blankRows: 5 });

  it("has the grade table L1–L4 with meanings and response targets", () => {
    expect(["K5", "K6", "K7", "K8"].map((a) => cellAt(spec, a)?.value)).toEqual(["L1", "L2", "L3", "L4"]);
    expect(cellAt(spec, "L5")?.value).toMatch(/production outage/);
    expect(["M5", "M6", "M7", "M8"].map((a) => cellAt(spec, a)?.value)).toEqual([
      "4 hours", "1 workday", "Next release (≤ 10 workdays)", "Backlog (reviewed at planning)",
    ]);
    expect(["N5", "N6", "N7", "N8"].map((a) => cellAt(spec, a)?.value)).toEqual([4, undefined, undefined, undefined]);
    expect(["O5", "O6", "O7", "O8"].map((a) => cellAt(spec, a)?.value)).toEqual([undefined, 1, 10, undefined]);
    expect(GRADE_TARGETS.L1).toEqual({ hours: 4 });
    expect(cellAt(spec, "P5")?.formula).toBe('=COUNTIFS($F$5:$F$12,K5,$I$5:$I$12,"<>Done",$I$5:$I$12,"<>Rejected")');
  });

  it("has the log columns and a native Response due formula from the date and the grade's target", () => {
    expect("ABCDEFGHI".split("").map((c) => cellAt(spec, `${c}4`)?.value)).toEqual([
      "ID", "Date", "Customer", "Customer tier", "Requirement", "Grade", "Response due", "Owner", "Status",
    ]);
    const m = "MATCH(F5,$K$5:$K$8,0)";
    expect(cellAt(spec, "G5")?.formula).toBe(
      `=IF(OR(B5="",F5=""),"",IFERROR(IF(INDEX($N$5:$N$8,${m})<>"",B5+INDEX($N$5:$N$8,${m})/24,` +
        `IF(INDEX($O$5:$O$8,${m})<>"",WORKDAY(B5,INDEX($O$5:$O$8,${m})),"")),""))`,
    );
    expect(cellAt(spec, "G5")?.numberFormat).toBe("yyyy-mm-dd hh:mm");
    const withHolidays = generateIntake(ctx, { holidays: "'Settings'!$A$2:$A$60" });
    expect(cellAt(withHolidays, "G5")?.formula).toContain(",'Settings'!$A$2:$A$60)");
  });

  it("pre-fills entries, then blank rows", () => {
    expect(cellAt(spec, "A5")?.value).toBe("REQ-001");
    expect(cellAt(spec, "A7")?.value).toBe("EXT-7");
    expect(cellAt(spec, "B5")?.value).toBe(parseIsoSerial("2026-03-02 09:30"));
    expect(cellAt(spec, "F5")?.value).toBe("L1");
    expect(cellAt(spec, "I5")?.value).toBe("Done");
    expect(cellAt(spec, "I7")?.value).toBe("New");
    expect(cellAt(spec, "A8")).toEqual({ style: "input" });
    expect(cellAt(spec, "G12")?.formula).toMatch(/^=IF\(OR\(B12="",F12=""\)/);
    expect(cellAt(spec, "G13")).toBeNull();
    expect(spec.tables?.[0]).toMatchObject({ name: "tblIntake", range: "A4:I12" });
  });

  it("validates the grade as L1–L4 and the tier and status from lists", () => {
    expect(spec.validations).toContainEqual({ kind: "list", range: "F5:F12", values: ["L1", "L2", "L3", "L4"], allowBlank: true });
    expect(spec.validations).toContainEqual({ kind: "list", range: "D5:D12", values: ["S", "A", "B", "C"], allowBlank: true });
    expect(spec.validations).toContainEqual({
      kind: "list", range: "I5:I12", values: ["New", "Accepted", "In progress", "Done", "Rejected"], allowBlank: true,
    });
  });

  it("looks the customer tier up on the tiering sheet when asked", () => {
    const c: GeneratorContext = { locale: "en", sheetNames: { ...ctx.sheetNames, tiering: "Customer tiers (2)" } };
    const linked = generateIntake(c, { entries: ENTRIES.en, linkTiering: true });
    expect(cellAt(linked, "D5")?.formula).toBe(
      `=IF(C5="","",IFERROR(INDEX('Customer tiers (2)'!$G:$G,MATCH(C5,'Customer tiers (2)'!$A:$A,0))&"",""))`,
    );
    expect(linked.validations?.some((v) => v.range.startsWith("D5"))).toBe(false);
  });

  it("writes the zh-CN sheet in Chinese", () => {
    const zhCtx = defaultContext("zh-CN");
    const zh = generateIntake(zhCtx, { entries: ENTRIES["zh-CN"] });
    expect("ABCDEFGHI".split("").map((c) => cellAt(zh, `${c}4`)?.value)).toEqual([
      "编号", "日期", "客户", "客户级别", "需求", "需求级别", "响应截止", "负责人", "状态",
    ]);
    expect(cellAt(zh, "M5")?.value).toBe("4 小时");
    expect(cellAt(zh, "P5")?.formula).toContain('"<>已完成"');
  });

  it.each<Locale>(["en", "zh-CN"])("matches the golden snapshot (%s)", (locale) => {
    expectGolden("intake", locale, generateIntake(defaultContext(locale), { entries: ENTRIES[locale], blankRows: 3 }));
  });
});
