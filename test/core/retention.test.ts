/**
 * OPS.RETENTION spec: one table row per case, covering every rule of the
 * contract (docs/functions/retention.md and docs/functions/args.md).
 *
 * Calendar used below (Excel serials): 2026-03-01 is serial 46082, a Sunday;
 * 2026-03-02 (46083) is a Monday. `D(n)` is 2026-03-01 + n days.
 */
import { retention, bucketOf, bucketStart, readPeriods, tuning, MAX_PERIOD } from "../../src/core/metrics/retention";
import { Grid, OpsError } from "../../src/core/errors";
import { serialFromDate, MS_PER_DAY } from "../../src/core/dates";
import { setLocale } from "../../src/core/i18n";
import { col, error, ok } from "../support/specHelpers";

const MAR1 = 46082;
const D = (n: number): number => MAR1 + n;
const ymd = serialFromDate;

const DAY_HEAD = ["Cohort", "Users", "Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7"];

/** RETENTION's own check on top of the shared expectSafe: shares (rows 2+, columns 3+) lie within 0..1. */
function expectShares(g: Grid): void {
  for (const row of g.slice(1)) {
    for (const cell of row.slice(2)) if (typeof cell === "number") expect(cell >= 0 && cell <= 1).toBe(true);
  }
}

/** A safe grid (ok: not an error, rectangular, finite) whose shares lie within 0..1; returns it. */
function grid(result: Grid | OpsError): Grid {
  const g = ok(result);
  expectShares(g);
  return g;
}

type Args = [unknown, unknown, unknown?, unknown?, unknown?, unknown?];
const run = (args: Args): Grid | OpsError => retention(...args);

// ---------------------------------------------------------------------------

describe("day cohorts, default 7 periods", () => {
  it.each<[string, Args, Grid]>([
    [
      "two cohorts; the later one has nothing elapsed",
      [col("u1", "u2", "u1", "u3"), col(D(0), D(0), D(1), D(8))],
      [
        DAY_HEAD,
        [D(0), 2, 0.5, 0, 0, 0, 0, 0, 0],
        [D(8), 1, "", "", "", "", "", "", ""],
        ["All", 3, 0.5, 0, 0, 0, 0, 0, 0],
      ],
    ],
    [
      "columns later than the latest date are '' (never 0)",
      [col("u1", "u1", "u2"), col(D(0), D(2), D(3))],
      [
        DAY_HEAD,
        [D(0), 1, 0, 1, 0, "", "", "", ""],
        [D(3), 1, "", "", "", "", "", "", ""],
        ["All", 2, 0, 1, 0, "", "", "", ""],
      ],
    ],
    [
      "a single activity row",
      [col("u1"), col(D(0))],
      [DAY_HEAD, [D(0), 1, "", "", "", "", "", "", ""], ["All", 1, "", "", "", "", "", "", ""]],
    ],
    [
      "several rows of one user on one day count once",
      [col("u1", "u1", "u1", "u2", "u1"), col(D(0), D(1), D(1), D(0), D(1) + 0.5)],
      [
        ["Cohort", "Users", "Day 1"],
        [D(0), 2, 0.5],
        ["All", 2, 0.5],
      ],
    ],
  ])("%s", (_name, args, expected) => {
    const periods = expected[0]!.length === 3 ? 1 : args[3];
    expect(grid(run([args[0], args[1], args[2], periods]))).toEqual(expected);
  });
});

describe("the All row weighs only the cohorts where the period has elapsed", () => {
  // Cohort D0: u1 (back on D1), u2. Cohort D1: u3 (back on D2). Latest date D2.
  const ids = col("u1", "u1", "u2", "u3", "u3");
  const dates = col(D(0), D(1), D(0), D(1), D(2));
  it.each<[string, number, Grid[number]]>([
    ["cohort D0: days 1 and 2 elapsed", 0, [D(0), 2, 0.5, 0, ""]],
    ["cohort D1: only day 1 elapsed", 1, [D(1), 1, 1, "", ""]],
    ["All: day 1 (1 + 1) / (2 + 1); day 2 only cohort D0, 0 / 2 (not 0 / 3); day 3 none → ''", 2, ["All", 3, 2 / 3, 0, ""]],
  ])("%s", (_name, rowIndex, row) => {
    const g = grid(retention(ids, dates, null, 3));
    expect(g[rowIndex + 1]).toEqual(row);
  });
});

