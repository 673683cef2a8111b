/**
 * OPS.FUNNEL's 7th argument `segments` (docs/functions/funnel.md,
 * "segments"): one row per rule, each error included.
 */
import { funnel } from "../../src/core/metrics/funnel";
import { CellOut, Grid, OpsError } from "../../src/core/errors";
import { setLocale } from "../../src/core/i18n";
import { Err, checkError, col, err, ok, row } from "../support/specHelpers";

const D = 46082; // 2026-03-01
const MIN = 1 / 1440;

const HEADER = ["Segment", "Step", "Users", "Conversion from previous", "Conversion from first", "Drop-off"];
const MEDIAN = "Median days from previous";

/** An event row: id, event, segment, and optionally a time (when any row has one, the times column is passed). */
type Ev = readonly [id: unknown, event: unknown, segment: unknown, time?: unknown];

function segmented(steps: string, rows: readonly Ev[], order: unknown = null, windowDays: unknown = null): Grid | OpsError {
  const withTimes = rows.some((r) => r.length > 3);
  return funnel(
    col(...steps.split(">")),
    col(...rows.map((r) => r[0])),
    col(...rows.map((r) => r[1])),
    withTimes ? col(...rows.map((r) => r[3] ?? "")) : null,
    windowDays,
    order,
    col(...rows.map((r) => r[2])),
  );
}

/** Segment → Users column of its block (All included), in output order. */
function blocks(grid: Grid): [CellOut, CellOut[]][] {
  const out: [CellOut, CellOut[]][] = [];
  for (const r of grid.slice(1)) {
    const last = out[out.length - 1];
    if (last && last[0] === r[0]) last[1].push(r[2]!);
    else out.push([r[0]!, [r[2]!]]);
  }
  return out;
}

describe("FUNNEL segments: the table", () => {
  it("Segment | Step | …: one block of k rows per segment, then All", () => {
    const rows: Ev[] = [["u", "a", "ads"], ["v", "a", "seo"], ["u", "b", "ads"], ["w", "a", "ads"]];
    expect(ok(segmented("a>b", rows))).toEqual([
      HEADER,
      ["ads", "a", 2, 1, 1, 0],
      ["ads", "b", 1, 0.5, 0.5, 1],
      ["seo", "a", 1, 1, 1, 0],
      ["seo", "b", 0, 0, 0, 1],
      ["All", "a", 3, 1, 1, 0],
      ["All", "b", 1, 1 / 3, 1 / 3, 2],
    ]);
  });

  it("with times: the median column, computed within each segment", () => {
    const rows: Ev[] = [
      ["u", "a", "ads", D], ["u", "b", "ads", D + 1],
      ["v", "a", "ads", D], ["v", "b", "ads", D + 3],
      ["w", "a", "seo", D], ["w", "b", "seo", D + 5],
    ];
    const out = ok(segmented("a>b", rows));
    expect(out[0]).toEqual([...HEADER, MEDIAN]);
    expect(out.slice(1).map((r) => [r[0], r[2], r[6]])).toEqual([
      ["ads", 2, ""], ["ads", 2, 2],
      ["seo", 1, ""], ["seo", 1, 5],
      ["All", 3, ""], ["All", 3, 3],
    ]);
  });

  it("the All block equals the result without segments (every order)", () => {
    const rows: Ev[] = [
      ["u", "a", "x", D], ["u", "c", "y", D + MIN], ["u", "b", "x", D + 2 * MIN], ["v", "b", "z", D], ["v", "a", "y", D + MIN],
      ["w", "a", "", D], ["w", "b", "z", D], ["w", "c", "y", D + 3 * MIN],
    ];
    for (const order of ["ordered", "strict", "any"]) {
      const withSegments = ok(segmented("a>b>c", rows, order, 1));
      const without = ok(funnel(col("a", "b", "c"), col(...rows.map((r) => r[0])), col(...rows.map((r) => r[1])), col(...rows.map((r) => r[3])), 1, order));
      expect(withSegments.slice(-3).map((r) => r.slice(1))).toEqual(without.slice(1));
      expect(withSegments.slice(-3).map((r) => r[0])).toEqual(["All", "All", "All"]);
    }
  });

  it("headers and labels come from the catalogue (zh-CN)", () => {
    setLocale("zh-CN");
    try {
      const out = ok(segmented("a", [["u", "a", ""], ["v", "a", ""]]));
      expect(out[0]![0]).toBe("分组");
      expect(out.slice(1).map((r) => r[0])).toEqual(["（空白）", "全部"]);
    } finally {
      setLocale("en");
    }
  });
});

