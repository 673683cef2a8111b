import { en } from "../../src/core/i18n/en";
import { zhCN } from "../../src/core/i18n/zh-CN";
import { planEn } from "../../src/core/i18n/plan.en";
import { planZhCN } from "../../src/core/i18n/plan.zh-CN";
import { dataEn } from "../../src/core/i18n/data.en";
import { dataZhCN } from "../../src/core/i18n/data.zh-CN";
import { shareEn } from "../../src/core/i18n/share.en";
import { shareZhCN } from "../../src/core/i18n/share.zh-CN";
import { breakdownEn } from "../../src/core/i18n/breakdown.en";
import { breakdownZhCN } from "../../src/core/i18n/breakdown.zh-CN";
import { t, setLocale, toLocale, getLocale } from "../../src/core/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const catalogues: [string, Record<string, string>, Record<string, string>][] = [
  ["functions", en, zhCN],
  ["plan sheets", planEn, planZhCN],
  ["data sheets", dataEn, dataZhCN],
  ["sharing", shareEn, shareZhCN],
  ["funnel and retention breakdowns", breakdownEn, breakdownZhCN],
];

describe.each(catalogues)("%s catalogue", (_name, english, chinese) => {
  it("zh-CN has exactly the keys of en", () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  });

  it("every message has the same placeholders in both languages and is not empty", () => {
    for (const key of Object.keys(english)) {
      expect([key, placeholders(chinese[key] ?? "")]).toEqual([key, placeholders(english[key]!)]);
      expect([key, (chinese[key] ?? "").trim() !== ""]).toEqual([key, true]);
    }
  });
});

describe("i18n", () => {
  it("keys are unique across catalogues", () => {
    const all = catalogues.flatMap(([, english]) => Object.keys(english));
    expect(new Set(all).size).toBe(all.length);
  });

  it("interpolates and switches language", () => {
    expect(t("rowsMismatch", { a: "user_ids", b: "dates", na: 3, nb: 2 })).toBe(
      "user_ids and dates must have the same number of rows (3 vs 2)",
    );
    setLocale("zh-CN");
    try {
      expect(getLocale()).toBe("zh-CN");
      expect(t("retentionDay", { k: 3 })).toBe("第 3 天");
    } finally {
      setLocale("en");
    }
    expect(t("retentionDay", { k: 3 })).toBe("Day 3");
  });

  it.each([
    ["zh-CN", "zh-CN"], ["zh-TW", "zh-CN"], ["en-US", "en"], ["fr-FR", "en"], ["", "en"], [null, "en"],
  ])("display language %p → %p", (display, locale) => expect(toLocale(display)).toBe(locale));
});