describe("week cohorts start on Monday", () => {
  it.each<[string, number[], Grid[number]]>([
    // D0 is a Sunday: its week starts on the Monday before (D(-6)); D1 is the next week.
    ["Sunday then Monday are consecutive weeks", [D(0), D(1)], [D(-6), 1, 1, "", "", "", "", "", "", ""]],
    ["Monday and the following Sunday are one week", [D(1), D(7)], [D(1), 1, "", "", "", "", "", "", "", ""]],
    ["Monday, then Monday two weeks later", [D(1), D(15)], [D(1), 1, 0, 1, "", "", "", "", "", ""]],
  ])("%s", (_name, dates, cohortRow) => {
    const g = grid(retention(col(...dates.map(() => "u1")), col(...dates), "week"));
    expect(g[0]).toEqual(["Cohort", "Users", ...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => `Week ${k}`)]);
    expect(g[1]).toEqual(cohortRow);
  });
});

describe("month cohorts are calendar months", () => {
  it.each<[string, number[], Grid[number]]>([
    ["1st and 31st of March are one month", [ymd(2026, 3, 1), ymd(2026, 3, 31), ymd(2026, 4, 1)], [ymd(2026, 3, 1), 1, 1, "", "", "", "", ""]],
    ["a mid-month first date is labelled with the 1st", [ymd(2026, 3, 17), ymd(2026, 5, 2)], [ymd(2026, 3, 1), 1, 0, 1, "", "", "", ""]],
    ["across the year end", [ymd(2025, 12, 15), ymd(2026, 1, 10)], [ymd(2025, 12, 1), 1, 1, "", "", "", "", ""]],
    ["February 1900 holds Excel's fictional 29th (serial 60)", [59, 60, 61], [32, 1, 1, "", "", "", "", ""]],
  ])("%s", (_name, dates, cohortRow) => {
    const g = grid(retention(col(...dates.map(() => "u1")), col(...dates), "month"));
    expect(g[0]).toEqual(["Cohort", "Users", "Month 1", "Month 2", "Month 3", "Month 4", "Month 5", "Month 6"]);
    expect(g[1]).toEqual(cohortRow);
  });
});

describe("periods", () => {
  const ids = col("u1", "u1", "u1", "u1");
  const dates = col(D(0), D(1), D(7), D(30));
  it.each<[string, unknown, unknown, string[], (number | string)[]]>([
    ["omitted → 7 days", "day", null, ["Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7"], [1, 0, 0, 0, 0, 0, 1]],
    ["a number N → 1..N", "day", 3, ["Day 1", "Day 2", "Day 3"], [1, 0, 0]],
    ["one cell → N", "day", [[2]], ["Day 1", "Day 2"], [1, 0]],
    ["one cell 30 → 1..30, not day 30 only", "day", [[30]], Array.from({ length: 30 }, (_, i) => `Day ${i + 1}`), [1, 0, 0, 0, 0, 0, 1, ...new Array<number>(22).fill(0), 1]],
    ["array constant {1,7,30} → those columns", "day", [[1, 7, 30]], ["Day 1", "Day 7", "Day 30"], [1, 1, 1]],
    ["a column of cells", "day", [[1], [7], [30]], ["Day 1", "Day 7", "Day 30"], [1, 1, 1]],
    ["in the order given", "day", [[30, 2, 1]], ["Day 30", "Day 2", "Day 1"], [1, 0, 1]],
    ["repeated numbers repeat the column", "day", [[7, 7]], ["Day 7", "Day 7"], [1, 1]],
    ["blank cells in a list are ignored", "day", [[1, "", 7]], ["Day 1", "Day 7"], [1, 1]],
    ["one blank cell → the default", "day", [[""]], ["Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7"], [1, 0, 0, 0, 0, 0, 1]],
    ["week default is 8", "week", null, ["Week 1", "Week 2", "Week 3", "Week 4", "Week 5", "Week 6", "Week 7", "Week 8"], [1, 0, 0, 0, 1, "", "", ""]],
    ["month default is 6", "month", null, ["Month 1", "Month 2", "Month 3", "Month 4", "Month 5", "Month 6"], ["", "", "", "", "", ""]],
  ])("%s", (_name, period, periods, head, cohortShares) => {
    const g = grid(retention(ids, dates, period, periods));
    expect(g[0]!.slice(2)).toEqual(head);
    expect(g[1]!.slice(2)).toEqual(cohortShares);
  });

  it("N = 16,382 fills Excel's last column", () => {
    const g = grid(retention(ids, dates, null, MAX_PERIOD));
    expect(g[0]).toHaveLength(16_384);
    expect(g[0]![16_383]).toBe("Day 16382");
  });

  it.each<[string, unknown, string]>([
    ["0", 0, "#NUM!"],
    ["0 as one cell", [[0]], "#NUM!"],
    ["negative", -3, "#NUM!"],
    ["not whole", 1.5, "#NUM!"],
    ["above 16,382", 16_383, "#NUM!"],
    ["0 in a list", [[1, 0]], "#NUM!"],
    ["a fraction in a list", [[1, 7.5]], "#NUM!"],
    ["above 16,382 in a list", [[1, 20_000]], "#NUM!"],
    ["text", "seven", "#VALUE!"],
    ["numeric text", "7", "#VALUE!"],
    ["text in a list", [[1, "x"]], "#VALUE!"],
    ["a boolean", true, "#VALUE!"],
    ["a list of blanks only", [["", " "]], "#VALUE!"],
  ])("%s → %s", (_name, periods, code) => {
    const e = error(retention(ids, dates, null, periods));
    expect(e.code).toBe(code);
    expect(e.message).toContain("periods");
  });

  it("readPeriods is exported for the edge cases", () => {
    expect(readPeriods(null, "month")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readPeriods([[3, 1]], "day")).toEqual([3, 1]);
  });
});

