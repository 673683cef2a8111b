/**
 * OPS.FUNNEL spec (docs/functions/funnel.md): one row per rule.
 */
import { funnel } from "../../src/core/metrics/funnel";
import { CellOut, Grid, OpsError } from "../../src/core/errors";
import { setLocale } from "../../src/core/i18n";
import { checkError, col, err, ok, row, type Err } from "../support/specHelpers";

const D = 46082; // 2026-03-01
const H = 1 / 24;
const MIN = 1 / 1440;
/** A serial stored with 15 significant digits, as Excel keeps it. */
const excel = (serial: number): number => Number(serial.toPrecision(15));

const HEADER = ["Step", "Users", "Conversion from previous", "Conversion from first", "Drop-off"];
const MEDIAN = "Median days from previous";

/** An event row: id, event, and optionally a time (when any row has one, the times column is passed). */
type Ev = readonly [id: unknown, event: unknown, time?: unknown];

/** Runs the event form on "a>b>c" steps and rows; returns the Users column. */
function eventFunnel(steps: string, rows: readonly Ev[], order: unknown = null, windowDays: unknown = null): Grid | OpsError {
  const withTimes = rows.some((r) => r.length > 2);
  return funnel(
    col(...steps.split(">")),
    col(...rows.map((r) => r[0])),
    col(...rows.map((r) => r[1])),
    withTimes ? col(...rows.map((r) => r[2] ?? "")) : null,
    windowDays,
    order,
  );
}

const usersOf = (grid: Grid): CellOut[] => grid.slice(1).map((r) => r[1]!);
const mediansOf = (grid: Grid): CellOut[] => grid.slice(1).map((r) => r[5]!);

// ---------------------------------------------------------------------------

