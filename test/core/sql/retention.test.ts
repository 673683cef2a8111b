/**
 * retentionSql run in DuckDB over a warehouse-shaped events table equals
 * OPS.RETENTION on the same rows as Excel passes them: every period and
 * mode, by cohort and by segment, periods as N and as a list, several seeds.
 * Both sides divide the same integer counts, so shares must agree to 1e-12
 * (in practice exactly) and counts exactly.
 */
import { retention } from "../../../src/core/metrics/retention";
import { retentionSql } from "../../../src/core/sql";
import { EventData, makeEvents } from "./data";
import { Warehouse, closeWarehouse, col, columnsOf, expectSameGrid, gridOf, loadEvents, openWarehouse, query, serialOfDate } from "./warehouse";

type Period = "day" | "week" | "month";
type Mode = "classic" | "unbounded";

let w: Warehouse;
beforeAll(async () => {
  w = await openWarehouse();
});
afterAll(() => closeWarehouse(w));

const DATASETS: [string, EventData][] = [
  ["seed 11: 3000 rows, 300 users, 120 days", makeEvents(11, 3000, 300, 46_000, 120)],
  ["seed 12: 2500 rows, 120 users, 420 days", makeEvents(12, 2500, 120, 45_600, 420)],
  ["seed 13: 1500 rows, 600 users, 20 days, hourly", makeEvents(13, 1500, 600, 46_081, 20, 24)],
];

const LISTS: Record<Period, number[]> = { day: [1, 7, 30, 2], week: [4, 1, 12], month: [1, 3, 12] };

/** The SQL result in the shape of retention()'s body rows (label, users, shares). */
function sqlBody(rows: Record<string, unknown>[], bySegment: boolean, names: string[]): unknown[][] {
  return rows.map((row) => {
    const label = bySegment ? row.segment : row.cohort;
    const cells = names.map((n) => (row[n] === null ? "" : row[n]));
    return [label === null ? "All" : bySegment ? label : serialOfDate(label), row.users, ...cells];
  });
}

describe.each(DATASETS)("retention SQL equals OPS.RETENTION (%s)", (_name, data) => {
  beforeAll(async () => {
    await loadEvents(w.connection, { ids: data.ids, dates: data.dates, segments: data.segments });
  });

  const cases: [Period, Mode, boolean, "N" | "list"][] = [];
  for (const period of ["day", "week", "month"] as Period[]) {
    for (const mode of ["classic", "unbounded"] as Mode[]) {
      for (const seg of [false, true]) for (const form of ["N", "list"] as const) cases.push([period, mode, seg, form]);
    }
  }

  it.each(cases)("%s, %s, segments %s, periods as %s", async (period, mode, bySegment, form) => {
    const ks = form === "list" ? LISTS[period] : undefined;
    const mine = gridOf(
      retention(col(data.ids), col(data.dates), period, ks ? [ks] : null, mode, bySegment ? col(data.segments) : null),
    );
    const sql = retentionSql({ period, periods: ks, mode, segments: bySegment, rowOrder: bySegment ? "rn" : undefined });
    const names = (await columnsOf(w.connection, sql)).slice(2);
    expect(names).toEqual((ks ?? mine[0]!.slice(2).map((_, i) => i + 1)).map((k) => `${period}_${k}`));
    expectSameGrid(sqlBody(await query(w.connection, sql), bySegment, names), mine.slice(1));
    expect(mine.length).toBeGreaterThan(3);
  });
});

describe("segments without a row-order column", () => {
  // Every user's earliest row is unique in time and segments first appear in
  // time order, so the documented fallback (ties by name, order by earliest
  // time) gives Excel's answer too.
  const data = {
    ids: ["a", "b", "a", "c", "b", "d"],
    dates: [46082.1, 46082.2, 46083, 46084.5, 46090, 46091],
    segments: ["seo", "ads", "ads", null, "seo", " ads "],
  };
  it.each(["classic", "unbounded"] as Mode[])("%s", async (mode) => {
    await loadEvents(w.connection, data, "events_plain");
    const mine = gridOf(retention(col(data.ids), col(data.dates), "day", [[1, 2, 8]], mode, col(data.segments)));
    const sql = retentionSql({ periods: [1, 2, 8], mode, segments: "segment", tables: { events: "events_plain" } });
    expectSameGrid(sqlBody(await query(w.connection, sql), true, ["day_1", "day_2", "day_8"]), mine.slice(1));
    expect(mine.map((r) => r[0])).toEqual(["Segment", "seo", "ads", "(blank)", "All"]);
  });
});