describe("mode", () => {
  // u1 active on D0 and D3 only; u2 keeps the data going until D4.
  const ids = col("u1", "u1", "u2", "u2");
  const dates = col(D(0), D(3), D(0), D(4));
  it.each<[string, unknown, (number | string)[]]>([
    ["classic (default): active in exactly day k", null, [0, 0, 0.5, 0.5, "", ""]],
    ["classic by name", "classic", [0, 0, 0.5, 0.5, "", ""]],
    ["unbounded: active on day k or later", "unbounded", [1, 1, 1, 0.5, "", ""]],
  ])("%s", (_name, mode, shares) => {
    const g = grid(retention(ids, dates, "day", 6, mode));
    expect(g[1]!.slice(2)).toEqual(shares);
    expect(g[2]!.slice(2)).toEqual(shares); // one cohort: All equals it
  });
});

describe("option words", () => {
  const ids = col("u1", "u1");
  const dates = col(D(1), D(8));
  it.each<[string, unknown, unknown, string]>([
    ["period trimmed and any case", " WEEK ", null, "Week 1"],
    ["period Month", "Month", null, "Month 1"],
    ["blank period → day", "  ", null, "Day 1"],
    ["mode trimmed and any case", null, " Unbounded ", "Day 1"],
  ])("%s", (_name, period, mode, firstColumn) => {
    expect(grid(retention(ids, dates, period, null, mode))[0]![2]).toBe(firstColumn);
  });

  it.each<[string, unknown, unknown, string[]]>([
    ["unknown period", "fortnight", null, ["day, week, month", "fortnight"]],
    ["unknown mode", null, "strict", ["classic, unbounded", "strict"]],
    ["a number as period", 7, null, ["day, week, month"]],
  ])("%s → #VALUE! listing the allowed words", (_name, period, mode, parts) => {
    const e = error(retention(ids, dates, period, null, mode));
    expect(e.code).toBe("#VALUE!");
    for (const part of parts) expect(e.message).toContain(part);
  });
});

