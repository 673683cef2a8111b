/**
 * OPS.RENEWAL spec: one table row per case, covering every rule in the
 * header of src/core/metrics/renewal.ts, each error, and a property test
 * against a deliberately naive reference written here from those rules.
 *
 * Calendar: 2026-03-01 is serial 46082 (a Sunday); M(m, d) is 2026-m-d.
 */
import fc from "fast-check";
import { renewal, NET_EPSILON } from "../../src/core/metrics/renewal";
import { Grid, OpsError, isOpsError } from "../../src/core/errors";
import { mondayOf, monthIndexOfSerial, parseIsoSerial, serialFromDate, serialOfMonthIndex } from "../../src/core/dates";
import { setLocale } from "../../src/core/i18n";
import { col, error, ok as grid } from "../support/specHelpers";

const M = (m: number, d = 1, y = 2026): number => serialFromDate(y, m, d);
const MONTHS_HEAD = ["Cohort", "Payers", "Revenue", "Month 1", "Month 2", "Month 3", "Month 4", "Month 5", "Month 6"];
const E6 = ["", "", "", "", "", ""];

type Args = [unknown, unknown, unknown, unknown?, unknown?, unknown?];
const run = (args: Args): Grid | OpsError => renewal(...args);

/** Grids equal, numbers to 1e-12. */
function expectGrid(actual: Grid, expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = expected[r]![c];
      if (typeof cell === "number" && typeof want === "number") expect([r, c, Math.abs(cell - want) <= 1e-12 * Math.max(1, Math.abs(want))]).toEqual([r, c, true]);
      else expect([r, c, cell]).toEqual([r, c, want]);
    }),
  );
}

// ---------------------------------------------------------------------------

describe("revenue (default measure), monthly (default period), 6 columns", () => {
  it.each<[string, Args, unknown[][]]>([
    [
      "a cohort's revenue renews: net revenue in month k ÷ first-month revenue",
      [col("a", "b", "a", "a"), col(M(3, 2), M(3, 20), M(4, 5), M(5, 9)), col(100, 50, 120, 30)],
      [MONTHS_HEAD, [M(3), 2, 150, 0.8, 0.2, "", "", "", ""], ["All", 2, 150, 0.8, 0.2, "", "", "", ""]],
    ],
    [
      "months not elapsed yet are '' (never 0); All weighs only the cohorts where k has elapsed",
      [col("a", "b", "a", "b"), col(M(3, 2), M(4, 3), M(4, 9), M(5, 1)), col(100, 40, 50, 10)],
      [MONTHS_HEAD, [M(3), 1, 100, 0.5, 0, "", "", "", ""], [M(4), 1, 40, 0.25, "", "", "", "", ""], ["All", 2, 140, 60 / 140, 0, "", "", "", ""]],
    ],
    [
      "expansion: more revenue later gives a share above 1",
      [col("a", "a"), col(M(3, 2), M(4, 2)), col(100, 250)],
      [MONTHS_HEAD, [M(3), 1, 100, 2.5, ...E6.slice(1)], ["All", 1, 100, 2.5, ...E6.slice(1)]],
    ],
    [
      "a refund in a later month counts negative: the share can fall below 0",
      [col("a", "b", "a", "b"), col(M(3, 2), M(3, 5), M(4, 2), M(5, 1)), col(100, 100, -150, 10)],
      [MONTHS_HEAD, [M(3), 2, 200, -0.75, 0.05, "", "", "", ""], ["All", 2, 200, -0.75, 0.05, "", "", "", ""]],
    ],
    [
      "users who stop paying still count their refunds; users who never pay are in no cohort",
      [col("a", "z", "z", "a"), col(M(3, 2), M(3, 3), M(4, 3), M(4, 9)), col(80, -20, 0, -8)],
      [MONTHS_HEAD, [M(3), 1, 80, -0.1, ...E6.slice(1)], ["All", 1, 80, -0.1, ...E6.slice(1)]],
    ],
    [
      "net per month: a payment fully refunded the same month is no payment; the cohort is the next paying month",
      [col("a", "a", "a", "b", "b"), col(M(3, 2), M(3, 9), M(4, 4), M(4, 1), M(6, 1)), col(60, -60, 30, 10, 0)],
      [MONTHS_HEAD, [M(4), 2, 40, 0, 0, "", "", "", ""], ["All", 2, 40, 0, 0, "", "", "", ""]],
    ],
    [
      "a cancelling refund that binary arithmetic leaves at +4.4e-16 is still no payment",
      [col("a", "a", "a", "a"), col(M(3, 2), M(3, 3), M(3, 4), M(4, 1)), col(1.1, 2.2, -3.3, 5)],
      [MONTHS_HEAD, [M(4), 1, 5, ...E6], ["All", 1, 5, ...E6]],
    ],
    [
      "a refund dated before the user's first payment is ignored",
      [col("a", "a", "a"), col(M(2, 20), M(3, 2), M(4, 2)), col(-30, 100, 50)],
      [MONTHS_HEAD, [M(3), 1, 100, 0.5, ...E6.slice(1)], ["All", 1, 100, 0.5, ...E6.slice(1)]],
    ],
    [
      "blank amounts (null, '', spaces) count 0; zero-amount rows still mark how far the data goes",
      [col("a", "a", "a", "a", "b"), col(M(3, 2), M(4, 2), M(5, 2), M(6, 2), M(7, 2)), col(100, null, "", "  ", 0)],
      [MONTHS_HEAD, [M(3), 1, 100, 0, 0, 0, 0, "", ""], ["All", 1, 100, 0, 0, 0, 0, "", ""]],
    ],
    [
      "several payments in a month add up; the cohort label is the 1st of the month",
      [col("a", "a", "a"), col(M(3, 31), M(3, 1), M(4, 30)), col(10, 20, 15)],
      [MONTHS_HEAD, [M(3), 1, 30, 0.5, ...E6.slice(1)], ["All", 1, 30, 0.5, ...E6.slice(1)]],
    ],
  ])("%s", (_name, args, expected) => expectGrid(grid(run(args)), expected));
});