describe.each<[string, EventData, EventData]>([
  ["seed 31: 3000 activity rows, 400 sign-ups, 300 users", makeEvents(31, 3000, 300, 46_000, 120), makeEvents(32, 400, 300, 46_000, 120)],
  ["seed 33: 1500 activity rows, 700 sign-ups, 600 users, hourly", makeEvents(33, 1500, 600, 46_081, 20, 24), makeEvents(34, 700, 600, 46_081, 20, 24)],
])("retention SQL --start-table equals OPS.RETENTION with a start list (%s)", (_name, data, signups) => {
  beforeAll(async () => {
    await loadEvents(w.connection, { ids: data.ids, dates: data.dates });
    await loadEvents(w.connection, { ids: signups.ids, dates: signups.dates, segments: signups.segments }, "signups");
  });

  const cases: [Period, Mode, boolean][] = [];
  for (const period of ["day", "week", "month"] as Period[]) {
    for (const mode of ["classic", "unbounded"] as Mode[]) for (const seg of [false, true]) cases.push([period, mode, seg]);
  }

  it.each(cases)("%s, %s, segments %s", async (period, mode, bySegment) => {
    const mine = gridOf(
      retention(col(data.ids), col(data.dates), period, null, mode, bySegment ? col(signups.segments) : null, col(signups.ids), col(signups.dates)),
    );
    const sql = retentionSql({ period, mode, segments: bySegment, rowOrder: bySegment ? "rn" : undefined, startTable: "signups" });
    const names = (await columnsOf(w.connection, sql)).slice(2);
    expectSameGrid(sqlBody(await query(w.connection, sql), bySegment, names), mine.slice(1));
    expect(mine.length).toBeGreaterThan(3);
  });
});

describe("retention SQL --start-table: the contract's examples", () => {
  const D = (n: number): number => 46_082 + n;
  it.each<[string, { ids: unknown[]; dates: unknown[] }, { ids: unknown[]; dates: unknown[]; segments?: unknown[] }]>([
    ["outsiders ignored but their dates end the elapsed range", { ids: ["u1", "u1", "u2", "x", "u4"], dates: [D(1), D(2), D(3), D(5), D(0)] }, { ids: ["u1", "u2", "u3"], dates: [D(0), D(0), D(1)] }],
    ["a listed user without activity; earliest start wins", { ids: ["u1"], dates: [D(4)] }, { ids: ["u1", "u2", "u2"], dates: [D(0), D(3), D(1)] }],
    ["activity before the start date", { ids: ["u1", "u1"], dates: [D(0), D(1)] }, { ids: ["u1"], dates: [D(2)] }],
    ["an empty activity table", { ids: [], dates: [] }, { ids: ["u1", "u2"], dates: [D(0), D(2)] }],
    ["segments without a row order: ties by name, order by earliest start", { ids: ["u1", "u2"], dates: [D(1), D(2)] }, { ids: ["u1", "u2", "u3"], dates: [D(0), D(1), D(2)], segments: ["seo", null, " seo "] }],
  ])("%s", async (_name, activity, start) => {
    await loadEvents(w.connection, activity, "events_small");
    await loadEvents(w.connection, start, "signups_small");
    for (const mode of ["classic", "unbounded"] as Mode[]) {
      const activityArgs = activity.ids.length ? [col(activity.ids), col(activity.dates)] : [[[""]], [[""]]];
      const mine = gridOf(
        retention(activityArgs[0], activityArgs[1], "day", [[1, 2, 3]], mode, start.segments ? col(start.segments) : null, col(start.ids), col(start.dates)),
      );
      const sql = retentionSql({ periods: [1, 2, 3], mode, segments: start.segments !== undefined, startTable: "signups_small", tables: { events: "events_small" } });
      expectSameGrid(sqlBody(await query(w.connection, sql), start.segments !== undefined, ["day_1", "day_2", "day_3"]), mine.slice(1));
    }
  });
});