describe("FUNNEL segments: attribution (first touch)", () => {
  it.each<[string, string, Ev[], [CellOut, CellOut[]][]]>([
    // rule                                                       steps    rows (id, event, segment[, time])                                   blocks (segment, users per step)
    ["the segment on the earliest step-1 row, by time",           "a>b",   [["u", "a", "late", D + 1], ["u", "a", "early", D], ["u", "b", "late", D + 2]], [["early", [1, 1]], ["All", [1, 1]]]],
    ["same millisecond: the first such row in the range",         "a>b",   [["u", "a", "first", D], ["u", "a", "second", D], ["u", "b", "x", D]],           [["first", [1, 1]], ["All", [1, 1]]]],
    ["without times: the first step-1 row in the range",          "a>b",   [["u", "b", "z"], ["u", "a", "first"], ["u", "a", "second"], ["u", "b", "z"]],   [["first", [1, 1]], ["All", [1, 1]]]],
    ["later steps' segments do not matter",                       "a>b",   [["u", "a", "ads"], ["u", "b", "seo"]],                                       [["ads", [1, 1]], ["All", [1, 1]]]],
    ["each user counted once, at the furthest step",             "a>b",   [["u", "a", "ads"], ["u", "a", "ads"], ["u", "b", "ads"], ["u", "b", "ads"]], [["ads", [1, 1]], ["All", [1, 1]]]],
    ["a blank segment is (blank): null, \"\", spaces",            "a",     [["u", "a", null], ["v", "a", ""], ["w", "a", "  "]],                         [["(blank)", [3]], ["All", [3]]]],
    ["segments are trimmed text",                                 "a",     [["u", "a", " ads "], ["v", "a", "ads"]],                                     [["ads", [2]], ["All", [2]]]],
    ["segments are case-sensitive",                               "a",     [["u", "a", "Ads"], ["v", "a", "ads"]],                                       [["Ads", [1]], ["ads", [1]], ["All", [2]]]],
    ["numbers compare by their text: 7 and \"7\" are one",        "a",     [["u", "a", 7], ["v", "a", "7"], ["w", "a", true]],                           [["7", [2]], ["TRUE", [1]], ["All", [3]]]],
    ["a segment 0 is the value 0, not blank",                     "a",     [["u", "a", 0], ["v", "a", ""]],                                              [["0", [1]], ["(blank)", [1]], ["All", [2]]]],
    ["no step-1 row: in no segment (and All reaches nothing)",    "a>b",   [["u", "b", "ads"], ["v", "a", "seo"]],                                       [["seo", [1, 0]], ["All", [1, 0]]]],
    ["only segments with at least one user",                      "a",     [["u", "x", "never"], ["v", "a", "seo"]],                                     [["seo", [1]], ["All", [1]]]],
    ["order: each segment's first attribution row in the range",  "a",     [["u", "x", "z"], ["v", "a", "seo", ], ["u", "a", "ads"], ["w", "a", "seo"]], [["seo", [2]], ["ads", [1]], ["All", [3]]]],
    ["order by attribution row, not by first appearance",        "a",     [["u", "a", "ads", D + 1], ["u", "a", "seo", D], ["v", "a", "ads", D + 2]],    [["seo", [1]], ["ads", [1]], ["All", [2]]]],
    ["rows skipped for a blank time do not attribute",           "a",     [["u", "a", "skip", ""], ["u", "a", "kept", D]],                              [["kept", [1]], ["All", [1]]]],
    ["rows skipped for a blank id do not attribute",             "a",     [["", "a", "skip"], ["u", "a", "kept"]],                                      [["kept", [1]], ["All", [1]]]],
    ["no usable row: only the All block, zeros",                 "a>b",   [["u", "x", "ads"]],                                                          [["All", [0, 0]]]],
  ])("%s", (_rule, steps, rows, expected) => {
    expect(blocks(ok(segmented(steps, rows)))).toEqual(expected);
  });

  it("each block follows the per-step rules: step 1 shows 1, 1, 0; a rate over 0 is \"\"", () => {
    const out = ok(segmented("a>b>c", [["u", "a", "ads"], ["v", "a", "seo"], ["v", "b", "seo"]]));
    expect(out.slice(1, 4)).toEqual([
      ["ads", "a", 1, 1, 1, 0],
      ["ads", "b", 0, 0, 0, 1],
      ["ads", "c", 0, "", 0, 0],
    ]);
  });

  it.each(["strict", "any"])("order %s counts within the segment too", (order) => {
    const rows: Ev[] = [["u", "b", "ads", D], ["u", "a", "ads", D + MIN], ["v", "a", "seo", D], ["v", "x", "seo", D + MIN], ["v", "b", "seo", D + 2 * MIN]];
    const expected = order === "any" ? [["ads", [1, 1]], ["seo", [1, 1]], ["All", [2, 2]]] : [["ads", [1, 0]], ["seo", [1, 0]], ["All", [2, 0]]];
    expect(blocks(ok(segmented("a>b", rows, order)))).toEqual(expected);
  });
});

