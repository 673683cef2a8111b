import { withPrintSettings, printArea, sheetPrintSettings, LANDSCAPE_FROM } from "../../../src/core/sharing/print";
import { buildDemoWorkbook, demoData } from "../../../src/core/generators/demo";
import { freezeOpsFormulas } from "../../../src/core/sharing/freeze";
import { TIERING_COLUMNS } from "../../../src/core/generators/tiering";
import { parseRange, parseA1 } from "../../../src/core/tablespec/a1";
import type { SheetSpec, WorkbookSpec } from "../../../src/core/tablespec/types";

const demo = buildDemoWorkbook(demoData("en"));
const byKind = (spec: WorkbookSpec, kind: string) => spec.sheets.find((s) => s.kind === kind)!;

describe("withPrintSettings", () => {
  const printed = withPrintSettings(demo);

  it("sets print settings on every generated sheet: area, fit to width, header and footer", () => {
    for (const sheet of printed.sheets) {
      const p = sheet.print!;
      expect([sheet.name, p.fitToWidth, p.header, p.footer]).toEqual([sheet.name, true, "&A", "Page &P of &N    Printed &D"]);
      expect([sheet.name, p.orientation === "portrait" || p.orientation === "landscape"]).toEqual([sheet.name, true]);
      if (sheet.kind !== "metrics") expect([sheet.name, typeof p.area]).toEqual([sheet.name, "string"]);
    }
  });

  it("keeps what the generators chose (orientation, repeated rows, areas) and does not change its input", () => {
    for (const sheet of demo.sheets) {
      const before = sheet.print ?? {};
      const after = printed.sheets.find((s) => s.name === sheet.name)!.print!;
      if (before.orientation) expect(after.orientation).toBe(before.orientation);
      if (before.repeatRows) expect(after.repeatRows).toBe(before.repeatRows);
      if (before.area && sheet.kind !== "tiering") expect(after.area).toBe(before.area);
    }
    expect(demo.sheets.every((s) => s.print?.header === undefined)).toBe(true);
  });

  it("the tiering sheet's area includes the settings-and-summary block (J:P) and the Pareto chart (J13+)", () => {
    const tiering = byKind(printed, "tiering");
    const area = parseRange(tiering.print!.area!);
    const chart = tiering.charts![0]!;
    const at = parseA1(chart.anchor);
    expect(area.col1).toBe(0);
    expect(area.col2).toBe(Math.max(TIERING_COLUMNS.setService, at.col + chart.widthCells - 1));
    expect(area.row2).toBeGreaterThanOrEqual(at.row + chart.heightCells - 1);
    expect(area.row2).toBeGreaterThanOrEqual(parseRange(byKind(demo, "tiering").print!.area!).row2);
    expect(tiering.print!.repeatRows).toBe("4:4");
  });

  it("leaves the area of a sheet with live OPS formulas to Excel (their spills are not in the spec)", () => {
    expect(byKind(printed, "metrics").print!.area).toBeUndefined();
    const frozen = withPrintSettings(freezeOpsFormulas(demo, { frozenAt: "2026-06-01" }).workbook);
    const area = parseRange(byKind(frozen, "metrics").print!.area!);
    expect(area.row2).toBeGreaterThanOrEqual(4 + 200 - 1); // the frozen tiers column J5:J204
  });

  it("does not touch hidden sheets", () => {
    const frozen = freezeOpsFormulas(demo, { frozenAt: "2026-06-01" }).workbook;
    const hidden = frozen.sheets.find((s) => s.hidden)!;
    expect(withPrintSettings(frozen).sheets.find((s) => s.hidden)).toBe(hidden);
  });

  it("prints the as-of date instead of the print date when given, in the workbook's language", () => {
    const zh = withPrintSettings(demo, { locale: "zh-CN", asOf: "2026-06-01" });
    expect(zh.sheets[0]!.print!.footer).toBe("第 &P 页，共 &N 页    数据截至 2026-06-01");
  });
});

describe("sheetPrintSettings on bare sheets", () => {
  const sheet = (over: Partial<SheetSpec>): SheetSpec => ({
    kind: "x",
    name: "X",
    blocks: [
      {
        anchor: "B2",
        rows: [
          [{ value: "Title", style: "title", mergeAcross: 3 }],
          [{ value: "A", style: "header" }, { value: "B", style: "header" }],
          [{ value: 1 }, { value: 2 }],
        ],
      },
    ],
    ...over,
  });

  it("a sheet without settings gets its used extent, portrait, and its header row repeated", () => {
    expect(sheetPrintSettings(sheet({}))).toEqual({
      area: "B2:D4",
      fitToWidth: true,
      orientation: "portrait",
      repeatRows: "3:3",
      header: "&A",
      footer: "Page &P of &N    Printed &D",
    });
  });

  it("a wide sheet prints landscape", () => {
    const wide = sheet({ columns: [1, 2, 3, 4].map((index) => ({ index, width: LANDSCAPE_FROM / 2 })) });
    expect(sheetPrintSettings(wide).orientation).toBe("landscape");
  });

  it("a one-page sheet keeps onePage and repeats no rows", () => {
    const p = sheetPrintSettings(sheet({ print: { onePage: true, orientation: "portrait" } }));
    expect(p.onePage).toBe(true);
    expect(p.fitToWidth).toBeUndefined();
    expect(p.repeatRows).toBeUndefined();
  });

  it("keeps a header and footer the generator set", () => {
    const p = sheetPrintSettings(sheet({ print: { header: "Plan", footer: "" } }));
    expect([p.header, p.footer]).toEqual(["Plan", ""]);
  });

  it("an empty sheet gets no area", () => {
    expect(printArea({ kind: "x", name: "E", blocks: [] })).toBeUndefined();
  });
});
