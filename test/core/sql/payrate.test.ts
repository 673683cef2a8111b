/**
 * payrateSql run in DuckDB equals OPS.PAYRATE's ID form on the same rows:
 * every measure, with the population from events (all users, or those with
 * one event) or from customers. Counts exact, revenue measures to 1e-12
 * (the two engines add the amounts in different orders). Where OPS.PAYRATE
 * gives #DIV/0! the SQL value is NULL.
 */
import { payrate } from "../../../src/core/metrics/payrate";
import { isOpsError } from "../../../src/core/errors";
import { payrateSql } from "../../../src/core/sql";
import { makeEvents, makePayments } from "./data";
import { Warehouse, closeWarehouse, col, loadCustomers, loadEvents, loadPayments, openWarehouse, query } from "./warehouse";

type Measure = "rate" | "arpu" | "arppu" | "payers";
type Population = "events" | "register" | "customers";

let w: Warehouse;
beforeAll(async () => {
  w = await openWarehouse();
});
afterAll(() => closeWarehouse(w));

interface Data {
  eventIds: unknown[];
  events: unknown[];
  customerIds: unknown[];
  payerIds: unknown[];
  amounts: unknown[];
}

function makeData(seed: number, cents: boolean, users: number, customers: number): Data {
  const ev = makeEvents(seed, 2000, users, 46_000, 60);
  // Payment ids use the "user" prefix too, so some payers are in the population and some are not.
  const pay = makePayments(seed + 1, 600, Math.round(users * 1.3), 46_000, 60, cents);
  const customerIds = Array.from({ length: customers }, (_, i) => (i % 9 === 0 ? null : i % 7 === 0 ? i + 1 : ` user${i} `));
  return { eventIds: ev.ids, events: ev.events, customerIds, payerIds: pay.ids.map((id) => (typeof id === "string" ? id.replace("cust", "user") : id)), amounts: pay.amounts };
}

const DATASETS: [string, Data][] = [
  ["seed 31: whole amounts", makeData(31, false, 300, 200)],
  ["seed 32: amounts with cents", makeData(32, true, 150, 400)],
  ["seed 33: small population", makeData(33, true, 20, 10)],
];

function population(data: Data, source: Population): unknown[] {
  if (source === "customers") return data.customerIds;
  if (source === "events") return data.eventIds;
  return data.eventIds.map((id, i) => (typeof data.events[i] === "string" && (data.events[i] as string).trim() === "register" ? id : null));
}

describe.each(DATASETS)("payrate SQL equals OPS.PAYRATE (%s)", (_name, data) => {
  beforeAll(async () => {
    await loadEvents(w.connection, { ids: data.eventIds, dates: data.eventIds.map(() => 46_000), events: data.events });
    await loadPayments(w.connection, { ids: data.payerIds, amounts: data.amounts });
    await loadCustomers(w.connection, { ids: data.customerIds, values: data.customerIds.map(() => 1) });
  });

  const cases: [Measure, Population][] = [];
  for (const m of ["rate", "arpu", "arppu", "payers"] as Measure[]) for (const p of ["events", "register", "customers"] as Population[]) cases.push([m, p]);

  it.each(cases)("%s over %s", async (measure, source) => {
    const mine = payrate(col(data.payerIds), col(population(data, source)), col(data.amounts), measure);
    const sql = payrateSql({
      measure,
      population: source === "customers" ? "customers" : "events",
      populationEvent: source === "register" ? "register" : undefined,
    });
    const rows = await query(w.connection, sql);
    expect(rows).toHaveLength(1);
    const value = rows[0]!.value;
    if (isOpsError(mine)) {
      expect(mine.code).toBe("#DIV/0!");
      expect(value).toBeNull();
    } else {
      expect(typeof value).toBe("number");
      expect(Math.abs((value as number) - mine)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(mine)));
      if (measure === "payers" || measure === "rate") expect(value).toBe(mine);
    }
  });
});

describe("payrate SQL: #DIV/0! cases are NULL", () => {
  it.each<[string, Measure, unknown[], unknown[]]>([
    ["empty population", "rate", ["a"], []],
    ["arppu with no payer in the population", "arppu", ["a", "b"], ["x", "y"]],
  ])("%s", async (_name, measure, payers, people) => {
    await loadPayments(w.connection, { ids: payers, amounts: payers.map(() => 5) }, "payments_div");
    await loadCustomers(w.connection, { ids: people, values: people.map(() => 1) }, "customers_div");
    const mine = payrate(col(payers.length > 1 ? payers : [...payers, null]), col(people.length > 1 ? people : [...people, null, null]), col(payers.length > 1 ? payers.map(() => 5) : [5, null]), measure);
    expect(isOpsError(mine) && mine.code).toBe("#DIV/0!");
    const rows = await query(w.connection, payrateSql({ measure, population: "customers", tables: { payments: "payments_div", customers: "customers_div" } }));
    expect(rows[0]!.value).toBeNull();
  });
});