describe("FUNNEL segments: arguments", () => {
  it.each<[string, () => Grid | OpsError, Err]>([
    ["segments with the counts form → #VALUE!", () => funnel(col("a", "b"), col(10, 5), null, null, null, null, col("x", "y")), err("#VALUE!", "segments", "events")],
    ["fewer segment rows than values → #VALUE!", () => funnel(col("a"), col("u", "v"), col("a", "a"), null, null, null, col("x")), err("#VALUE!", "segments", "2", "1")],
    ["more segment rows than values → #VALUE!", () => funnel(col("a"), col("u", "v"), col("a", "a"), null, null, null, col("x", "y", "z")), err("#VALUE!", "segments", "3")],
    ["segments as a block → #VALUE!", () => funnel(col("a"), col("u", "v"), col("a", "a"), null, null, null, [["x", "y"], ["z", "w"]]), err("#VALUE!", "segments")],
  ])("%s", (_rule, call, expected) => {
    checkError(call(), expected);
  });

  it("segments as one blank cell count as omitted (both forms)", () => {
    expect(ok(funnel(col("a", "b"), col(10, 5), null, null, null, null, [[""]]))[0]![0]).toBe("Step");
    expect(ok(funnel(col("a"), col("u", "v"), col("a", "a"), null, null, null, [[null]]))[0]![0]).toBe("Step");
    expect(ok(funnel(col("a"), col("u", "v"), col("a", "a"), null, null, null, null))[0]![0]).toBe("Step");
  });

  it("segments may be a row, like the other columns", () => {
    expect(blocks(ok(funnel(row("a"), row("u", "v"), row("a", "a"), null, null, null, row("x", "y"))))).toEqual([
      ["x", [1]], ["y", [1]], ["All", [2]],
    ]);
  });

  it("a time error still names its row with segments", () => {
    checkError(segmented("a", [["u", "a", "x", D], ["u", "a", "x", "soon"]]), err("#VALUE!", "times", "row 2", "soon"));
  });
});
