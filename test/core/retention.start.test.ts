/**
 * OPS.RETENTION's 7th and 8th arguments `start_ids`, `start_dates` (a start
 * list, e.g. sign-ups; docs/functions/retention.md, "Start list"): one row
 * per rule, each error included.
 *
 * 2026-03-01 is serial 46082, a Sunday; `D(n)` is 2026-03-01 + n days.
 */
import { retention } from "../../src/core/metrics/retention";
import { Grid, OpsError } from "../../src/core/errors";
import { setLocale } from "../../src/core/i18n";
import { Err, checkError, col, err, ok, row } from "../support/specHelpers";

const D = (n: number): number => 46082 + n;
const HEAD3 = ["Cohort", "Users", "Day 1", "Day 2", "Day 3"];
const SEG3 = ["Segment", "Users", "Day 1", "Day 2", "Day 3"];

type Pairs = readonly (readonly [id: unknown, date: unknown])[];
interface Call {
  start: Pairs;
  activity: Pairs;
  period?: string;
  periods?: unknown;
  mode?: string;
  segments?: readonly unknown[];
}

/** Runs RETENTION with a start list; activity [] means one blank cell each (an empty range). */
function run(c: Call): Grid | OpsError {
  const ids = c.activity.length ? col(...c.activity.map((p) => p[0])) : [[""]];
  const dates = c.activity.length ? col(...c.activity.map((p) => p[1])) : [[""]];
  return retention(
    ids,
    dates,
    c.period ?? "day",
    c.periods ?? [[3]],
    c.mode ?? "classic",
    c.segments ? col(...c.segments) : null,
    col(...c.start.map((p) => p[0])),
    col(...c.start.map((p) => p[1])),
  );
}

const SIGNUPS: Pairs = [["u1", D(0)], ["u2", D(0)], ["u3", D(1)]];
const ACTIVE: Pairs = [["u1", D(1)], ["u1", D(2)], ["u2", D(3)], ["x", D(5)], ["u4", D(0)]];

