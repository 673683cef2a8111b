/**
 * Metric definitions as SQL: the query for each OPS metric with the
 * user's parameters, for "Copy as SQL" in the task pane and `npm run sql`.
 * Dialect and input tables: see dialect.ts (and README, "Metric definitions
 * as SQL"); each metric's definition is its page under docs/functions/.
 * Every generator checks its options and throws SqlOptionError with a
 * message saying which option is wrong.
 */
import { FunnelSqlOptions, funnelSql } from "./funnel";
import { PayrateSqlOptions, payrateSql } from "./payrate";
import { RenewalSqlOptions, renewalSql } from "./renewal";
import { RetentionSqlOptions, retentionSql } from "./retention";
import { TierSqlOptions, tierSql } from "./tier";
import { SqlOptionError } from "./dialect";

export { SqlOptionError, DEFAULT_TABLES } from "./dialect";
export type { TableNames } from "./dialect";
export { retentionSql, RETENTION_SQL_MEASURES } from "./retention";
export type { RetentionSqlOptions, RetentionSqlMeasure } from "./retention";
export { funnelSql } from "./funnel";
export type { FunnelSqlOptions } from "./funnel";
export { payrateSql, POPULATION_SOURCES } from "./payrate";
export type { PayrateSqlOptions, PopulationSource } from "./payrate";
export { tierSql } from "./tier";
export type { TierSqlOptions } from "./tier";
export { renewalSql } from "./renewal";
export type { RenewalSqlOptions } from "./renewal";

export const SQL_METRICS = ["retention", "funnel", "payrate", "tier", "renewal"] as const;
export type SqlMetric = (typeof SQL_METRICS)[number];

export interface SqlOptionsByMetric {
  retention: RetentionSqlOptions;
  funnel: FunnelSqlOptions;
  payrate: PayrateSqlOptions;
  tier: TierSqlOptions;
  renewal: RenewalSqlOptions;
}

/** The query for `metric` with `options`; an unknown metric or a bad option throws SqlOptionError. */
export function sqlFor<M extends SqlMetric>(metric: M, options: SqlOptionsByMetric[M]): string;
export function sqlFor(metric: string, options?: object): string;
export function sqlFor(metric: string, options: object = {}): string {
  switch (metric) {
    case "retention":
      return retentionSql(options as RetentionSqlOptions);
    case "funnel":
      return funnelSql(options as FunnelSqlOptions);
    case "payrate":
      return payrateSql(options as PayrateSqlOptions);
    case "tier":
      return tierSql(options as TierSqlOptions);
    case "renewal":
      return renewalSql(options as RenewalSqlOptions);
    default:
      throw new SqlOptionError(`unknown metric ${JSON.stringify(metric)}; the metrics are: ${SQL_METRICS.join(", ")}`);
  }
}
