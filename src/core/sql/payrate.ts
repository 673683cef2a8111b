/**
 * OPS.PAYRATE (ID form) as SQL over payments(user_id, amount) and a
 * population: the distinct user_ids of events (default; optionally only
 * those with one event, e.g. "register" for registered users) or the ids of
 * customers.
 *
 * The same definition as src/core/metrics/payrate.ts: ids are distinct
 * trimmed texts; a payer counts only when in the population; revenue is the
 * sum of the amounts of the payment rows whose payer is in the population
 * (a NULL amount counts 0). measure: rate = payers ÷ population, arpu =
 * revenue ÷ population, arppu = revenue ÷ payers, payers = the count.
 * Where Excel shows #DIV/0! (population 0, or no payers for arppu) the
 * value is NULL. The activity rate is the same query with the active users
 * as "payments".
 */
import { PAYRATE_MEASURES, PayrateMeasure } from "../metrics/payrate";
import { SqlOptionError, TableNames, banner, notBlank, ratio, tableNames, textLiteral } from "./dialect";
import { onlyKnown, word } from "./options";

export const POPULATION_SOURCES = ["events", "customers"] as const;
export type PopulationSource = (typeof POPULATION_SOURCES)[number];

export interface PayrateSqlOptions {
  /** "rate" (default), "arpu", "arppu" or "payers". */
  measure?: PayrateMeasure;
  /** Where the population comes from: distinct events.user_id (default) or customers.id. */
  population?: PopulationSource;
  /** With population "events": only users with this event (e.g. "register"). */
  populationEvent?: string;
  tables?: Partial<TableNames>;
}

const KNOWN = ["measure", "population", "populationEvent", "tables"];

export function payrateSql(options: PayrateSqlOptions = {}): string {
  onlyKnown(options, KNOWN, "payrate");
  const measure = word(options.measure, "measure", PAYRATE_MEASURES, "rate");
  const source = word(options.population, "population", POPULATION_SOURCES, "events");
  let event: string | null = null;
  if (options.populationEvent !== undefined) {
    if (source !== "events") throw new SqlOptionError("populationEvent applies to population events only");
    if (typeof options.populationEvent !== "string" || options.populationEvent.trim() === "") {
      throw new SqlOptionError(`populationEvent must be an event name (got ${JSON.stringify(options.populationEvent)})`);
    }
    event = options.populationEvent.trim();
  }
  const tables = tableNames(options.tables);

  const population =
    source === "customers"
      ? `SELECT DISTINCT TRIM(id) AS user_id FROM ${tables.customers} WHERE ${notBlank("id")}`
      : `SELECT DISTINCT TRIM(user_id) AS user_id FROM ${tables.events} WHERE ${notBlank("user_id")}${
          event === null ? "" : ` AND TRIM(event) = ${textLiteral(event)}`
        }`;
  const value: Record<PayrateMeasure, string> = {
    rate: ratio("payers", "population"),
    arpu: ratio("revenue", "population"),
    arppu: ratio("revenue", "payers"),
    payers: "payers",
  };
  const populationText =
    source === "customers" ? `the ids of ${tables.customers}` : `the users of ${tables.events}${event === null ? "" : ` with event '${event}'`}`;
  const head = banner(`OpsKit OPS.PAYRATE: ${measure} over ${populationText}.`, [
    `Input: ${tables.payments}(user_id VARCHAR, amount DOUBLE or DECIMAL) and ${
      source === "customers" ? `${tables.customers}(id VARCHAR)` : `${tables.events}(user_id VARCHAR${event === null ? "" : ", event VARCHAR"})`
    }.`,
    `Output: one row: population, payers (distinct payers in the population), revenue (their payments), value (the measure;`,
    `  NULL where Excel shows #DIV/0!).`,
  ]);
  return `${head}
WITH population AS (
  ${population}
),
paid AS (
  SELECT TRIM(p.user_id) AS user_id, COALESCE(p.amount, 0) AS amount
  FROM ${tables.payments} p
  WHERE TRIM(p.user_id) IN (SELECT user_id FROM population)
),
totals AS (
  SELECT (SELECT COUNT(*) FROM population) AS population,
         (SELECT COUNT(DISTINCT user_id) FROM paid) AS payers,
         (SELECT COALESCE(SUM(amount), 0) FROM paid) AS revenue
)
SELECT population, payers, revenue, ${value[measure]} AS value
FROM totals
`;
}