describe("FUNNEL counts form (events omitted)", () => {
  it("spills Step | Users | Conversion from previous | Conversion from first | Drop-off", () => {
    const out = ok(funnel(col("browse", "register", "try", "pay"), col(1000, 400, 100, 25)));
    expect(out).toEqual([
      HEADER,
      ["browse", 1000, 1, 1, 0],
      ["register", 400, 0.4, 0.4, 600],
      ["try", 100, 0.25, 0.1, 300],
      ["pay", 25, 0.25, 0.025, 75],
    ]);
  });

  it.each<[string, unknown, unknown, unknown, (CellOut[][]) | Err]>([
    // rule                                              steps                 values              events     expected rows (without header) or error
    ["nobody at step 1: \"\", \"\", 0",                  col("a", "b"),        col(0, 0),          null,      [["a", 0, "", "", 0], ["b", 0, "", "", 0]]],
    ["a rate whose denominator is 0 is \"\"",             col("a", "b", "c"),   col(10, 0, 0),      null,      [["a", 10, 1, 1, 0], ["b", 0, 0, 0, 10], ["c", 0, "", 0, 0]]],
    ["one step",                                         col("a"),             col(7),             null,      [["a", 7, 1, 1, 0]]],
    ["steps and counts as rows",                         row("a", "b"),        row(10, 5),         null,      [["a", 10, 1, 1, 0], ["b", 5, 0.5, 0.5, 5]]],
    ["counts need not decrease (conversion > 1)",        col("a", "b"),        col(10, 20),        null,      [["a", 10, 1, 1, 0], ["b", 20, 2, 2, -10]]],
    ["fractional counts are numbers too",                col("a", "b"),        col(2.5, 1),        null,      [["a", 2.5, 1, 1, 0], ["b", 1, 0.4, 0.4, 1.5]]],
    ["events as one blank cell = omitted",               col("a", "b"),        col(10, 5),         [[""]],    [["a", 10, 1, 1, 0], ["b", 5, 0.5, 0.5, 5]]],
    ["step names are trimmed; numbers shown as text",    col(" a ", 2026),     col(10, 5),         null,      [["a", 10, 1, 1, 0], ["2026", 5, 0.5, 0.5, 5]]],
    ["duplicate step names are allowed",                 col("a", "b", "a"),   col(10, 5, 2),      null,      [["a", 10, 1, 1, 0], ["b", 5, 0.5, 0.5, 5], ["a", 2, 0.4, 0.2, 3]]],
    ["negative count → #VALUE!",                         col("a", "b"),        col(10, -1),        null,      err("#VALUE!", "values", "row 2", "-1")],
    ["text count → #VALUE!",                             col("a", "b"),        col(10, "five"),    null,      err("#VALUE!", "values", "row 2", "five")],
    ["blank count → #VALUE!",                            col("a", "b"),        col("", 5),         null,      err("#VALUE!", "values", "row 1")],
    ["boolean count → #VALUE!",                          col("a", "b"),        col(10, true),      null,      err("#VALUE!", "values", "row 2")],
    ["fewer counts than steps → #VALUE!",                col("a", "b", "c"),   col(10, 5),         null,      err("#VALUE!", "3", "2")],
    ["more counts than steps → #VALUE!",                 col("a"),             col(10, 5),         null,      err("#VALUE!", "1", "2")],
    ["values omitted → #VALUE!",                         col("a"),             null,               null,      err("#VALUE!", "1", "0")],
    ["no steps → #VALUE!",                               null,                 col(10),            null,      err("#VALUE!", "steps")],
    ["empty steps → #VALUE!",                            [[]],                 col(10),            null,      err("#VALUE!", "steps")],
    ["a blank step name → #VALUE! naming the cell",      col("a", "  ", "c"),  col(10, 5, 1),      null,      err("#VALUE!", "steps", "2")],
    ["step 0 is blank (Excel's empty cell) → #VALUE!",   col("a", 0),          col(10, 5),         null,      err("#VALUE!", "steps", "2")],
    ["steps as a block → #VALUE!",                       [["a", "b"], ["c", "d"]], col(1, 2, 3, 4), null,      err("#VALUE!", "steps", "2 rows")],
    ["counts as a block → #VALUE!",                      col("a", "b"),        [[1, 2], [3, 4]],   null,      err("#VALUE!", "values")],
  ])("%s", (_rule, steps, values, events, expected) => {
    const out = funnel(steps, values, events);
    if (Array.isArray(expected)) expect(ok(out)).toEqual([HEADER, ...expected]);
    else checkError(out, expected);
  });

  it("times without events → #VALUE!", () => {
    checkError(funnel(col("a"), col(10), null, col(D)), err("#VALUE!", "times", "events"));
  });

  it("window_days and order are still validated", () => {
    checkError(funnel(col("a"), col(10), null, null, 0), err("#NUM!", "window_days"));
    checkError(funnel(col("a"), col(10), null, null, null, "sideways"), err("#VALUE!", "order"));
  });
});

// ---------------------------------------------------------------------------

