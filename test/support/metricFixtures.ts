/**
 * Fixtures the Metrics specs share: a small RETENTION result (place and
 * writer specs) and event columns for the in-memory workbook (pane specs).
 */
import type { MetricResult } from "../../src/core/presentation";
import type { CellValue } from "../../src/core/tablespec/types";

/** Two cohorts and All, with one share not yet elapsed (""). */
export const smallRetention: MetricResult = {
  metric: "retention",
  period: "day",
  grid: [
    ["Cohort", "Users", "Day 1", "Day 2"],
    [46024, 10, 0.5, 0.2],
    [46025, 8, 0.25, ""],
    ["All", 18, 0.3889, 0.2],
  ],
};

/**
 * n event rows as four columns (user, date serial, event, channel): 300 users
 * over 21 start days, a week apart per round, the four funnel steps in turn.
 */
export function eventColumns(n: number): CellValue[][] {
  const cols: CellValue[][] = [[], [], [], []];
  for (let i = 0; i < n; i++) {
    const user = i % 300;
    cols[0]!.push(`u${user}`);
    cols[1]!.push(46024 + (user % 21) + Math.floor(i / 300) * 7);
    cols[2]!.push(["browse", "register", "try", "pay"][Math.floor(i / 300) % 4]!);
    cols[3]!.push(user % 2 ? "ads" : "search");
  }
  return cols;
}