describe("payers measure", () => {
  it.each<[string, Args, unknown[][]]>([
    [
      "share of the cohort's payers who pay again in month k",
      [col("a", "b", "c", "a", "b", "a"), col(M(3, 1), M(3, 2), M(3, 3), M(4, 1), M(4, 2), M(5, 1)), col(10, 10, 10, 10, 10, 10), null, 3, "payers"],
      [["Cohort", "Payers", "Revenue", "Month 1", "Month 2", "Month 3"], [M(3), 3, 30, 2 / 3, 1 / 3, ""], ["All", 3, 30, 2 / 3, 1 / 3, ""]],
    ],
    [
      "a month with a net refund is not a payment (revenue would count it negative)",
      [col("a", "b", "a", "b", "a"), col(M(3, 1), M(3, 2), M(4, 1), M(4, 2), M(4, 3)), col(10, 10, 10, 5, -15), null, 1, "payers"],
      [["Cohort", "Payers", "Revenue", "Month 1"], [M(3), 2, 20, 0.5], ["All", 2, 20, 0.5]],
    ],
    [
      "All weighs by cohort payers over the elapsed cohorts",
      [col("a", "b", "c", "a", "c"), col(M(3, 1), M(3, 2), M(4, 1), M(4, 1), M(5, 1)), col(1, 1, 1, 1, 1), "month", 2, " Payers "],
      [["Cohort", "Payers", "Revenue", "Month 1", "Month 2"], [M(3), 2, 2, 0.5, 0], [M(4), 1, 1, 1, ""], ["All", 3, 3, 2 / 3, 0]],
    ],
  ])("%s", (_name, args, expected) => expectGrid(grid(run(args)), expected));
});

describe("periods, words and cells", () => {
  const mon = M(3, 2); // Monday 2026-03-02
  it.each<[string, Args, unknown[][]]>([
    [
      "week: cohorts start on Monday; Sunday belongs to the week before",
      [col("a", "a", "b", "b"), col(M(3, 1), M(3, 2), M(3, 2), M(3, 9)), col(10, 10, 20, 20), "week", 2],
      [["Cohort", "Payers", "Revenue", "Week 1", "Week 2"], [mon - 7, 1, 10, 1, 0], [mon, 1, 20, 1, ""], ["All", 2, 30, 1, 0]],
    ],
    [
      "day: 7 columns by default",
      [col("a", "a"), col(M(3, 1), M(3, 2)), col(5, 5), "DAY"],
      [["Cohort", "Payers", "Revenue", "Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7"], [M(3, 1), 1, 5, 1, "", "", "", "", "", ""], ["All", 1, 5, 1, "", "", "", "", "", ""]],
    ],
    [
      "periods as a list {3,1}: columns in that order",
      [col("a", "a", "a"), col(M(1, 5), M(2, 5), M(4, 5)), col(10, 5, 20), null, [[3, 1]]],
      [["Cohort", "Payers", "Revenue", "Month 3", "Month 1"], [M(1), 1, 10, 2, 0.5], ["All", 1, 10, 2, 0.5]],
    ],
    [
      "periods as one blank cell: the default",
      [col("a"), col(M(3, 5)), col(10), "month", [[""]]],
      [MONTHS_HEAD, [M(3), 1, 10, ...E6], ["All", 1, 10, ...E6]],
    ],
    [
      "7, '7' and ' 7 ' are one user; ids 0 and blank and blank dates skip the row (amount not checked)",
      [col(7, "7", " 7 ", 0, "", "x"), col(M(3, 5), M(4, 5), M(5, 5), M(9, 1), M(9, 1), ""), col(10, 5, 5, "oops", "oops", "oops")],
      [MONTHS_HEAD, [M(3), 1, 10, 0.5, 0.5, "", "", "", ""], ["All", 1, 10, 0.5, 0.5, "", "", "", ""]],
    ],
    [
      "row-shaped arguments and ISO text dates",
      [[["a", "a"]], [["2026-03-05", "2026-04-05 10:30"]], [[10, 10]], "month", 1],
      [["Cohort", "Payers", "Revenue", "Month 1"], [M(3), 1, 10, 1], ["All", 1, 10, 1]],
    ],
    [
      "a time that rounds to midnight at the millisecond belongs to the next day (and month)",
      [col("a", "a"), col(M(3, 31) + 0.99999999999, M(4, 30)), col(10, 10), "month", 1],
      [["Cohort", "Payers", "Revenue", "Month 1"], [M(4), 1, 20, ""], ["All", 1, 20, ""]],
    ],
  ])("%s", (_name, args, expected) => expectGrid(grid(run(args)), expected));

  it("headers follow the language", () => {
    setLocale("zh-CN");
    try {
      const g = grid(run([col("a"), col(M(3, 5)), col(10), null, 1]));
      expect(g[0]).toEqual(["同期群", "付费用户数", "收入", "第 1 月"]);
      expect(g[2]![0]).toBe("全部");
    } finally {
      setLocale("en");
    }
  });
});