describe("FUNNEL event form: rows, blanks, ids and names", () => {
  it.each<[string, string, Ev[], number[]]>([
    // rule                                              steps      rows (id, event[, time])                                          users per step
    ["without times, row order is time order",          "a>b",     [["u", "a"], ["u", "b"]],                                         [1, 1]],
    ["without times, b before a does not convert",      "a>b",     [["u", "b"], ["u", "a"]],                                         [1, 0]],
    ["without times there is no window",                "a>b",     [["u", "a"], ["v", "x"], ["u", "b"]],                             [1, 1]],
    ["users are counted separately",                    "a>b",     [["u", "a"], ["v", "a"], ["u", "b"]],                             [2, 1]],
    ["each user counts once, at the furthest step",     "a>b>c",   [["u", "a"], ["u", "a"], ["u", "b"], ["u", "a"], ["u", "b"], ["u", "c"]], [1, 1, 1]],
    ["ids 7 and \"7\" and \" 7 \" are one user",        "a>b>c",   [[7, "a"], ["7", "b"], [" 7 ", "c"]],                             [1, 1, 1]],
    ["ids are case-sensitive",                          "a>b",     [["U", "a"], ["u", "b"]],                                         [1, 0]],
    ["event names are trimmed",                         "a>b",     [["u", " a "], ["u", "b  "]],                                     [1, 1]],
    ["event names are case-sensitive",                  "a>b",     [["u", "a"], ["u", "B"]],                                         [1, 0]],
    ["numeric event names match by their text",         "1>2",     [["u", 1], ["u", "2"]],                                           [1, 1]],
    ["boolean cells compare as TRUE/FALSE text",        "TRUE>b",  [["u", true], ["u", "b"]],                                        [1, 1]],
    ["blank id rows are skipped (null, \"\", spaces, 0)", "a>b",   [["u", "a"], [null, "b"], ["", "b"], ["  ", "b"], [0, "b"]],      [1, 0]],
    ["blank event rows are skipped (null, \"\", 0)",    "a>b",     [["u", null], ["u", ""], ["u", 0], ["u", "a"]],                   [1, 0]],
    ["blank time rows are skipped (null, \"\", 0)",     "a>b",     [["u", "a", D], ["u", "b", null], ["u", "b", ""], ["u", "b", 0], ["u", "b", " "]], [1, 0]],
    ["events not in steps are ignored (ordered)",       "a>b",     [["u", "a", D], ["u", "x", D + 1], ["u", "b", D + 2]],            [1, 1]],
    ["no usable rows: zeros, not an error",             "a>b",     [["", "a"], ["u", ""]],                                           [0, 0]],
    ["only other events: zeros",                        "a>b",     [["u", "x"]],                                                     [0, 0]],
    ["a user who never does step 1 is not counted",     "a>b",     [["u", "b"], ["v", "a"]],                                         [1, 0]],
  ])("%s", (_rule, steps, rows, users) => {
    expect(usersOf(ok(eventFunnel(steps, rows)))).toEqual(users);
  });

  it("the table adds Median days from previous only with times", () => {
    expect(ok(eventFunnel("a>b", [["u", "a"], ["u", "b"]]))[0]).toEqual(HEADER);
    expect(ok(eventFunnel("a>b", [["u", "a", D], ["u", "b", D + 1]]))[0]).toEqual([...HEADER, MEDIAN]);
    // times given as one blank cell = omitted
    expect(ok(funnel(col("a", "b"), col("u", "u"), col("a", "b"), [[""]]))[0]).toEqual(HEADER);
  });

  it("full table of an event funnel", () => {
    const rows: Ev[] = [
      ["u1", "browse", D], ["u1", "register", D + 1], ["u1", "pay", D + 3],
      ["u2", "browse", D], ["u2", "register", D + 2],
      ["u3", "browse", D],
      ["u4", "browse", D],
    ];
    expect(ok(eventFunnel("browse>register>pay", rows))).toEqual([
      [...HEADER, MEDIAN],
      ["browse", 4, 1, 1, 0, ""],
      ["register", 2, 0.5, 0.5, 2, 1.5],
      ["pay", 1, 0.5, 0.25, 1, 2],
    ]);
  });

  it("rows far out of time order over a very wide span with many step names (the unpacked sort)", () => {
    // 70 step names and times from 1900 to 9999 are too wide to pack (time, name) into one double,
    // and 20 rows in reverse time order are too many moves for the insertion sort.
    const names = Array.from({ length: 70 }, (_, i) => `s${i + 1}`);
    const rows: Ev[] = [];
    for (let i = 20; i >= 1; i--) rows.push(["u", `s${i}`, 1 + (i - 1) * 150000]);
    rows.push(["v", "s1", 2958465], ["v", "s2", 1]);
    const out = ok(funnel(col(...names), col(...rows.map((r) => r[0])), col(...rows.map((r) => r[1])), col(...rows.map((r) => r[2])), 1e7));
    expect(usersOf(out)).toEqual([2, ...new Array(19).fill(1), ...new Array(50).fill(0)]);
    expect(mediansOf(out)).toEqual(["", ...new Array(19).fill(150000), ...new Array(50).fill("")]);
  });

  it("rows far out of time order (the packed native sort)", () => {
    // 30 steps done one a minute, listed in reverse: too many moves for the insertion sort.
    const names = Array.from({ length: 30 }, (_, i) => `s${i + 1}`);
    const rows: Ev[] = [];
    for (let i = 30; i >= 1; i--) rows.push(["u", `s${i}`, D + i * MIN]);
    const out = ok(funnel(col(...names), col(...rows.map((r) => r[0])), col(...rows.map((r) => r[1])), col(...rows.map((r) => r[2]))));
    expect(usersOf(out)).toEqual(new Array(30).fill(1));
    mediansOf(out).slice(1).forEach((m) => expect(m as number).toBeCloseTo(MIN, 12));
  });

  it("column arguments may be rows", () => {
    const out = ok(funnel(row("a", "b"), row("u", "u", "v"), row("a", "b", "a"), row(D, D + 1, D)));
    expect(usersOf(out)).toEqual([2, 1]);
  });

  it("headers come from the catalogue (zh-CN)", () => {
    setLocale("zh-CN");
    try {
      expect(ok(eventFunnel("a>b", [["u", "a", D], ["u", "b", D]]))[0]).toEqual([
        "步骤", "用户数", "上一步转化率", "首步转化率", "流失数", "距上一步天数中位数",
      ]);
    } finally {
      setLocale("en");
    }
  });
});