describe("RETENTION with a start list: the rules", () => {
  it.each<[string, Call, Grid]>([
    [
      "only listed users count; cohort = period of the earliest start date; outsiders' dates still end the elapsed range",
      { start: SIGNUPS, activity: ACTIVE },
      [HEAD3, [D(0), 2, 0.5, 0.5, 0.5], [D(1), 1, 0, 0, 0], ["All", 3, 1 / 3, 1 / 3, 1 / 3]],
    ],
    [
      "unbounded: active in period k or any later one, on the activity rows",
      { start: SIGNUPS, activity: ACTIVE, mode: "unbounded" },
      [HEAD3, [D(0), 2, 1, 1, 0.5], [D(1), 1, 0, 0, 0], ["All", 3, 2 / 3, 2 / 3, 1 / 3]],
    ],
    [
      "the latest date is the latest of either list (here the start list's)",
      { start: [["u1", D(0)], ["u2", D(3)]], activity: [["u1", D(1)]] },
      [HEAD3, [D(0), 1, 1, 0, 0], [D(3), 1, "", "", ""], ["All", 2, 1, 0, 0]],
    ],
    [
      "without the outsider's later date, fewer periods have elapsed",
      { start: SIGNUPS, activity: ACTIVE.slice(0, 3) },
      [HEAD3, [D(0), 2, 0.5, 0.5, 0.5], [D(1), 1, 0, 0, ""], ["All", 3, 1 / 3, 1 / 3, 0.5]],
    ],
    [
      "a listed user without activity counts in the cohort and is retained nowhere",
      { start: [["u1", D(0)], ["u2", D(0)]], activity: [["u1", D(1)], ["u1", D(4)]] },
      [HEAD3, [D(0), 2, 0.5, 0, 0], ["All", 2, 0.5, 0, 0]],
    ],
    [
      "the earliest start date wins (a user listed twice)",
      { start: [["u1", D(2)], ["u1", D(0)]], activity: [["u1", D(1)], ["u1", D(3)]] },
      [HEAD3, [D(0), 1, 1, 0, 1], ["All", 1, 1, 0, 1]],
    ],
    [
      "activity before the start date is not retention (classic and unbounded alike)",
      { start: [["u1", D(2)]], activity: [["u1", D(0)], ["u1", D(1)], ["v", D(5)]], mode: "unbounded" },
      [HEAD3, [D(2), 1, 0, 0, 0], ["All", 1, 0, 0, 0]],
    ],
    [
      "activity on the start day itself is not a column",
      { start: [["u1", D(0)]], activity: [["u1", D(0)], ["v", D(3)]] },
      [HEAD3, [D(0), 1, 0, 0, 0], ["All", 1, 0, 0, 0]],
    ],
    [
      "start rows with a blank id or a blank date are skipped (null, \"\", spaces, 0)",
      { start: [["u1", D(0)], ["", D(0)], [null, "x"], ["u2", ""], ["u3", 0], [0, D(0)], ["u4", " "]], activity: [["u1", D(1)], ["u2", D(1)]] },
      [HEAD3, [D(0), 1, 1, "", ""], ["All", 1, 1, "", ""]],
    ],
    [
      "ids 7 and \"7\" are one user across both lists",
      { start: [[7, D(0)]], activity: [["7", D(1)], [" 7 ", D(3)]] },
      [HEAD3, [D(0), 1, 1, 0, 1], ["All", 1, 1, 0, 1]],
    ],
    [
      "ISO text start dates, with a time",
      { start: [["u1", "2026-03-01 23:59"], ["u2", "2026-03-02"]], activity: [["u1", D(1)], ["u2", D(2)]] },
      [HEAD3, [D(0), 1, 1, 0, ""], [D(1), 1, 1, "", ""], ["All", 2, 1, 0, ""]],
    ],
    [
      "activity may be empty (one blank cell each): the table is written, 0 where elapsed",
      { start: [["u1", D(0)], ["u2", D(2)]], activity: [] },
      [HEAD3, [D(0), 1, 0, 0, ""], [D(2), 1, "", "", ""], ["All", 2, 0, 0, ""]],
    ],
    [
      "week cohorts from the start list (weeks start Monday)",
      { start: [["u1", D(1)], ["u2", D(8)]], activity: [["u1", D(8)], ["u2", D(9)], ["u2", D(15)]], period: "week", periods: [[2]] },
      [["Cohort", "Users", "Week 1", "Week 2"], [D(1), 1, 1, 0], [D(8), 1, 1, ""], ["All", 2, 1, 0]],
    ],
    [
      "month cohorts from the start list",
      { start: [["u1", D(0)], ["u2", D(31)]], activity: [["u1", D(31)], ["u2", D(62)]], period: "month", periods: [[1]] },
      [["Cohort", "Users", "Month 1"], [D(0), 1, 1], [D(31), 1, 1], ["All", 2, 1]],
    ],
  ])("%s", (_rule, call, expected) => {
    expect(ok(run(call))).toEqual(expected);
  });

  it("without a start list, everything is as today (one blank cell each counts as omitted)", () => {
    const today = ok(retention(col("u1", "u2", "u1"), col(D(0), D(1), D(2)), "day", [[3]]));
    expect(ok(retention(col("u1", "u2", "u1"), col(D(0), D(1), D(2)), "day", [[3]], null, null, [[""]], [[""]]))).toEqual(today);
    expect(ok(retention(col("u1", "u2", "u1"), col(D(0), D(1), D(2)), "day", [[3]], null, null, null, null))).toEqual(today);
  });

  it("start lists may be rows, like the other columns", () => {
    const out = ok(retention(row("u1", "u1"), row(D(0), D(1)), "day", [[1]], null, null, row("u1"), row(D(0))));
    expect(out).toEqual([["Cohort", "Users", "Day 1"], [D(0), 1, 1], ["All", 1, 1]]);
  });
});