describe("blank rows are skipped", () => {
  const expected = grid(retention(col("u1", "u1"), col(D(0), D(1)), null, 2));
  it.each<[string, unknown[], unknown[]]>([
    ["null id", ["u1", null, "u1"], [D(0), D(0), D(1)]],
    ["empty id", ["u1", "", "u1"], [D(0), D(0), D(1)]],
    ["spaces id", ["u1", "   ", "u1"], [D(0), D(0), D(1)]],
    ["0 id (Excel for Windows empty cell)", ["u1", 0, "u1"], [D(0), D(0), D(1)]],
    ["null date", ["u1", "u2", "u1"], [D(0), null, D(1)]],
    ["empty date", ["u1", "u2", "u1"], [D(0), "", D(1)]],
    ["spaces date", ["u1", "u2", "u1"], [D(0), " ", D(1)]],
    ["0 date", ["u1", "u2", "u1"], [D(0), 0, D(1)]],
    ["whole-column tail of 0s", ["u1", "u1", 0, 0, 0], [D(0), D(1), 0, 0, 0]],
    ["a blank id with a bad date is still skipped", ["u1", "", "u1"], [D(0), "not a date", D(1)]],
  ])("%s", (_name, ids, dates) => {
    expect(grid(retention(col(...ids), col(...dates), null, 2))).toEqual(expected);
  });

  it.each<[string, unknown, unknown]>([
    ["all blank", col("", null, 0), col(D(0), D(1), D(2))],
    ["dates all blank", col("u1", "u2"), col("", 0)],
    ["one blank cell", [[""]], [[""]]],
    ["empty ranges", [[]], [[]]],
  ])("no usable rows (%s) → #N/A No activity rows", (_name, ids, dates) => {
    const e = error(retention(ids, dates));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("No activity rows");
  });
});

describe("ids are trimmed, case-sensitive text", () => {
  it.each<[string, unknown[], number]>([
    ["7, '7' and ' 7 ' are one user", [7, "7", " 7 "], 1],
    ["'A' and 'a' are two users", ["A", "a", "A"], 2],
    ["1.5 and '1.5' are one user", [1.5, "1.5", "1.5"], 1],
    ["'u1' and 'u1 ' are one user", ["u1", "u1 ", "\tu1"], 1],
  ])("%s", (_name, ids, users) => {
    const g = grid(retention(col(...ids), col(D(0), D(1), D(2)), null, 2));
    expect(g[g.length - 1]![1]).toBe(users);
  });

  it("7 and '7' on different days: retained", () => {
    expect(grid(retention(col(7, " 7"), col(D(0), D(1)), null, 1))[1]).toEqual([D(0), 1, 1]);
  });
});