describe("FUNNEL event form: times", () => {
  it.each<[string, Ev[], number[]]>([
    // rule                                                  rows                                                                       users (a>b)
    ["ISO text dates",                                       [["u", "a", "2026-03-01"], ["u", "b", "2026-03-02"]],                      [1, 1]],
    ["ISO text with time, both separators",                  [["u", "a", "2026-03-01 14:30"], ["u", "b", "2026-03-01T14:31:05"]],     [1, 1]],
    ["ISO text and serials mix",                             [["u", "a", "2026-03-01 12:00"], ["u", "b", D + 13 * H]],                [1, 1]],
    ["b before a in time does not convert",                  [["u", "b", D], ["u", "a", D + MIN]],                                     [1, 0]],
    ["rows are put in time order whatever their order",      [["u", "b", D + MIN], ["u", "a", D]],                                     [1, 1]],
    ["a row with a blank id and a bad time is skipped",      [["u", "a", D], ["", "b", "soon"], ["u", "b", D + 1]],                    [1, 1]],
  ])("%s", (_rule, rows, users) => {
    expect(usersOf(ok(eventFunnel("a>b", rows)))).toEqual(users);
  });

  it.each<[string, Ev[], Err]>([
    ["text time → #VALUE! naming the row",                   [["u", "a", D], ["u", "b", "tomorrow"]],                                  err("#VALUE!", "times", "row 2", "tomorrow")],
    ["impossible date → #VALUE!",                            [["u", "a", "2026-02-30"]],                                               err("#VALUE!", "row 1", "2026-02-30")],
    ["serial below 1 → #VALUE!",                             [["u", "a", D], ["u", "b", D], ["u", "b", 0.5]],                          err("#VALUE!", "row 3")],
    ["negative serial → #VALUE!",                            [["u", "a", -3]],                                                         err("#VALUE!", "row 1")],
    ["serial after 9999-12-31 → #VALUE!",                    [["u", "a", 2958466]],                                                    err("#VALUE!", "row 1")],
    ["boolean time → #VALUE!",                               [["u", "a", true]],                                                       err("#VALUE!", "row 1")],
    ["a bad time on an event not in steps is still an error", [["u", "a", D], ["u", "x", "later"]],                                   err("#VALUE!", "row 2")],
  ])("%s", (_rule, rows, expected) => {
    checkError(eventFunnel("a>b", rows), expected);
  });

  it.each<[string, unknown, unknown, unknown, Err]>([
    // rule                                  ids                  events                times                   error
    ["ids and events of different rows",     col("u", "u"),       col("a"),             null,                   err("#VALUE!", "values", "events", "2", "1")],
    ["ids and times of different rows",      col("u", "u"),       col("a", "b"),        col(D, D, D),           err("#VALUE!", "values", "times", "2", "3")],
    ["ids as a block",                       [["u", "v"], ["u", "v"]], col("a", "b"),   null,                   err("#VALUE!", "values", "2 rows")],
    ["events as a block",                    col("u", "u"),       [["a", "b"], ["a", "b"]], null,               err("#VALUE!", "events")],
    ["times as a block",                     col("u", "u"),       col("a", "b"),        [[D, D], [D, D]],       err("#VALUE!", "times")],
  ])("%s → #VALUE!", (_rule, ids, events, times, expected) => {
    checkError(funnel(col("a", "b"), ids, events, times), expected);
  });
});