describe("errors", () => {
  it.each<[string, Args, string, RegExp]>([
    ["user_ids and dates of different lengths", [col("a", "b"), col(M(3)), col(1, 2)], "#VALUE!", /user_ids and dates/],
    ["amounts of a different length", [col("a", "b"), col(M(3), M(4)), col(1)], "#VALUE!", /user_ids and amounts/],
    ["amounts omitted", [col("a"), col(M(3)), null], "#VALUE!", /amounts/],
    ["a block of several rows and columns", [[["a", "b"], ["c", "d"]], col(M(3), M(4)), col(1, 2)], "#VALUE!", /one column or one row/],
    ["a date that is not a date names the row", [col("a", "b"), col(M(3), "2026-02-30"), col(1, 2)], "#VALUE!", /dates row 2/],
    ["a negative serial date", [col("a"), col(-3), col(1)], "#VALUE!", /dates row 1/],
    ["a text amount names the row", [col("a", "b"), col(M(3), M(4)), col(1, "12 USD")], "#VALUE!", /amounts row 2.*12 USD/],
    ["a TRUE amount", [col("a"), col(M(3)), col(true)], "#VALUE!", /amounts row 1/],
    ["unknown period lists the words", [col("a"), col(M(3)), col(1), "quarter"], "#VALUE!", /day, week, month/],
    ["unknown measure lists the words", [col("a"), col(M(3)), col(1), null, null, "users"], "#VALUE!", /revenue, payers/],
    ["periods 0", [col("a"), col(M(3)), col(1), null, 0], "#NUM!", /periods/],
    ["periods 1.5", [col("a"), col(M(3)), col(1), null, [[1.5]]], "#NUM!", /periods/],
    ["periods 16383", [col("a"), col(M(3)), col(1), null, 16383], "#NUM!", /16382/],
    ["periods text", [col("a"), col(M(3)), col(1), null, "six"], "#VALUE!", /periods/],
    ["no usable rows", [col("", 0), col(M(3), M(4)), col(1, 2)], "#N/A", /No paying users/],
    ["only refunds and zeros: no paying user", [col("a", "b"), col(M(3), M(4)), col(-5, 0)], "#N/A", /No paying users/],
  ])("%s → %s", (_name, args, code, message) => {
    const e = error(run(args));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

// ---------------------------------------------------------------------------
// Property: the implementation equals a naive reference on small random data.
// ---------------------------------------------------------------------------

type Period = "day" | "week" | "month";
type Measure = "revenue" | "payers";
const DAY_MS = 86_400_000;

function blankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The rules, spelled out one user at a time with Maps and plain loops. */
function naive(ids: unknown[], dates: unknown[], amounts: unknown[], period: Period, ks: number[], measure: Measure): unknown[][] {
  const periodOf = (cell: unknown): number => {
    const serial = typeof cell === "number" ? cell : parseIsoSerial(String(cell));
    const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
    if (period === "day") return day;
    if (period === "week") return (mondayOf(day) - mondayOf(2)) / 7;
    return monthIndexOfSerial(day);
  };
  const labelOf = (p: number): number => (period === "day" ? p : period === "week" ? mondayOf(2) + 7 * p : serialOfMonthIndex(p));
  const users = new Map<string, Map<number, { net: number; gross: number }>>();
  let latest = -Infinity;
  ids.forEach((id, i) => {
    if (blankCell(id) || id === 0 || blankCell(dates[i]) || dates[i] === 0) return;
    const key = typeof id === "string" ? id.trim() : String(id);
    const p = periodOf(dates[i]);
    latest = Math.max(latest, p);
    const amount = blankCell(amounts[i]) ? 0 : (amounts[i] as number);
    if (!users.has(key)) users.set(key, new Map());
    const byPeriod = users.get(key)!;
    const cell = byPeriod.get(p) ?? { net: 0, gross: 0 };
    cell.net += amount;
    cell.gross += Math.abs(amount);
    byPeriod.set(p, cell);
  });
  const pays = (c: { net: number; gross: number } | undefined): boolean => c !== undefined && c.net > NET_EPSILON * c.gross;
  const cohorts = new Map<number, { payers: number; revenue: number; num: number[] }>();
  for (const byPeriod of users.values()) {
    const paid = [...byPeriod.keys()].filter((p) => pays(byPeriod.get(p))).sort((a, b) => a - b);
    if (paid.length === 0) continue;
    const c = paid[0]!;
    const cohort = cohorts.get(c) ?? { payers: 0, revenue: 0, num: ks.map(() => 0) };
    cohort.payers += 1;
    cohort.revenue += byPeriod.get(c)!.net;
    ks.forEach((k, j) => {
      const later = byPeriod.get(c + k);
      if (measure === "revenue") cohort.num[j]! += later?.net ?? 0;
      else if (pays(later)) cohort.num[j]! += 1;
    });
    cohorts.set(c, cohort);
  }
  if (cohorts.size === 0) return [["#N/A"]];
  const word = period === "day" ? "Day" : period === "week" ? "Week" : "Month";
  const out: unknown[][] = [["Cohort", "Payers", "Revenue", ...ks.map((k) => `${word} ${k}`)]];
  const totals = ks.map(() => ({ num: 0, den: 0 }));
  let payers = 0;
  let revenue = 0;
  for (const c of [...cohorts.keys()].sort((a, b) => a - b)) {
    const cohort = cohorts.get(c)!;
    const den = measure === "revenue" ? cohort.revenue : cohort.payers;
    out.push([
      labelOf(c),
      cohort.payers,
      cohort.revenue,
      ...ks.map((k, j) => {
        if (c + k > latest) return "";
        totals[j]!.num += cohort.num[j]!;
        totals[j]!.den += den;
        return cohort.num[j]! / den;
      }),
    ]);
    payers += cohort.payers;
    revenue += cohort.revenue;
  }
  out.push(["All", payers, revenue, ...totals.map((t) => (t.den === 0 ? "" : t.num / t.den))]);
  return out;
}

const idArb = fc.constantFrom<unknown>("a", " a ", "b", 7, "7", " 7", "c", "d", "", null, 0);
const dateArb = fc.oneof(
  fc.integer({ min: 46_000, max: 46_200 }).chain((d) => fc.constantFrom<unknown>(d, d + 0.5, d + 0.999, d + 0.99999999999)),
  fc.constantFrom<unknown>("2026-03-01", "2026-03-31 23:59", "2026-04-01", "", 0, null),
);
const amountArb = fc.constantFrom<unknown>(10, 10, 25.5, 100, 0.1, 0.2, -0.3, -10, -100, 0, null, "", 1.1, 2.2, -3.3);

describe("property: equals the naive reference", () => {
  it("on random small data, every period and measure, periods as N or a list", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(idArb, dateArb, amountArb), { minLength: 1, maxLength: 40 }),
        fc.constantFrom<Period>("day", "week", "month"),
        fc.constantFrom<Measure>("revenue", "payers"),
        fc.oneof(fc.integer({ min: 1, max: 8 }).map((n) => [n]), fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 4 })),
        (rows, period, measure, periodsArg) => {
          const ids = rows.map((r) => r[0]);
          const dates = rows.map((r) => r[1]);
          const amounts = rows.map((r) => r[2]);
          const ks = periodsArg.length === 1 ? Array.from({ length: periodsArg[0]! }, (_, i) => i + 1) : periodsArg;
          const result = renewal(col(...ids), col(...dates), col(...amounts), period, periodsArg.length === 1 ? periodsArg[0] : [periodsArg], measure);
          const expected = naive(ids, dates, amounts, period, ks, measure);
          if (isOpsError(result)) {
            expect(expected).toEqual([["#N/A"]]);
            expect(result.code).toBe("#N/A");
          } else {
            expectGrid(result, expected);
          }
        },
      ),
      { numRuns: 400, seed: 20260601 },
    );
  });
});
