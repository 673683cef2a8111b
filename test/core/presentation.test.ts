/**
 * The metric presentation generator (src/core/presentation): number formats
 * per column, the heat-map over cohort shares, data bars on funnel
 * conversion, charts (at most 12 latest cohorts + All), titles and axis
 * labels from the catalogue in both languages.
 */
import { metricsEn } from "../../src/core/i18n/metrics.en";
import { metricsZhCN } from "../../src/core/i18n/metrics.zh-CN";
import { retention } from "../../src/core/metrics/retention";
import { funnel } from "../../src/core/metrics/funnel";
import { isOpsError, type Grid } from "../../src/core/errors";
import { FORMATS, HEAT_MAP, metricSheet, presentMetric, provenanceNote } from "../../src/core/presentation";

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function grid(g: Grid | ReturnType<typeof retention>): Grid {
  if (isOpsError(g)) throw new Error(g.message);
  return g;
}

/** 20 weekly cohorts of users, each seen again in the next weeks. */
function weekly(cohorts: number): { ids: string[][]; dates: number[][] } {
  const ids: string[][] = [];
  const dates: number[][] = [];
  for (let c = 0; c < cohorts; c++)
    for (let u = 0; u < 3; u++) {
      ids.push([`c${c}u${u}`]);
      dates.push([46024 + c * 7]);
      if (u < 2) {
        ids.push([`c${c}u${u}`]);
        dates.push([46024 + c * 7 + 7]);
      }
    }
  return { ids, dates };
}

describe("catalogue", () => {
  it("zh-CN has the keys and placeholders of en, in Chinese", () => {
    expect(Object.keys(metricsZhCN).sort()).toEqual(Object.keys(metricsEn).sort());
    for (const [key, text] of Object.entries(metricsEn)) {
      expect(placeholders(metricsZhCN[key as keyof typeof metricsEn])).toEqual(placeholders(text));
    }
    expect(Object.values(metricsZhCN).filter((v) => /[\u4e00-\u9fff]/.test(v)).length).toBeGreaterThan(Object.keys(metricsEn).length - 4);
  });
});

describe("retention", () => {
  const { ids, dates } = weekly(20);
  const g = grid(retention(ids, dates, "week", [[4]], null, null));
  const p = presentMetric({ metric: "retention", grid: g, period: "week" }, { locale: "en" });
  const rows = p.blocks[0]!.rows;

  it.each([
    // column            format
    [0, FORMATS.date],
    [1, FORMATS.whole],
    [2, FORMATS.share],
    [5, FORMATS.share],
  ])("column %i is formatted %s", (col, format) => {
    expect(rows[1]![col]!.numberFormat).toBe(format);
    expect(rows[0]![col]!.style).toBe("header");
  });

  it("keeps values, leaves not-elapsed shares empty, styles All as a total", () => {
    expect(rows[1]![0]!.value).toBe(g[1]![0]);
    expect(rows[20]![5]!.value).toBeUndefined(); // the latest cohort's week 4 has not elapsed
    expect(rows[21]![0]!.style).toBe("total");
    expect(p.range).toBe("A4:F25");
  });

  it("heat-maps the cohort shares (not the All row) white to green", () => {
    expect(p.colorScales).toEqual([{ range: "C5:F24", min: { type: "number", value: 0, color: HEAT_MAP.low }, max: { type: "highest", color: HEAT_MAP.high } }]);
  });

  it("draws the 12 latest cohorts plus All as curves, and the first column over cohorts", () => {
    const [curves, first] = p.charts;
    expect(curves!.kind).toBe("line");
    expect(curves!.columns).toHaveLength(13);
    expect(curves!.columns[0]!.values).toBe("C13:F13"); // cohort 9 of 20: the 12 latest
    expect(curves!.columns[12]).toEqual({ name: "All", values: "C25:F25" });
    expect(curves!.categories).toBe("C4:F4");
    expect(curves!.axisTitles).toEqual({ category: metricsEn.mxAxisPeriodsSince, value: metricsEn.mxAxisShare });
    expect(first!.title).toBe("Week 1 by cohort");
    expect(first!.categories).toBe("A5:A24");
    expect(first!.columns[0]!.values).toBe("C5:C24");
    expect(first!.categoryFormat).toBe(FORMATS.date);
  });

  it("labels charts in Chinese for zh-CN", () => {
    const zh = presentMetric({ metric: "retention", grid: g, period: "week" }, { locale: "zh-CN" });
    expect(zh.charts[0]!.title).toBe(metricsZhCN.mxChartRetentionCurves);
    expect(zh.charts[0]!.axisTitles!.value).toBe(metricsZhCN.mxAxisShare);
  });

  it("segments: text labels, a column chart of the first share", () => {
    const seg = ids.map((_, i) => [i % 2 ? "ads" : "search"]);
    const s = presentMetric({ metric: "retention", grid: grid(retention(ids, dates, "week", [[2]], null, seg)), period: "week" }, { locale: "en" });
    expect(s.blocks[0]!.rows[1]![0]!.numberFormat).toBeUndefined();
    expect(s.charts[1]!.kind).toBe("column");
  });

  it("formatsOnly: formats without values, for a live formula spilling at the anchor", () => {
    const f = presentMetric({ metric: "retention", grid: g, period: "week" }, { locale: "en", cells: "formatsOnly", anchor: "B10" });
    expect(f.blocks[0]!.anchor).toBe("B10");
    expect(f.blocks[0]!.rows.flat().every((c) => c === null || c.value === undefined)).toBe(true);
    expect(f.blocks[0]!.rows[1]![2]!.numberFormat).toBe(FORMATS.share);
  });
});

