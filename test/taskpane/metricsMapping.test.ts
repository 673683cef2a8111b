/**
 * The Metrics tab's pure parts: column mapping by header (English and
 * Chinese, ambiguous and missing columns), the live formula and its request
 * estimate, saved definitions.
 */
import { mapColumns } from "../../src/taskpane/components/MetricsTab/columnMapping";
import {
  DEFAULT_OPTIONS,
  LIVE_SAFE_BYTES,
  columnsToRead,
  computeMetric,
  estimatePayload,
  liveFormula,
  mappingFromDefinition,
  parseDefinitions,
  serializeDefinitions,
  type MetricDefinition,
} from "../../src/taskpane/components/MetricsTab/metricJob";
import { jsonBytes } from "../../src/core/payload/limits";
import type { TableInfo } from "../../src/taskpane/host/WorkbookHost";
import { metricsTabEn } from "../../src/taskpane/components/MetricsTab/metricsTab.en";
import { metricsTabZhCN } from "../../src/taskpane/components/MetricsTab/metricsTab.zh-CN";

describe("mapColumns", () => {
  it.each([
    // headers                                                     user  date  event segment amount
    [["User", "Date", "Event", "Channel", "Amount"],               0,    1,    2,    3,      4],
    [["user_id", "timestamp", "event name", "source", "revenue"],  0,    1,    2,    3,      4],
    [["用户", "日期", "事件", "渠道", "金额"],                      0,    1,    2,    3,      4],
    [["用户ID", "时间", "事件", "来源", "金额"],                    0,    1,    2,    3,      4],
    [["Customer", "Signup date", "Plan"],                          0,    1,    null, null,   null],
    [["订单号", "付款金额", "客户"],                                2,    null, null, null,   1],
  ])("%j", (headers, user, date, event, segment, amount) => {
    expect(mapColumns(headers).mapping).toEqual({ user, date, event, segment, amount });
  });

  it("leaves a role unmapped and lists the candidates when two headers fit equally", () => {
    const report = mapColumns(["User", "Signup date", "Last seen date", "Event"]);
    expect(report.mapping.date).toBeNull();
    expect(report.ambiguous.date).toEqual([1, 2]);
    expect(report.mapping.user).toBe(0);
    expect(report.mapping.event).toBe(3);
  });

  it("never gives one column two roles", () => {
    const { mapping } = mapColumns(["id", "time"]);
    expect(mapping).toEqual({ user: 0, date: 1, event: null, segment: null, amount: null });
  });
});

const source = (rows: number, sample: (string | number)[][]): TableInfo => ({ name: "Events", sheet: "Events", address: `A1:D${rows + 1}`, headers: ["User", "Date", "Event", "Channel"], rows, sample });
const sample = Array.from({ length: 200 }, (_, i) => [`u${String(i).padStart(7, "0")}`, 46000 + i / 7, ["browse", "register", "try", "pay"][i % 4]!, "search"]);

