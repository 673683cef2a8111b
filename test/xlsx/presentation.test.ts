/**
 * A presented metric (src/core/presentation) in both adapters: the .xlsx
 * carries the colour scale, the solid data bars, the number formats and the
 * charts (horizontal bars, axis titles, row-range series); the Office.js
 * writer queues the same rules and chart settings (office-addin-mock).
 */
import JSZip from "jszip";
import { retention } from "../../src/core/metrics/retention";
import { funnel } from "../../src/core/metrics/funnel";
import type { Grid } from "../../src/core/errors";
import { metricSheet, HEAT_MAP, DATA_BAR_COLOR } from "../../src/core/presentation";
import { workbookToXlsx } from "../../src/xlsx/writeXlsx";
import { writeSheets } from "../../src/excel/writeWorkbook";
import { createMockExcel } from "../excel/mockExcel";

const ids = [["a"], ["a"], ["b"], ["b"], ["c"], ["c"], ["d"]];
const dates = [[46024], [46031], [46024], [46038], [46031], [46038], [46038]];
const events = [["browse"], ["register"], ["browse"], ["pay"], ["browse"], ["register"], ["browse"]];
const retentionSheet = metricSheet({ metric: "retention", grid: retention(ids, dates, "week", [[3]], null, null) as Grid, period: "week" }, { locale: "en", name: "Retention" });
const funnelSheet = metricSheet({ metric: "funnel", grid: funnel([["browse"], ["register"], ["pay"]], ids, events, dates, 14, null) as Grid }, { locale: "zh-CN", name: "漏斗" });

async function unzip(): Promise<JSZip> {
  return JSZip.loadAsync(await workbookToXlsx({ sheets: [retentionSheet, funnelSheet] }, { date: new Date(Date.UTC(2026, 0, 1)) }));
}

describe("xlsx", () => {
  let zip: JSZip;
  beforeAll(async () => {
    zip = await unzip();
  });
  const text = (path: string) => zip.file(path)!.async("string");

  it("writes the heat-map as a colour scale over the cohort shares", async () => {
    const sheet = await text("xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<conditionalFormatting sqref="C5:E7">\s*<cfRule type="colorScale"/);
    expect(sheet).toContain(`<cfvo type="num" val="0"/>`);
    expect(sheet).toContain(`<cfvo type="max"/>`);
    expect(sheet).toContain(`FF${HEAT_MAP.high.slice(1)}`);
  });

  it("writes solid data bars over the funnel conversions", async () => {
    const sheet = await text("xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/sqref="D5:D7">\s*<cfRule type="dataBar"/);
    expect(sheet).toContain(`FF${DATA_BAR_COLOR.slice(1)}`);
  });

  it("charts: retention curves by rows with axis titles and 0% axis; the funnel as horizontal bars in Chinese", async () => {
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort();
    expect(charts).toHaveLength(3);
    const all = await Promise.all(charts.map(text));
    const curves = all.find((x) => x.includes("Retention curves"))!;
    expect(curves).toContain("<c:lineChart>");
    expect(curves).toContain("'Retention'!$C$5:$E$5");
    expect(curves).toContain("Periods since the cohort");
    expect(curves).toContain(`<c:numFmt formatCode="0%" sourceLinked="0"/>`);
    const bars = all.find((x) => x.includes("漏斗各步骤用户数"))!;
    expect(bars).toContain(`<c:barDir val="bar"/>`);
    expect(bars).toContain("用户数");
  });
});

describe("Office.js writer", () => {
  it("queues the colour scale, the data bars and the chart settings", async () => {
    const excel = createMockExcel(["Sheet1"]);
    await writeSheets(excel.context, { sheets: [retentionSheet, funnelSheet] }, { onExisting: "keepBoth" });
    const r = excel.sheet("Retention");
    const scale = r.conditionalFormats.find((c) => c.type === "ColorScale")!;
    expect(scale.address).toBe("C5:E7");
    expect((scale.mock as unknown as { colorScale: { criteria: unknown } }).colorScale.criteria).toEqual({
      minimum: { type: "Number", formula: "0", color: HEAT_MAP.low },
      maximum: { type: "HighestValue", formula: null, color: HEAT_MAP.high },
    });
    const curves = r.charts[0]!;
    expect(curves.type).toBe("Line");
    expect(curves.source).toBe("C5:E5");
    const f = excel.sheet("漏斗");
    const bar = f.conditionalFormats.find((c) => c.type === "DataBar")!;
    const dataBar = (bar.mock as unknown as { dataBar: Record<string, unknown> }).dataBar;
    expect(dataBar.lowerBoundRule).toEqual({ type: "Number", formula: "0" });
    expect(dataBar.upperBoundRule).toEqual({ type: "Number", formula: "1" });
    expect((dataBar.positiveFormat as Record<string, unknown>).fillColor).toBe(DATA_BAR_COLOR);
    expect(f.charts[0]!.type).toBe("BarClustered");
    const valueAxis = f.charts[0]!.axes.find((a) => a.type === "Value")!;
    expect((valueAxis.mock as unknown as { title: { text: string } }).title.text).toBe("用户数");
  });
});
