/**
 * What the demo's KPI sheet must show, computed here from the sample data
 * with the core functions called directly (not through the formula evaluator
 * that fills the cached and frozen values):
 *
 *   expectedKpis(data) → [{ id, row, actual, progress, status }]  (row 0-based)
 */
import type { DemoData } from "../../src/core/generators/demo";
import { KPI_DEFAULT_THRESHOLDS, kpiRows } from "../../src/core/generators/kpi";
import { retention } from "../../src/core/metrics/retention";
import { isOpsError } from "../../src/core/errors";
import { tIn } from "../../src/core/i18n";

export interface ExpectedKpi {
  id: string;
  row: number;
  actual: number;
  progress: number;
  status: string;
}

function allCohortsRetention(data: DemoData, period: "day" | "week"): number {
  const col = (xs: readonly unknown[]) => xs.map((x) => [x]);
  const grid = retention(col(data.activity.userIds), col(data.activity.times), period, [[1]], null, null);
  if (isOpsError(grid)) throw new Error(grid.message);
  const v = grid[grid.length - 1]![2];
  if (typeof v !== "number") throw new Error(`retention ${period}: All row holds ${String(v)}`);
  return v;
}

export function expectedKpis(data: DemoData): ExpectedKpi[] {
  const users = new Set(data.activity.userIds).size;
  const actualOf: Record<string, () => number> = {
    registrations: () => users,
    paymentRate: () => new Set(data.activity.payers).size / users,
    nextDayRetention: () => allCohortsRetention(data, "day"),
    cycleRetention: () => allCohortsRetention(data, "week"),
    activityRate: () => new Set(data.activity.active).size / users,
  };
  const rows = kpiRows(data.plan);
  return data.plan.indicators.map((ind, i) => {
    const compute = actualOf[ind.kind];
    if (!compute) throw new Error(`no expectation for indicator kind ${ind.kind}`);
    const actual = compute();
    const progress = ind.direction === "lower" ? (actual === 0 ? 1 : ind.target / actual) : actual / ind.target;
    const key = progress >= KPI_DEFAULT_THRESHOLDS.onTrack ? "kpiStatusOnTrack" : progress >= KPI_DEFAULT_THRESHOLDS.atRisk ? "kpiStatusAtRisk" : "kpiStatusOffTrack";
    return { id: ind.id, row: rows[i]!.row, actual, progress, status: tIn(data.ctx.locale, key) };
  });
}