describe("columns, live formula and estimate", () => {
  const mapping = { user: 0, date: 1, event: 2, segment: 3, amount: null };

  it("lists the missing roles of a metric", () => {
    expect(columnsToRead("renewal", DEFAULT_OPTIONS, mapping)).toEqual({ missing: ["amount"] });
    expect(columnsToRead("retention", { ...DEFAULT_OPTIONS, segments: true }, mapping)).toEqual({ roles: ["user", "date", "segment"], columns: [0, 1, 3] });
  });

  it.each([
    ["retention", { period: "week", periods: "1,2,4", segments: true }, '=OPS.RETENTION(Events[User], Events[Date], "week", {1,2,4}, "classic", Events[Channel])'],
    ["retention", {}, '=OPS.RETENTION(Events[User], Events[Date], "day", , "classic")'],
    ["funnel", { segments: true, steps: ["browse", "pay"], windowDays: "7", order: "any" }, '=OPS.FUNNEL({"browse";"pay"}, Events[User], Events[Event], Events[Date], 7, "any", Events[Channel])'],
    ["funnel", { steps: ["browse", "pay"], windowDays: "14" }, '=OPS.FUNNEL({"browse";"pay"}, Events[User], Events[Event], Events[Date], 14, "ordered")'],
  ] as const)("%s %j → %s", (metric, opts, formula) => {
    expect(liveFormula(metric, { ...DEFAULT_OPTIONS, ...opts, steps: [...((opts as { steps?: string[] }).steps ?? [])] }, source(10, sample), mapping)).toBe(formula);
  });

  it("writes RETENTION's start list as its 7th and 8th arguments", () => {
    const signups: TableInfo = { name: "Signups", sheet: "S", address: "A1:B3", headers: ["用户", "注册日期"], rows: 2, sample: [] };
    expect(liveFormula("retention", DEFAULT_OPTIONS, source(10, sample), mapping, { source: signups, user: 0, date: 1 })).toBe(
      '=OPS.RETENTION(Events[User], Events[Date], "day", , "classic", , Signups[用户], Signups[注册日期])',
    );
  });

  it("estimates the request from the measured sample, as Excel passes range arguments ([[v],…] per column)", () => {
    const small = estimatePayload(source(200, sample), [0, 1]);
    const exact = jsonBytes(sample.map((r) => [r[0]])) + jsonBytes(sample.map((r) => [r[1]]));
    expect(Math.abs(small.bytes - exact) / exact).toBeLessThan(0.02);
    expect(small.safe).toBe(true);
    const big = estimatePayload(source(1_048_575, sample), [0, 1]);
    expect(big.bytes).toBeGreaterThan(20_000_000);
    expect(big.safe).toBe(false);
    // safe means well under Excel's limit
    expect(LIVE_SAFE_BYTES).toBeLessThanOrEqual(5_000_000 / 2);
  });
});

describe("definitions", () => {
  const def: MetricDefinition = {
    id: "d1",
    metric: "funnel",
    options: { ...DEFAULT_OPTIONS, steps: ["browse", "pay"] },
    source: { table: "Events", sheet: "Events", address: "A1:D11" },
    columns: { user: "User", event: "Event", date: "Date" },
    sheet: "Funnel",
    computedAt: "2026-12-03 14:05",
    rows: 10,
    locale: "en",
  };

  it("round-trip, and unreadable text gives none", () => {
    expect(parseDefinitions(serializeDefinitions([def]))).toEqual([def]);
    expect(parseDefinitions("{not json")).toEqual([]);
    expect(parseDefinitions(JSON.stringify({ format: "other", definitions: [def] }))).toEqual([]);
    expect(parseDefinitions(JSON.stringify({ format: "opskit.metrics", definitions: [def, { id: 3 }] }))).toEqual([def]);
  });

  it("maps saved headers onto the current ones (moved columns follow, renamed ones are missing)", () => {
    expect(mappingFromDefinition(def, ["Event", "User", "Date"])).toEqual({ user: 1, date: 2, event: 0, segment: null, amount: null });
    expect(mappingFromDefinition(def, ["User", "When", "Event"]).date).toBeNull();
  });
});

describe("catalogue", () => {
  it("zh-CN has every key and placeholder of en", () => {
    const ph = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(metricsTabZhCN).sort()).toEqual(Object.keys(metricsTabEn).sort());
    for (const [k, v] of Object.entries(metricsTabEn)) expect(ph(metricsTabZhCN[k as keyof typeof metricsTabEn])).toEqual(ph(v));
  });
});

describe("computeMetric", () => {
  it("TIER grades customers by their total amount, with headers in the sheet's language", () => {
    const result = computeMetric("tier", DEFAULT_OPTIONS, { user: ["a", "b", "a", "c"], amount: [100, 10, 900, 1] }, undefined, "zh-CN");
    expect(result).toMatchObject({ metric: "tier", grid: [["客户", "数值", "等级"], ["a", 1000, "S"], ["b", 10, expect.any(String)], ["c", 1, expect.any(String)]] });
  });

  it("PAYRATE counts the users with the pay event among all users", () => {
    const result = computeMetric("payrate", { ...DEFAULT_OPTIONS, payEvent: "pay" }, { user: ["a", "a", "b", "c"], event: ["browse", "pay", "browse", "browse"] });
    expect(result).toEqual({ metric: "payrate", grid: [[1 / 3]], measure: "rate" });
  });
});
