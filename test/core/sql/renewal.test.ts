/**
 * renewalSql (and retentionSql with measure revenue/payers, the same query)
 * run in DuckDB over a warehouse-shaped payments table equals OPS.RENEWAL on
 * the same rows: both measures, every period, periods as N and as a list,
 * whole amounts (sums exact) and amounts with cents, refunds, zero and blank
 * amounts, refunds that cancel a payment exactly. Counts exact; revenue and
 * shares to 1e-12 (the engines add in different orders).
 */
import { renewal, RenewalMeasure } from "../../../src/core/metrics/renewal";
import { renewalSql, retentionSql } from "../../../src/core/sql";
import { PaymentData, makePayments } from "./data";
import { Warehouse, closeWarehouse, col, columnsOf, expectSameGrid, gridOf, loadPayments, openWarehouse, query, serialOfDate } from "./warehouse";

type Period = "day" | "week" | "month";

let w: Warehouse;
beforeAll(async () => {
  w = await openWarehouse();
});
afterAll(() => closeWarehouse(w));

const DATASETS: [string, PaymentData][] = [
  ["seed 51: 3000 rows, 400 customers, 2 years, whole amounts", makePayments(51, 3000, 400, 45_700, 730, false)],
  ["seed 52: 2000 rows, 150 customers, 1 year, cents", makePayments(52, 2000, 150, 45_900, 365, true)],
  ["seed 53: 1500 rows, 300 customers, 60 days, cents", makePayments(53, 1500, 300, 46_050, 60, true)],
];

const LISTS: Record<Period, number[]> = { day: [1, 7, 30], week: [1, 4, 12], month: [12, 1, 3] };

function sqlBody(rows: Record<string, unknown>[], names: string[]): unknown[][] {
  return rows.map((row) => [
    row.cohort === null ? "All" : serialOfDate(row.cohort),
    row.payers,
    row.revenue,
    ...names.map((n) => (row[n] === null ? "" : row[n])),
  ]);
}

describe.each(DATASETS)("renewal SQL equals OPS.RENEWAL (%s)", (_name, data) => {
  beforeAll(async () => {
    await loadPayments(w.connection, data);
  });

  const cases: [Period, RenewalMeasure, "N" | "list"][] = [];
  for (const period of ["month", "week", "day"] as Period[]) {
    for (const measure of ["revenue", "payers"] as RenewalMeasure[]) for (const form of ["N", "list"] as const) cases.push([period, measure, form]);
  }

  it.each(cases)("%s, %s, periods as %s", async (period, measure, form) => {
    const ks = form === "list" ? LISTS[period] : undefined;
    const mine = gridOf(renewal(col(data.ids), col(data.dates), col(data.amounts), period, ks ? [ks] : null, measure));
    const sql = renewalSql({ period, periods: ks, measure });
    const names = (await columnsOf(w.connection, sql)).slice(3);
    expect(names).toEqual((ks ?? mine[0]!.slice(3).map((_, i) => i + 1)).map((k) => `${period}_${k}`));
    expectSameGrid(sqlBody(await query(w.connection, sql), names), mine.slice(1));
    expect(mine.length).toBeGreaterThan(3);
    // retentionSql with the measure is the same query.
    expect(retentionSql({ period, periods: ks, measure })).toBe(sql);
  });
});

describe("renewal SQL: rules on a small table", () => {
  const M = (y: number, m: number, d = 1): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
  it.each<[string, PaymentData]>([
    ["a refund cancelling the payment in binary-unfriendly parts: no payer that month", { ids: ["a", "a", "a", "a", "b"], dates: [M(2026, 1, 3), M(2026, 1, 5), M(2026, 1, 9), M(2026, 2, 1), M(2026, 3, 1)], amounts: [1.1, 2.2, -3.3, 7, 3] }],
    ["a refund later makes net revenue retention negative", { ids: ["a", "b", "a", "b"], dates: [M(2026, 1, 3), M(2026, 1, 8), M(2026, 2, 1), M(2026, 3, 5)], amounts: [100, 50, -100, 20] }],
    ["expansion above 1", { ids: ["a", "a", "b"], dates: [M(2026, 1, 3), M(2026, 2, 3), M(2026, 2, 4)], amounts: [100, 250, 9] }],
    ["blank and zero amounts never make a payer", { ids: ["a", "a", "b", "b"], dates: [M(2026, 1, 3), M(2026, 2, 3), M(2026, 1, 9), M(2026, 4, 3)], amounts: [null, 40, 0, 10] }],
  ])("%s", async (_name, data) => {
    await loadPayments(w.connection, data, "payments_small");
    for (const measure of ["revenue", "payers"] as RenewalMeasure[]) {
      const mine = gridOf(renewal(col(data.ids), col(data.dates), col(data.amounts), null, [[1, 2, 3]], measure));
      const sql = renewalSql({ periods: [1, 2, 3], measure, tables: { payments: "payments_small" } });
      expectSameGrid(sqlBody(await query(w.connection, sql), ["month_1", "month_2", "month_3"]), mine.slice(1));
    }
  });
});