// ---------------------------------------------------------------------------

describe("FUNNEL window_days", () => {
  const at = (days: number): number => D + days;
  it.each<[string, Ev[], unknown, number[]]>([
    // rule                                                         rows                                                          window    users (a>b>c)
    ["default 14: at exactly 14 days counts",                       [["u", "a", at(0)], ["u", "b", at(1)], ["u", "c", at(14)]],  null,     [1, 1, 1]],
    ["default 14: 14 days and a minute does not",                   [["u", "a", at(0)], ["u", "b", at(1)], ["u", "c", at(14) + MIN]], null, [1, 1, 0]],
    ["the window runs from step 1, not from the previous step",     [["u", "a", at(0)], ["u", "b", at(10)], ["u", "c", at(15)]], null,     [1, 1, 0]],
    ["a later step-1 event starts a new attempt",                   [["u", "a", at(0)], ["u", "a", at(10)], ["u", "b", at(20)]], null,     [1, 1, 0]],
    ["custom window 30",                                            [["u", "a", at(0)], ["u", "b", at(20)], ["u", "c", at(30)]], 30,       [1, 1, 1]],
    ["custom window 1 day",                                         [["u", "a", at(0)], ["u", "b", at(1)], ["u", "c", at(1) + MIN]], 1,    [1, 1, 0]],
    ["fractional window (2 hours)",                                 [["u", "a", at(0)], ["u", "b", at(2 * H)]],                   2 * H,    [1, 1, 0]],
    ["window as a 1×1 range",                                       [["u", "a", at(0)], ["u", "b", at(20)]],                      [[30]],   [1, 1, 0]],
    ["blank window is the default",                                 [["u", "a", at(0)], ["u", "b", at(14)]],                      "",       [1, 1, 0]],
    ["15-digit serials: 14:00 → 14:05 is exactly 5 minutes",        [["u", "a", excel(D + 14 * H)], ["u", "b", excel(D + 14 * H + 5 * MIN)]], 5 * MIN, [1, 1, 0]],
    ["15-digit serials: 14:00 → 14:06 is beyond 5 minutes",         [["u", "a", excel(D + 14 * H)], ["u", "b", excel(D + 14 * H + 6 * MIN)]], 5 * MIN, [1, 0, 0]],
    ["times equal to the millisecond are the same time",            [["u", "b", D + 0.5 + 1e-10], ["u", "a", D + 0.5]],          1e-9,     [1, 1, 0]],
  ])("%s", (_rule, rows, windowDays, users) => {
    expect(usersOf(ok(eventFunnel("a>b>c", rows, null, windowDays)))).toEqual(users);
  });

  it("the window is checked against the naive float difference trap", () => {
    const t1400 = excel(D + 14 * H);
    const t1405 = excel(D + 14 * H + 5 * MIN);
    expect(t1405 - t1400).not.toBe(5 * MIN); // why the times are rounded to ms first
  });

  it.each<[string, unknown, Err]>([
    ["zero → #NUM!",          0,        err("#NUM!", "window_days", "0")],
    ["negative → #NUM!",      -1,       err("#NUM!", "window_days", "-1")],
    ["text → #VALUE!",        "a week", err("#VALUE!", "window_days", "a week")],
    ["boolean → #VALUE!",     true,     err("#VALUE!", "window_days")],
  ])("%s", (_rule, windowDays, expected) => {
    checkError(eventFunnel("a>b", [["u", "a", D]], null, windowDays), expected);
    checkError(eventFunnel("a>b", [["u", "a"]], null, windowDays), expected); // validated without times too
  });
});

// ---------------------------------------------------------------------------

