import { en } from "../../src/core/i18n/en";
import { zhCN } from "../../src/core/i18n/zh-CN";
import { t, setLocale, toLocale, getLocale } from "../../src/core/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("zh-CN has exactly the keys of en", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])("%s uses the same placeholders in both languages", (key) => {
    expect(placeholders(zhCN[key])).toEqual(placeholders(en[key]));
    expect(zhCN[key].trim()).not.toBe("");
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
