/** @jest-environment jsdom */
/** English and Simplified Chinese for every pane string, switchable in the pane. */
import { paneEn } from "../../src/taskpane/i18n/en";
import { paneZhCN } from "../../src/taskpane/i18n/zh-CN";
import { paneT, switchLanguage } from "../../src/taskpane/i18n";
import { toLocale } from "../../src/core/i18n";
import { act, renderPane, screen, stepButton, waitFor } from "./helpers";

afterEach(() => act(() => switchLanguage("en")));

describe("pane catalogues", () => {
  it("zh-CN has every key of en, none blank", () => {
    expect(Object.keys(paneZhCN).sort()).toEqual(Object.keys(paneEn).sort());
    for (const [key, text] of Object.entries(paneZhCN)) expect([key, text.trim()]).not.toEqual([key, ""]);
  });

  it("keeps the same {{placeholders}} in both languages", () => {
    const vars = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const key of Object.keys(paneEn) as (keyof typeof paneEn)[]) expect([key, vars(paneZhCN[key])]).toEqual([key, vars(paneEn[key])]);
  });

  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US", "en"],
    ["de-DE", "en"],
  ])("Office display language %s → %s", (display, locale) => {
    expect(toLocale(display)).toBe(locale);
  });

  it("translates outside React too", () => {
    expect(paneT("zh-CN", "next")).toBe("下一步");
  });
});

describe("language switch", () => {
  it("switches every label to Chinese and back", async () => {
    const { user } = await renderPane();
    expect(screen.getByRole("button", { name: "Next" })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
    await waitFor(() => expect(screen.getByRole("button", { name: "下一步" })).toBeInTheDocument());
    expect(screen.getByRole("heading", { level: 2, name: "目标" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /计划名称/ })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "客户分级" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("zh-CN");
    await user.click(stepButton("团队与资源"));
    expect(screen.getByRole("button", { name: "添加人员" })).toBeInTheDocument();
    // Validation messages follow the pane's language.
    await user.click(screen.getByRole("button", { name: "添加人员" }));
    await user.click(screen.getByRole("button", { name: "下一步" }));
    await waitFor(() => expect(screen.getByText("不能为空")).toBeInTheDocument());
    await user.selectOptions(screen.getByRole("combobox", { name: "语言" }), "en");
    await waitFor(() => expect(screen.getByRole("button", { name: "Add person" })).toBeInTheDocument());
  });

  it("starts in Chinese when Office speaks Chinese", async () => {
    await renderPane({ locale: "zh-CN" });
    expect(screen.getByRole("heading", { level: 2, name: "目标" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "语言" })).toHaveValue("zh-CN");
  });
});
