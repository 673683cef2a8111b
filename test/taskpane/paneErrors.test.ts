/**
 * Errors shown in the pane come from the pane's catalogue in its language:
 * a sheet the writer could not write is named with Excel's own words, in en
 * and zh-CN (the same English sentence the writer logs).
 */
import { i18n, PANE_NS, type PaneT } from "../../src/taskpane/i18n";
import { plainError } from "../../src/taskpane/errors";
import { SheetWriteError, isSheetWriteError } from "../../src/core/tablespec/writeError";

const tIn = (locale: "en" | "zh-CN"): PaneT => (key, params) => i18n.getFixedT(locale, PANE_NS)(key, params);

describe("a writer's refusal in the pane", () => {
  const refused = new SheetWriteError("Settings", "InvalidArgument", Object.assign(new Error("InvalidArgument"), { code: "InvalidArgument" }));

  it("keeps the sheet, Excel's message and code, and the English log sentence", () => {
    expect(isSheetWriteError(refused)).toBe(true);
    expect([refused.sheet, refused.detail, refused.code, refused.message]).toEqual(["Settings", "InvalidArgument", "InvalidArgument", 'Writing sheet "Settings" failed: InvalidArgument']);
    expect(isSheetWriteError(new Error('Writing sheet "Settings" failed: InvalidArgument'))).toBe(false);
  });

  it.each([
    ["en", 'Excel could not write the sheets. Make sure no cell is being edited and the workbook is not protected, then try again. Details: Writing sheet "Settings" failed: InvalidArgument'],
    ["zh-CN", `${i18n.getFixedT("zh-CN", PANE_NS)("errorWrite")} 详细信息：写入工作表“Settings”失败：InvalidArgument`],
  ] as const)("%s: from the catalogue", (locale, shown) => {
    expect(plainError(tIn(locale), "write", refused)).toBe(shown);
  });

  it("without Excel's words (a stack or nothing) names the sheet only", () => {
    const stacky = new SheetWriteError("Plan", "    at writeSheets (writeWorkbook.ts:120:11)");
    expect(plainError(tIn("en"), "write", stacky)).toBe(`${tIn("en")("errorWrite")} Details: Writing sheet "Plan" failed.`);
    expect(plainError(tIn("zh-CN"), "write", new SheetWriteError("计划", ""))).toBe(`${tIn("zh-CN")("errorWrite")} 详细信息：写入工作表“计划”失败。`);
  });
});