describe("funnel", () => {
  const steps = [["browse"], ["register"], ["try"], ["pay"]];
  const users = [["a"], ["a"], ["a"], ["b"], ["b"], ["c"]];
  const events = [["browse"], ["register"], ["try"], ["browse"], ["register"], ["browse"]];
  const times = [[46000], [46001], [46002], [46000], [46003], [46004]];
  const g = grid(funnel(steps, users, events, times, 14, null) as Grid);
  const p = presentMetric({ metric: "funnel", grid: g }, { locale: "en" });

  it("formats users, conversions and days; data bars 0..1 on conversion; a bar chart of users per step", () => {
    const row = p.blocks[0]!.rows[2]!;
    expect(row.map((c) => c?.numberFormat)).toEqual([undefined, FORMATS.whole, FORMATS.share, FORMATS.share, FORMATS.whole, FORMATS.days]);
    expect(p.dataBars.map((d) => d.range).sort()).toEqual(["C5:C8", "D5:D8"]);
    expect(p.dataBars[0]).toMatchObject({ min: 0, max: 1 });
    expect(p.charts).toEqual([
      expect.objectContaining({ kind: "bar", title: metricsEn.mxChartFunnel, categories: "A5:A8", columns: [{ name: "Users", values: "B5:B8" }] }),
    ]);
  });
});

describe("metricSheet", () => {
  it("puts the title, the provenance line and the grid from A4, frozen under the header", () => {
    const sheet = metricSheet(
      { metric: "payrate", grid: [[0.25]], measure: "rate" },
      { locale: "en", name: "Payment rate", note: provenanceNote("en", "Events", 812344, "2026-12-03 14:05") },
    );
    expect(sheet.blocks[0]!.rows[1]![0]!.value).toBe("Computed from Events, 812,344 rows, 2026-12-03 14:05 — refresh in the OpsKit pane");
    expect(sheet.blocks[1]!.rows[1]![1]).toMatchObject({ value: 0.25, numberFormat: FORMATS.share });
    expect(sheet.freeze).toEqual({ rows: 4, columns: 1 });
  });
});

describe("funnel with segments", () => {
  it("shifts the formats by the Segment column and charts one series per segment block", () => {
    const users = [["a"], ["a"], ["b"], ["b"], ["c"]];
    const events = [["browse"], ["pay"], ["browse"], ["pay"], ["browse"]];
    const times = [[46000], [46001], [46000], [46003], [46002]];
    const seg = [["ads"], ["ads"], ["search"], ["search"], ["ads"]];
    const g = funnel([["browse"], ["pay"]], users, events, times, 14, null, seg) as Grid;
    const p = presentMetric({ metric: "funnel", grid: g }, { locale: "en" });
    expect(p.blocks[0]!.rows[1]!.map((c) => c?.numberFormat)).toEqual([undefined, undefined, FORMATS.whole, FORMATS.share, FORMATS.share, FORMATS.whole, FORMATS.days]);
    expect(p.dataBars.map((d) => d.range).sort()).toEqual(["D5:D10", "E5:E10"]);
    expect(p.charts[0]!.categories).toBe("B5:B6");
    expect(p.charts[0]!.columns).toEqual([
      { name: "ads", values: "C5:C6" },
      { name: "search", values: "C7:C8" },
      { name: "All", values: "C9:C10" },
    ]);
  });
});