describe("ids typed as whole numbers, unbounded (users indexed by the id's offset in its range)", () => {
  const dates = col(D(0), D(8), D(1), D(15), D(0), D(9));
  const asText = (ids: unknown[]) => ids.map((id) => (id === 0 || id === null ? id : ` ${String(id)} `));
  it.each<[string, unknown[]]>([
    ["a narrow range", [101, 101, 102, 102, 103, 0]],
    ["negative ids", [-5, -5, -4, -4, -3, null]],
    ["a range too wide to index (interned instead)", [1, 1, 2 ** 31 - 1, 2 ** 31 - 1, -(2 ** 31), 0]],
    // Six cells: the widest range indexed is 4,096 ids (at least 4,096, else 2 per cell); the first id gets 1,024 slots.
    ["an id far below the range so far (grown down, no slack left)", [3000, 3000, 1, 1, 2000, 0]],
    ["an id far above the range so far (grown up, no slack left)", [1, 1, 3000, 3000, 2000, 0]],
    ["ids 1 and 4,096 (the widest range, indexed or interned by arrival order)", [4096, 4096, 1, 1, 2048, 0]],
    ["one id past the widest range (interned instead)", [4097, 4097, 1, 1, 2048, 0]],
    ["a fraction among whole numbers (interned instead)", [5, 5, 5.5, 5.5, 6, 0]],
  ])("%s: the same table as the same ids as text", (_name, ids) => {
    for (const period of ["day", "week"]) {
      const byNumber = retention(col(...ids), dates, period, 3, "unbounded");
      expect(grid(byNumber)).toEqual(grid(retention(col(...asText(ids)), dates, period, 3, "unbounded")));
    }
  });

  it("a non-date → #VALUE! naming the first such row; a blank id's row is skipped unchecked", () => {
    const e = error(retention(col(1, 0, 2, 3), col(D(0), "not a date", D(1), "yesterday"), "week", 3, "unbounded"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("row 4");
  });

  it("only blank ids → #N/A No activity rows", () => {
    expect(error(retention(col(0, null, -0), col(D(0), D(1), D(2)), "week", 3, "unbounded")).code).toBe("#N/A");
  });
});

describe("text ids of one prefix and digits, unbounded (users indexed by the digits' offset in their range)", () => {
  const dates = col(D(0), D(8), D(1), D(15), D(0), D(9));
  // Spaces around an id make it take the interner's path: the reference.
  const spaced = (ids: unknown[]) => ids.map((id) => (typeof id === "string" && id.trim() !== "" ? ` ${id} ` : id));
  it.each<[string, unknown[]]>([
    ["one prefix, fixed width", ["u0000101", "u0000101", "u0000102", "u0000102", "u0000103", ""]],
    ["leading zeros are part of the id", ["u07", "u07", "u7", "u7", "u007", null]],
    ["a longer prefix", ["CUST-001", "CUST-001", "CUST-002", "CUST-002", "CUST-1", 0]],
    ["a second prefix (interned instead)", ["u1", "u1", "v1", "v1", "u2", ""]],
    ["a number among them (interned instead)", ["u1", "u1", 1, 1, "u2", ""]],
    ["an untrimmed id among them (interned instead)", ["u1", "u1", " u2", "u2", "u1 ", ""]],
    ["all with one leading space (the prefix is \" u\")", [" u1", " u1", " u2", " u2", " u3", ""]],
    ["a leading space first, then none (interned instead)", [" u1", " u1", "u2", "u2", "u1", ""]],
    ["ten digits (interned instead)", ["u1", "u1", "u1234567890", "u1234567890", "u2", ""]],
    ["ids too far apart to index (interned instead)", ["u1", "u1", "u999999999", "u999999999", "u2", ""]],
    ["digits only are numbers' text (interned)", ["7", "7", "8", "8", "9", ""]],
    ["\"-7\" is the number -7's text (interned)", ["-7", "-7", "-8", "-8", "-9", ""]],
  ])("%s: the same table as the same ids with spaces around", (_name, ids) => {
    for (const period of ["day", "week"]) {
      const direct = retention(col(...ids), dates, period, 3, "unbounded");
      expect(grid(direct)).toEqual(grid(retention(col(...spaced(ids)), dates, period, 3, "unbounded")));
    }
  });

  it("u07 and u7 are two users, u1 and 1 too", () => {
    const g = grid(retention(col("u07", "u7", "u1", 1), col(D(0), D(0), D(0), D(0)), "day", 1, "unbounded"));
    expect(g[1]![1]).toBe(4);
  });

  it("a non-date → #VALUE! naming the first such row; a blank id's row is skipped unchecked", () => {
    const e = error(retention(col("u1", "", "u2", "u3"), col(D(0), "not a date", D(1), "yesterday"), "week", 3, "unbounded"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("row 4");
  });
});

describe("dates", () => {
  it.each<[string, unknown[], Grid[number]]>([
    ["ISO dates", ["2026-03-01", "2026-03-02"], [D(0), 1, 1]],
    ["ISO date-times with a space or T", ["2026-03-01 23:59", "2026-03-02T00:00:01"], [D(0), 1, 1]],
    ["ISO text mixed with serials", ["2026-03-01", D(1)], [D(0), 1, 1]],
    ["times of day bucket into their day", [D(0) + 0.99, D(1) + 0.01], [D(0), 1, 1]],
    ["same day, two times: not retained", [D(0) + 0.01, D(0) + 0.99], [D(0), 1, ""]],
    ["a serial a hair below midnight rounds to the millisecond: next day", [D(0), D(1) - 1e-10], [D(0), 1, 1]],
  ])("%s", (_name, dates, row) => {
    expect(grid(retention(col("u1", "u1"), col(...dates), null, 1))[1]).toEqual(row);
  });

  it.each<[string, unknown]>([
    ["an impossible date", "2026-02-30"],
    ["free text", "yesterday"],
    ["a slash date", "2026/03/01"],
    ["a negative number", -5],
    ["a time only (below 1)", 0.5],
    ["past 9999-12-31", 2_958_466],
    ["a boolean", true],
  ])("%s → #VALUE! naming the row", (_name, bad) => {
    const e = error(retention(col("u1", "u2", "u3"), col(D(0), D(1), bad)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("row 3");
    expect(e.message).toContain("dates");
  });

  it("results do not depend on the time zone", () => {
    const ids = col("u1", "u1", "u2", "u2", "u3");
    const dates = col("2026-03-01 23:30", D(1) + 0.01, D(0) + 0.5, "2026-04-01T00:00", D(40));
    const saved = process.env.TZ;
    try {
      const results = ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"].map((tz) => {
        process.env.TZ = tz;
        return ["day", "week", "month"].map((period) => retention(ids, dates, period));
      });
      for (const r of results) expect(r).toEqual(results[0]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("argument shapes", () => {
  const expected = grid(retention(col("u1", "u2", "u1"), col(D(0), D(0), D(1)), null, 1));
  it.each<[string, unknown, unknown]>([
    ["columns", col("u1", "u2", "u1"), col(D(0), D(0), D(1))],
    ["rows", [["u1", "u2", "u1"]], [[D(0), D(0), D(1)]]],
    ["a row of ids with a column of dates", [["u1", "u2", "u1"]], col(D(0), D(0), D(1))],
  ])("%s are accepted", (_name, ids, dates) => {
    expect(grid(retention(ids, dates, null, 1))).toEqual(expected);
  });

  it.each<[string, Args]>([
    ["rows mismatch", [col("u1", "u2"), col(D(0))]],
    ["rows mismatch (row against column)", [[["u1", "u2"]], col(D(0), D(1), D(2))]],
    ["a block of ids", [[["u1", "u2"], ["u3", "u4"]], col(D(0), D(1))]],
    ["a block of dates", [col("u1", "u2"), [[D(0), D(1)], [D(1), D(2)]]]],
    ["segments rows mismatch", [col("u1", "u2"), col(D(0), D(1)), null, null, null, col("a", "b", "c")]],
    ["a block of segments", [col("u1", "u2"), col(D(0), D(1)), null, null, null, [["a", "b"], ["c", "d"]]]],
  ])("%s → #VALUE!", (_name, args) => {
    expect(error(run(args)).code).toBe("#VALUE!");
  });

  it("the mismatch message names both arguments and counts", () => {
    expect(error(retention(col("u1", "u2"), col(D(0)))).message).toBe(
      "user_ids and dates must have the same number of rows (2 vs 1)",
    );
  });
});

describe("segments (channel retention)", () => {
  it.each<[string, unknown[], unknown[], unknown[], Grid]>([
    [
      "a user's segment is the one on their earliest row",
      ["u1", "u1", "u2"],
      [D(1), D(0), D(0)],
      ["ads", "seo", "ads"],
      [["Segment", "Users", "Day 1"], ["ads", 1, 0], ["seo", 1, 1], ["All", 2, 0.5]],
    ],
    [
      "earliest by time of day, not by row",
      ["u1", "u1"],
      [D(0) + 0.5, D(0) + 0.25],
      ["ads", "seo"],
      [["Segment", "Users", "Day 1"], ["seo", 1, ""], ["All", 1, ""]],
    ],
    [
      "ties: the first such row",
      ["u1", "u1", "u1"],
      [D(0) + 0.5, D(0) + 0.5, D(1)],
      ["ads", "seo", "x"],
      [["Segment", "Users", "Day 1"], ["ads", 1, 1], ["All", 1, 1]],
    ],
    [
      "order of first appearance in the rows (b first shows on row 1, though not as u1's first)",
      ["u1", "u2", "u1", "u3"],
      [D(2), D(0), D(0), D(1)],
      ["b", "a", "b", "c"],
      [["Segment", "Users", "Day 1"], ["b", 1, 0], ["a", 1, 0], ["c", 1, 0], ["All", 3, 0]],
    ],
    [
      "a segment that appears only on later rows is left out",
      ["u1", "u1", "u2"],
      [D(0), D(1), D(0)],
      ["a", "late", "a"],
      [["Segment", "Users", "Day 1"], ["a", 2, 0.5], ["All", 2, 0.5]],
    ],
    [
      "blank segments (null, '', spaces) are one '(blank)' segment",
      ["u1", "u2", "u3", "u4"],
      [D(0), D(0), D(0), D(1)],
      [null, "", "  ", "a"],
      [["Segment", "Users", "Day 1"], ["(blank)", 3, 0], ["a", 1, ""], ["All", 4, 0]],
    ],
    [
      "segment values are trimmed text: 7, '7', ' 7 ' are one segment; 'A' and 'a' two",
      ["u1", "u2", "u3", "u4", "u5"],
      [D(0), D(0), D(0), D(0), D(0)],
      [7, "7", " 7 ", "A", "a"],
      [["Segment", "Users", "Day 1"], ["7", 3, ""], ["A", 1, ""], ["a", 1, ""], ["All", 5, ""]],
    ],
    [
      "0 is a segment value, not a blank (the 0-is-blank rule is for ids and dates)",
      ["u1", "u2"],
      [D(0), D(0)],
      [0, ""],
      [["Segment", "Users", "Day 1"], ["0", 1, ""], ["(blank)", 1, ""], ["All", 2, ""]],
    ],
    [
      "a segment pools its cohorts with the elapsed rule",
      // ads: u1 (D0, back D1), u2 (D2, nothing elapsed); latest D2
      ["u1", "u1", "u2", "u3", "u3"],
      [D(0), D(1), D(2), D(1), D(2)],
      ["ads", "x", "ads", "seo", "x"],
      [["Segment", "Users", "Day 1", "Day 2"], ["ads", 2, 1, 0], ["seo", 1, 1, ""], ["All", 3, 1, 0]],
    ],
  ])("%s", (_name, ids, dates, segments, expected) => {
    const periods = expected[0]!.length - 2;
    expect(grid(retention(col(...ids), col(...dates), null, periods, null, col(...segments)))).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["one empty cell", [[""]]],
    ["one cell of spaces", [["  "]]],
    ["one null cell", [[null]]],
    ["one cell holding 0 (an empty cell from Excel for Windows)", [[0]]],
  ])("segments given as %s are omitted", (_name, segments) => {
    const ids = col("u1", "u1", "u2");
    const dates = col(D(0), D(1), D(0));
    expect(grid(retention(ids, dates, null, 1, null, segments))).toEqual(grid(retention(ids, dates, null, 1)));
  });

  it("segments work with week and unbounded", () => {
    const g = grid(retention(col("u1", "u1", "u2"), col(D(1), D(20), D(1)), "week", 2, "unbounded", col("a", "b", "b")));
    expect(g).toEqual([["Segment", "Users", "Week 1", "Week 2"], ["a", 1, 1, 1], ["b", 1, 0, 0], ["All", 2, 0.5, 0.5]]);
  });
});

describe("the classic count is the same by bitset and by user", () => {
  it.each<[string, unknown]>([["no segments", null], ["segments", col("a", "b", "a", "c", "b", "a", "b")]])("%s", (_name, segments) => {
    const ids = col("u1", "u2", "u1", "u3", "u2", "u1", "u3");
    const dates = col(D(0), D(0), D(1), D(1), D(3), D(3), D(2));
    const bitset = retention(ids, dates, null, [[1, 2, 3, 1]], null, segments);
    const saved = tuning.bitsetLimitBits;
    tuning.bitsetLimitBits = 0;
    try {
      expect(retention(ids, dates, null, [[1, 2, 3, 1]], null, segments)).toEqual(bitset);
    } finally {
      tuning.bitsetLimitBits = saved;
    }
  });
});

describe("bucket helpers", () => {
  it.each<[string, "day" | "week" | "month", number, number]>([
    ["day is the serial", "day", D(0), D(0)],
    ["week of a Sunday starts the Monday before", "week", D(0), D(-6)],
    ["week of a Monday starts that day", "week", D(1), D(1)],
    ["month starts on the 1st", "month", ymd(2026, 2, 28), ymd(2026, 2, 1)],
  ])("%s", (_name, period, serial, start) => {
    expect(bucketStart(period, bucketOf(period, serial))).toBe(start);
  });

  it.each<["day" | "week" | "month", number, number]>([
    ["day", D(0), D(1)],
    ["week", D(1), D(8)],
    ["month", ymd(2026, 12, 31), ymd(2027, 1, 1)],
  ])("consecutive %s buckets differ by 1", (period, a, b) => {
    expect(bucketOf(period, b) - bucketOf(period, a)).toBe(1);
  });

  it("MS_PER_DAY sanity", () => expect(MS_PER_DAY).toBe(86_400_000));
});

describe("headers come from the message catalogue", () => {
  afterEach(() => setLocale("en"));
  it("zh-CN", () => {
    setLocale("zh-CN");
    const g = grid(retention(col("u1", "u2"), col(D(0), D(0)), "week", 1, null, col("", "")));
    expect(g[0]).toEqual(["分组", "用户数", "第 1 周"]);
    expect(g[1]![0]).toBe("（空白）");
    expect(g[2]![0]).toBe("全部");
    expect(grid(retention(col("u1"), col(D(0))))[0]!.slice(0, 3)).toEqual(["同期群", "用户数", "第 1 天"]);
  });
});