describe("FUNNEL order", () => {
  const h = (hours: number): number => D + hours * H;
  it.each<[string, string, Ev[], unknown, number[]]>([
    // rule                                                            steps                  rows                                                                          order        users
    // --- the contract's named examples ---
    ["register 3/1, browse 3/1, pay 3/2 reach pay (ordered)",          "browse>register>pay", [["u", "register", D], ["u", "browse", D], ["u", "pay", D + 1]],             null,        [1, 1, 1]],
    ["register 3/1, browse 3/1, pay 3/2 reach pay (strict)",           "browse>register>pay", [["u", "register", D], ["u", "browse", D], ["u", "pay", D + 1]],             "strict",    [1, 1, 1]],
    ["register 3/1, browse 3/1, pay 3/2 reach pay (any)",              "browse>register>pay", [["u", "register", D], ["u", "browse", D], ["u", "pay", D + 1]],             "any",       [1, 1, 1]],
    ["strict: a,b @0h; b @1h; c @2h reach c (first b goes before a)",  "a>b>c",  [["u", "a", h(0)], ["u", "b", h(0)], ["u", "b", h(1)], ["u", "c", h(2)]],              "strict",    [1, 1, 1]],
    ["strict: a @0h; b,x @1h; c @2h stops at b",                       "a>b>c",  [["u", "a", h(0)], ["u", "b", h(1)], ["u", "x", h(1)], ["u", "c", h(2)]],              "strict",    [1, 1, 0]],
    ["ordered: a @0h; b,x @1h; c @2h reaches c",                       "a>b>c",  [["u", "a", h(0)], ["u", "b", h(1)], ["u", "x", h(1)], ["u", "c", h(2)]],              "ordered",   [1, 1, 1]],
    ["three steps at one time, reverse rows, reach 3 (ordered)",       "a>b>c",  [["u", "c", D], ["u", "b", D], ["u", "a", D]],                                             null,        [1, 1, 1]],
    ["three steps at one time, reverse rows, reach 3 (strict)",        "a>b>c",  [["u", "c", D], ["u", "b", D], ["u", "a", D]],                                             "strict",    [1, 1, 1]],
    ["three steps at one time, reverse rows, reach 3 (any)",           "a>b>c",  [["u", "c", D], ["u", "b", D], ["u", "a", D]],                                             "any",       [1, 1, 1]],
    // --- ordered ---
    ["ordered: other events between steps are fine",                   "a>b",    [["u", "a"], ["u", "x"], ["u", "b"]],                                                     "ordered",   [1, 1]],
    ["ordered: a step event out of order is skipped over",             "a>b>c",  [["u", "a"], ["u", "c"], ["u", "b"], ["u", "c"]],                                       "ordered",   [1, 1, 1]],
    ["ordered: each event fills one step (a>b>a needs two a)",         "a>b>a",  [["u", "a"], ["u", "b"]],                                                             "ordered",   [1, 1, 0]],
    ["ordered: a>b>a with a, b, a",                                    "a>b>a",  [["u", "a"], ["u", "b"], ["u", "a"]],                                                 "ordered",   [1, 1, 1]],
    ["ordered: a>b>a with a, a, b stops at b",                         "a>b>a",  [["u", "a"], ["u", "a"], ["u", "b"]],                                                 "ordered",   [1, 1, 0]],
    ["ordered: a>b>a with a, a, b all at one time",                    "a>b>a",  [["u", "a", D], ["u", "a", D], ["u", "b", D]],                                        "ordered",   [1, 1, 1]],
    ["ordered: a>a needs two a at one time",                           "a>a",    [["u", "a", D], ["u", "b", D]],                                                       "ordered",   [1, 0]],
    ["ordered: same-time groups chain across times",                   "a>b>c>d", [["u", "b", h(0)], ["u", "a", h(0)], ["u", "d", h(1)], ["u", "c", h(1)]],          "ordered",   [1, 1, 1, 1]],
    // --- strict ---
    ["strict: an ignored event between steps breaks the chain",        "a>b",    [["u", "a"], ["u", "x"], ["u", "b"]],                                                     "strict",    [1, 0]],
    ["strict: a step event out of place breaks it too",                "a>b>c",  [["u", "a"], ["u", "b"], ["u", "a"], ["u", "c"]],                                       "strict",    [1, 1, 0]],
    ["strict: a later clean attempt counts",                           "a>b>c",  [["u", "a"], ["u", "x"], ["u", "a"], ["u", "b"], ["u", "c"]],                           "strict",    [1, 1, 1]],
    ["strict: events after the chain do not matter",                   "a>b",    [["u", "a"], ["u", "b"], ["u", "x"]],                                                     "strict",    [1, 1]],
    ["strict: x at the first time goes before the chain",              "a>b",    [["u", "x", h(0)], ["u", "a", h(0)], ["u", "b", h(1)]],                               "strict",    [1, 1]],
    ["strict: x at the last time goes after the chain",                "a>b",    [["u", "a", h(0)], ["u", "b", h(1)], ["u", "x", h(1)]],                               "strict",    [1, 1]],
    ["strict: a middle time must be used entirely",                    "a>b>c",  [["u", "a", h(0)], ["u", "b", h(1)], ["u", "b", h(1)], ["u", "c", h(2)]],             "strict",    [1, 1, 0]],
    ["strict: a middle time used entirely in any arrangement",         "a>b>c>d", [["u", "a", h(0)], ["u", "c", h(1)], ["u", "b", h(1)], ["u", "d", h(2)]],            "strict",    [1, 1, 1, 1]],
    ["strict: a>b>a needs two a",                                      "a>b>a",  [["u", "a"], ["u", "b"], ["u", "a"]],                                                 "strict",    [1, 1, 1]],
    ["strict: the window still applies",                               "a>b",    [["u", "a", D], ["u", "b", D + 15]],                                                   "strict",    [1, 0]],
    // --- any ---
    ["any: steps in reverse order count",                              "a>b>c",  [["u", "c", h(0)], ["u", "b", h(1)], ["u", "a", h(2)]],                               "any",       [1, 1, 1]],
    ["any: steps 1..i all needed (a, c without b → step 1 only)",      "a>b>c",  [["u", "a"], ["u", "c"]],                                                             "any",       [1, 0, 0]],
    ["any: a user without step 1 is not counted at all",               "a>b>c",  [["u", "b"], ["u", "c"]],                                                             "any",       [0, 0, 0]],
    ["any: within one span of the window",                             "a>b>c",  [["u", "b", D], ["u", "a", D + 10], ["u", "c", D + 20]],                                "any",       [1, 1, 0]],
    ["any: span exactly the window counts",                            "a>b",    [["u", "b", D], ["u", "a", D + 14]],                                                  "any",       [1, 1]],
    ["any: a>b>a needs two a",                                         "a>b>a",  [["u", "a"], ["u", "b"]],                                                             "any",       [1, 1, 0]],
    ["any: a>b>a with b, a, a",                                        "a>b>a",  [["u", "b"], ["u", "a"], ["u", "a"]],                                                 "any",       [1, 1, 1]],
    ["any: ignored events do not matter",                              "a>b",    [["u", "b"], ["u", "x"], ["u", "a"]],                                                     "any",       [1, 1]],
    // --- option words ---
    ["order is trimmed and case-insensitive",                          "a>b",    [["u", "a"], ["u", "x"], ["u", "b"]],                                                     " STRICT ",  [1, 0]],
    ["order as a 1×1 range",                                           "a>b",    [["u", "b"], ["u", "a"]],                                                             [["Any"]],   [1, 1]],
    ["blank order is ordered",                                         "a>b",    [["u", "b"], ["u", "a"]],                                                             "  ",        [1, 0]],
  ])("%s", (_rule, steps, rows, order, users) => {
    expect(usersOf(ok(eventFunnel(steps, rows, order)))).toEqual(users);
  });

  it("an unknown order → #VALUE! listing the words", () => {
    checkError(eventFunnel("a>b", [["u", "a"]], "sequential"), err("#VALUE!", "order", "ordered, strict, any", "sequential"));
    checkError(eventFunnel("a>b", [["u", "a"]], 3), err("#VALUE!", "order"));
  });
});