describe("RETENTION with a start list: segments", () => {
  it.each<[string, Call, Grid]>([
    [
      "a user's segment is the one on their earliest start row; segments in order of their first user's earliest start row",
      {
        start: [["u1", D(1)], ["u2", D(0)], ["u1", D(0)], ["u3", D(2)]],
        segments: ["late", "seo", "ads", "seo"],
        activity: [["u1", D(1)], ["u2", D(1)], ["u3", D(3)], ["x", D(5)]],
      },
      [SEG3, ["seo", 2, 1, 0, 0], ["ads", 1, 1, 0, 0], ["All", 3, 1, 0, 0]],
    ],
    [
      "ties (two earliest start rows at one time): the first such row",
      { start: [["u1", D(0)], ["u1", D(0)]], segments: ["first", "second"], activity: [["u1", D(1)]] },
      [SEG3, ["first", 1, 1, "", ""], ["All", 1, 1, "", ""]],
    ],
    [
      "a blank segment is (blank); segments are trimmed, case-sensitive text",
      { start: [["u1", D(0)], ["u2", D(0)], ["u3", D(0)], ["u4", D(0)]], segments: [null, " ads", "ads ", "Ads"], activity: [["u2", D(1)]] },
      [SEG3, ["(blank)", 1, 0, "", ""], ["ads", 2, 0.5, "", ""], ["Ads", 1, 0, "", ""], ["All", 4, 0.25, "", ""]],
    ],
  ])("%s", (_rule, call, expected) => {
    expect(ok(run(call))).toEqual(expected);
  });

  it("labels come from the catalogue (zh-CN)", () => {
    setLocale("zh-CN");
    try {
      const out = ok(run({ start: [["u1", D(0)], ["u2", D(0)]], segments: [null, ""], activity: [] }));
      expect(out.map((r) => r[0])).toEqual(["分组", "（空白）", "全部"]);
    } finally {
      setLocale("en");
    }
  });
});

describe("RETENTION with a start list: errors", () => {
  const ids = col("u1", "u2");
  const dates = col(D(0), D(1));
  it.each<[string, () => Grid | OpsError, Err]>([
    ["start_ids without start_dates → #VALUE!", () => retention(ids, dates, null, null, null, null, col("u1")), err("#VALUE!", "start_ids", "start_dates")],
    ["start_dates without start_ids → #VALUE!", () => retention(ids, dates, null, null, null, null, null, col(D(0))), err("#VALUE!", "start_dates", "start_ids")],
    ["start_ids and start_dates of different lengths → #VALUE!", () => retention(ids, dates, null, null, null, null, col("u1", "u2"), col(D(0))), err("#VALUE!", "start_ids", "start_dates", "2", "1")],
    ["a start date that is not a date → #VALUE! naming the row", () => retention(ids, dates, null, null, null, null, col("u1", "u2"), col(D(0), "soon")), err("#VALUE!", "start_dates", "row 2", "soon")],
    ["a start serial out of range → #VALUE!", () => retention(ids, dates, null, null, null, null, col("u1"), col(-5)), err("#VALUE!", "start_dates", "row 1")],
    ["an outsider's activity date that is not a date → #VALUE!", () => retention(col("u1", "x"), col(D(1), "soon"), null, null, null, null, col("u1"), col(D(0))), err("#VALUE!", "dates", "row 2", "soon")],
    ["an outsider's activity date that is not a date, unbounded → #VALUE!", () => retention(col("u1", "x"), col(D(1), "soon"), null, null, "unbounded", null, col("u1"), col(D(0))), err("#VALUE!", "dates", "row 2", "soon")],
    ["an outsider's date out of range (after the listed rows) → #VALUE!", () => retention(col("u1", "u1", "x"), col(D(1), D(2), -3), null, null, null, null, col("u1"), col(D(0))), err("#VALUE!", "dates", "row 3")],
    ["segments with the rows of user_ids, not start_ids → #VALUE!", () => retention(ids, dates, null, null, null, col("a", "b"), col("u1", "u2", "u3"), col(D(0), D(0), D(0))), err("#VALUE!", "start_ids", "segments")],
    ["activity rows and dates of different lengths → #VALUE!", () => retention(col("u1", "u2"), col(D(0)), null, null, null, null, col("u1"), col(D(0))), err("#VALUE!", "user_ids", "dates")],
    ["no usable start row → #N/A No activity rows", () => retention(ids, dates, null, null, null, null, col("", "u2"), col(D(0), "")), err("#N/A", "No activity rows")],
    ["start_ids as a block → #VALUE!", () => retention(ids, dates, null, null, null, null, [["u1", "u2"], ["u3", "u4"]], col(D(0), D(0))), err("#VALUE!", "start_ids")],
  ])("%s", (_rule, call, expected) => {
    checkError(call(), expected);
  });
});
