/**
 * funnelSql (ordered, with a window) run in DuckDB over a warehouse-shaped
 * events table equals OPS.FUNNEL's event form with times on the same rows:
 * users per step, both conversions and drop-off exactly, the median days
 * from the previous step to 1e-12. Times sit on a coarse grid, so many
 * events share a time (same-time events have no order).
 */
import { funnel } from "../../../src/core/metrics/funnel";
import { funnelSql } from "../../../src/core/sql";
import { EventData, makeEvents } from "./data";
import { Warehouse, closeWarehouse, col, expectSameGrid, gridOf, loadEvents, openWarehouse, query } from "./warehouse";

let w: Warehouse;
beforeAll(async () => {
  w = await openWarehouse();
});
afterAll(() => closeWarehouse(w));

const DATASETS: [string, EventData][] = [
  ["seed 21: 3000 rows, 250 users, 60 days, half-hour grid", makeEvents(21, 3000, 250, 46_000, 60)],
  ["seed 22: 2000 rows, 80 users, 30 days, daily grid", makeEvents(22, 2000, 80, 46_100, 30, 1)],
  ["seed 23: 4000 rows, 500 users, 90 days, 4-hour grid", makeEvents(23, 4000, 500, 45_900, 90, 6)],
];

const STEPS: string[][] = [
  ["browse", "register", "pay"],
  ["browse", "register", "try", "pay"],
  ["register", "browse"],
  ["pay"],
  ["try", "pay", "other"],
];
const WINDOWS = [14, 1, 0.5, 3.25, 60];

function sqlGrid(rows: Record<string, unknown>[]): unknown[][] {
  const blank = (v: unknown): unknown => (v === null ? "" : v);
  return rows.map((r) => [
    r.step_name,
    r.users,
    blank(r.conversion_from_previous),
    blank(r.conversion_from_first),
    r.drop_off,
    r.step === 1 ? "" : blank(r.median_days_from_previous),
  ]);
}

describe.each(DATASETS)("funnel SQL equals OPS.FUNNEL ordered (%s)", (_name, data) => {
  beforeAll(async () => {
    await loadEvents(w.connection, { ids: data.ids, dates: data.dates, events: data.events });
  });

  const cases: [string[], number][] = [];
  for (const steps of STEPS) for (const windowDays of WINDOWS) cases.push([steps, windowDays]);

  it.each(cases)("steps %j, window %p days", async (steps, windowDays) => {
    const mine = gridOf(funnel(col(steps), col(data.ids), col(data.events), col(data.dates), windowDays, "ordered"));
    const rows = await query(w.connection, funnelSql({ steps, windowDays, order: "ordered" }));
    expectSameGrid(sqlGrid(rows), mine.slice(1));
    expect((mine[1]![1] as number) > 0).toBe(true);
  });
});

describe("funnel SQL: the contract's examples", () => {
  // steps browse→register→pay, rows register 3/1, browse 3/1, pay 3/2 (date only) reach pay.
  it.each<[string, { ids: unknown[]; events: unknown[]; dates: unknown[] }, string[], number]>([
    ["same-day register before browse still converts", { ids: ["u", "u", "u"], events: ["register", "browse", "pay"], dates: [46082, 46082, 46083] }, ["browse", "register", "pay"], 14],
    ["three steps at one time in reverse row order", { ids: ["u", "u", "u"], events: ["c", "b", "a"], dates: [46082.5, 46082.5, 46082.5] }, ["a", "b", "c"], 14],
    ["exactly at the window converts (14:00 → 14:05, 5 minutes)", { ids: ["u", "u"], events: ["a", "b"], dates: [46082 + 14 / 24, 46082 + (14 * 60 + 5) / 1440] }, ["a", "b"], 5 / 1440],
    ["one millisecond past the window does not convert", { ids: ["u", "u"], events: ["a", "b"], dates: [46082.5, 46083.5 + 1 / 86_400_000] }, ["a", "b"], 1],
    ["a later attempt converts within the window", { ids: ["u", "u", "u", "v"], events: ["a", "a", "b", "a"], dates: [46082, 46100, 46101, 46082] }, ["a", "b"], 2],
    ["nobody reaches step 2: shares are NULL/'' and the median too", { ids: ["u", "v"], events: ["a", "a"], dates: [46082, 46083] }, ["a", "b", "c"], 14],
  ])("%s", async (_name, data, steps, windowDays) => {
    await loadEvents(w.connection, data, "events_example");
    const mine = gridOf(funnel(col(steps), col(data.ids), col(data.events), col(data.dates), windowDays, "ordered"));
    const rows = await query(w.connection, funnelSql({ steps, windowDays, tables: { events: "events_example" } }));
    expectSameGrid(sqlGrid(rows), mine.slice(1));
  });
});

/** The SQL result with its segment column, in the shape of OPS.FUNNEL's rows with segments (All for NULL). */
function sqlSegmentGrid(rows: Record<string, unknown>[]): unknown[][] {
  const plain = sqlGrid(rows);
  return rows.map((r, i) => [r.segment === null ? "All" : r.segment, ...plain[i]!]);
}

describe.each(DATASETS)("funnel SQL --segments equals OPS.FUNNEL with segments (%s)", (_name, data) => {
  beforeAll(async () => {
    await loadEvents(w.connection, { ids: data.ids, dates: data.dates, events: data.events, segments: data.segments });
  });

  const cases: [string[], number][] = [
    [["browse", "register", "pay"], 14],
    [["browse", "register", "try", "pay"], 1],
    [["register", "browse"], 3.25],
    [["pay"], 14],
  ];
  it.each(cases)("steps %j, window %p days (ties by row order)", async (steps, windowDays) => {
    const mine = gridOf(funnel(col(steps), col(data.ids), col(data.events), col(data.dates), windowDays, "ordered", col(data.segments)));
    const rows = await query(w.connection, funnelSql({ steps, windowDays, segments: true, rowOrder: "rn" }));
    expectSameGrid(sqlSegmentGrid(rows), mine.slice(1));
    expect(new Set(mine.slice(1).map((r) => r[0])).size).toBeGreaterThan(2);
  });
});

describe("funnel SQL --segments: the contract's examples", () => {
  // Each user's earliest step-1 event is unique in time and segments are first touched in time
  // order, so without a row-order column the documented fallback gives Excel's answer too.
  const data = {
    ids: ["u", "u", "v", "w", "v", "x", "u"],
    events: ["a", "b", "a", "a", "b", "b", "a"],
    dates: [46081, 46082.3, 46082.2, 46083, 46084, 46085, 46082.1],
    segments: [" seo ", "seo", "ads", null, "seo", "ads", "late"],
  };
  it("first touch, blank segments, segment order and All", async () => {
    await loadEvents(w.connection, data, "events_touch");
    const mine = gridOf(funnel(col(["a", "b"]), col(data.ids), col(data.events), col(data.dates), 14, "ordered", col(data.segments)));
    const rows = await query(w.connection, funnelSql({ steps: ["a", "b"], segments: "segment", tables: { events: "events_touch" } }));
    expectSameGrid(sqlSegmentGrid(rows), mine.slice(1));
    expect(mine.slice(1).map((r) => r[0])).toEqual(["seo", "seo", "ads", "ads", "(blank)", "(blank)", "All", "All"]);
  });
});