// ---------------------------------------------------------------------------

describe("FUNNEL median days from previous", () => {
  const h = (hours: number): number => D + hours * H;
  it.each<[string, string, Ev[], unknown, CellOut[]]>([
    // rule                                                      steps     rows                                                                               order      medians
    ["over users reaching the step (odd count)",                 "a>b",    [["u", "a", D], ["u", "b", D + 1], ["v", "a", D], ["v", "b", D + 3], ["w", "a", D], ["w", "b", D + 2]], null, ["", 2]],
    ["even count: the mean of the middle two",                   "a>b",    [["u", "a", D], ["u", "b", D + 1], ["v", "a", D], ["v", "b", D + 4]],            null,      ["", 2.5]],
    ["\"\" when nobody converted",                               "a>b>c",  [["u", "a", D], ["u", "b", D + 1]],                                               null,      ["", 1, ""]],
    ["users who stop earlier are left out of later steps",       "a>b>c",  [["u", "a", D], ["u", "b", D + 1], ["u", "c", D + 3], ["v", "a", D], ["v", "b", D + 5]], null, ["", 3, 2]],
    ["fractions of a day",                                       "a>b",    [["u", "a", h(0)], ["u", "b", h(6)]],                                              null,      ["", 0.25]],
    ["same-time steps: 0 days",                                  "a>b",    [["u", "b", D], ["u", "a", D]],                                                    null,      ["", 0]],
    ["the earliest attempt reaching the furthest step",          "a>b",    [["u", "a", D], ["u", "a", D + 5], ["u", "b", D + 6]],                             null,      ["", 6]],
    ["…that reaches it within the window",                       "a>b",    [["u", "a", D], ["u", "a", D + 10], ["u", "b", D + 20]],                           null,      ["", 10]],
    ["each step at its earliest time in that attempt",           "a>b>c",  [["u", "a", D], ["u", "b", D + 1], ["u", "b", D + 2], ["u", "c", D + 3]],           null,      ["", 1, 2]],
    ["strict: the attempt's own events",                         "a>b",    [["u", "a", D], ["u", "x", D + 1], ["u", "a", D + 2], ["u", "b", D + 5]],          "strict",  ["", 3]],
    ["strict: more steps at the first time when it can",         "a>b>c",  [["u", "a", D], ["u", "b", D], ["u", "c", D + 1]],                                 "strict",  ["", 0, 1]],
    ["any: a step's time is when steps 1..i are done (never negative)", "a>b", [["u", "b", D], ["u", "a", D + 2]],                                              "any",     ["", 0]],
    ["any: c, a, b → 2 then 0",                                  "a>b>c",  [["u", "c", D], ["u", "a", D + 1], ["u", "b", D + 3]],                             "any",     ["", 2, 0]],
  ])("%s", (_rule, steps, rows, order, medians) => {
    const got = mediansOf(ok(eventFunnel(steps, rows, order)));
    expect(got).toHaveLength(medians.length);
    got.forEach((m, i) => {
      const want = medians[i]!;
      if (typeof want === "number") expect(m as number).toBeCloseTo(want, 10);
      else expect(m).toBe(want);
    });
  });

  it("the first attempt misses the window: the earliest one that reaches F is used", () => {
    // b @0; a,b @3min; b,c @4min; window 1 minute: b@0 cannot reach c, b@3 reaches c@4 (then no a).
    const rows: Ev[] = [["u", "b", h(3 / 60)], ["u", "a", h(3 / 60)], ["u", "b", h(0)], ["u", "c", h(4 / 60)], ["u", "b", h(4 / 60)]];
    const out = ok(eventFunnel("b>c>a", rows, null, MIN));
    expect(usersOf(out)).toEqual([1, 1, 0]);
    expect(mediansOf(out)[0]).toBe("");
    expect(mediansOf(out)[1] as number).toBeCloseTo(MIN, 12);
    expect(mediansOf(out)[2]).toBe("");
  });

  it("matches a sort-based median on many users (odd and even)", () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const users of [1, 2, 3, 101, 1000, 1001]) {
      const rows: Ev[] = [];
      const gaps: number[] = [];
      for (let u = 0; u < users; u++) {
        const gapMinutes = Math.floor(random() * 5000) * (random() < 0.2 ? 0 : 1); // ties and zeros too
        gaps.push(gapMinutes / 1440);
        rows.push([`u${u}`, "a", D], [`u${u}`, "b", D + gapMinutes * MIN]);
      }
      gaps.sort((a, b) => a - b);
      const mid = Math.floor(users / 2);
      const want = users % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
      const got = mediansOf(ok(eventFunnel("a>b", rows)))[1] as number;
      expect(got).toBeCloseTo(want, 9);
    }
  });
});
