/**
 * OPS.FUNNEL (order "ordered", with a window) as SQL over
 * events(user_id, event, ts).
 *
 * The same definition as src/core/metrics/funnel.ts: a user reaches step i
 * when some step-1 event at t1 starts a chain of events for steps 1..i with
 * non-decreasing times (events at the same time have no order among
 * themselves, so equal times chain) and the step-i event at most the window
 * after t1. Each user counts once, at the furthest step of any attempt.
 *
 * Portable formulation (no ASOF JOIN): every distinct step-1 time of a user
 * is an attempt; step i of an attempt is the earliest step-i event at or
 * after step i-1 and within the window (a join and MIN per attempt). Taking
 * each step as early as possible is optimal: any valid chain's step-i time
 * is at least the greedy one (by induction), so the attempt reaches step i
 * exactly when this chain does. Cost: each attempt joins the user's events
 * of the next step inside the window, so it grows with attempts × events per
 * window; a warehouse handles that for typical funnels, and the window
 * bound in the join keeps it from being quadratic in a user's whole history.
 *
 * Median days from previous: per user, the attempt used is the earliest one
 * that reaches their furthest step, with each step at its earliest time (the
 * greedy chain); over the users reaching step i, the median of (step-i time -
 * step-(i-1) time), as PERCENTILE_CONT(0.5) in milliseconds ÷ 86,400,000.
 *
 * Step names must be distinct: with a repeated name (a → b → a) each event
 * may fill only one step, which this chain does not model. Orders "strict"
 * and "any" have no SQL form yet.
 */
import { DEFAULT_WINDOW_DAYS } from "../metrics/funnel";
import { MS_PER_DAY, SqlOptionError, TableNames, banner, gapMs, intervalMs, notBlank, ratio, tableNames, textLiteral } from "./dialect";
import { onlyKnown, positiveNumber, textList, word } from "./options";

export interface FunnelSqlOptions {
  /** Step names in funnel order, distinct, e.g. ["browse", "register", "pay"]. */
  steps: readonly string[];
  /** Days allowed from the step-1 event to the last step's (default 14). */
  windowDays?: number;
  /** Only "ordered" (the default) has a SQL form. */
  order?: "ordered";
  tables?: Partial<TableNames>;
}

const KNOWN = ["steps", "windowDays", "order", "tables"];

export function funnelSql(options: FunnelSqlOptions): string {
  onlyKnown(options ?? {}, KNOWN, "funnel");
  const steps = textList(options?.steps, "steps");
  const seen = new Set<string>();
  for (const s of steps) {
    if (seen.has(s)) {
      throw new SqlOptionError(`steps names "${s}" twice; the SQL form needs distinct step names (OPS.FUNNEL in Excel handles repeats)`);
    }
    seen.add(s);
  }
  const windowDays = positiveNumber(options.windowDays, "windowDays", DEFAULT_WINDOW_DAYS);
  const order = word(options.order, "order", ["ordered", "strict", "any"] as const, "ordered");
  if (order !== "ordered") {
    throw new SqlOptionError(`order ${order} has no SQL form yet; only "ordered" does (OPS.FUNNEL in Excel computes every order)`);
  }
  // Rounded to the millisecond like OPS.FUNNEL's window.
  const windowMs = Math.round(windowDays * MS_PER_DAY);
  if (windowMs < 1) throw new SqlOptionError(`windowDays must be at least one millisecond (got ${windowDays})`);
  const { events } = tableNames(options.tables);
  const k = steps.length;
  const lit = steps.map(textLiteral);
  const window = intervalMs(windowMs);

  const head = banner(`OpsKit OPS.FUNNEL: ordered funnel ${steps.join(" → ")}, window ${windowDays} day(s).`, [
    `Input: ${events}(user_id VARCHAR, event VARCHAR, ts TIMESTAMP); rows with a blank user_id or a NULL ts are skipped, other events are ignored.`,
    `Output: one row per step: step, step_name, users (reaching it), conversion_from_previous, conversion_from_first,`,
    `  drop_off (previous users - users), median_days_from_previous; a share whose denominator is 0 is NULL.`,
  ]);

  const ctes: [string, string][] = [
    [
      "ev",
      `SELECT TRIM(user_id) AS user_id, TRIM(event) AS event, ts
  FROM ${events}
  WHERE ${notBlank("user_id")} AND ts IS NOT NULL AND TRIM(event) IN (${lit.join(", ")})`,
    ],
    // Every distinct step-1 time of a user is an attempt.
    ["c1", `SELECT DISTINCT user_id, ts AS t1 FROM ev WHERE event = ${lit[0]}`],
  ];
  for (let i = 2; i <= k; i++) {
    const before = Array.from({ length: i - 1 }, (_, n) => `c.t${n + 1}`).join(", ");
    ctes.push([
      `c${i}`,
      `SELECT c.user_id, ${before}, MIN(e.ts) AS t${i}
  FROM c${i - 1} c JOIN ev e
    ON e.user_id = c.user_id AND e.event = ${lit[i - 1]} AND e.ts >= c.t${i - 1} AND e.ts <= c.t1 + ${window}
  GROUP BY c.user_id, ${before}`,
    ]);
  }
  const nullTime = "CAST(NULL AS TIMESTAMP)";
  const attempts = Array.from({ length: k }, (_, level) => {
    const reach = level + 1;
    const times = Array.from({ length: k }, (_, n) => (n < reach ? `t${n + 1}` : `${nullTime} AS t${n + 1}`));
    return `SELECT user_id, ${reach} AS reach, ${times.join(", ")} FROM c${reach}`;
  });
  const timeColumns = Array.from({ length: k }, (_, n) => `t${n + 1}`);
  ctes.push(
    ["attempts", attempts.join("\n  UNION ALL ")],
    [
      // Per user: the furthest step, then the earliest attempt reaching it.
      "best",
      `SELECT user_id, reach, ${timeColumns.join(", ")} FROM (
    SELECT a.*, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY reach DESC, t1) AS rk FROM attempts a
  ) ranked WHERE rk = 1`,
    ],
    ["steps", lit.map((name, i) => (i === 0 ? `SELECT 1 AS step, ${name} AS name` : `SELECT ${i + 1}, ${name}`)).join(" UNION ALL ")],
    ["reached", "SELECT s.step, s.name, COUNT(b.user_id) AS users FROM steps s LEFT JOIN best b ON b.reach >= s.step GROUP BY s.step, s.name"],
  );
  if (k >= 2) {
    const gaps = Array.from({ length: k - 1 }, (_, n) => {
      const i = n + 2;
      return `SELECT ${i} AS step, ${gapMs(`t${i - 1}`, `t${i}`)} AS gap_ms FROM best WHERE reach >= ${i}`;
    });
    ctes.push(
      ["gaps", gaps.join("\n  UNION ALL ")],
      ["medians", "SELECT step, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY gap_ms) AS median_ms FROM gaps GROUP BY step"],
    );
  }
  ctes.push([
    "funnel",
    `SELECT r.step, r.name, r.users,
         COALESCE(LAG(r.users) OVER (ORDER BY r.step), r.users) AS previous,
         FIRST_VALUE(r.users) OVER (ORDER BY r.step) AS first_users,
         ${k >= 2 ? "m.median_ms" : "CAST(NULL AS DOUBLE PRECISION)"} AS median_ms
  FROM reached r${k >= 2 ? " LEFT JOIN medians m ON m.step = r.step" : ""}`,
  ]);

  const select = `SELECT step, name AS step_name, users,
  ${ratio("users", "previous")} AS conversion_from_previous,
  ${ratio("users", "first_users")} AS conversion_from_first,
  previous - users AS drop_off,
  CAST(median_ms AS DOUBLE PRECISION) / ${MS_PER_DAY} AS median_days_from_previous
FROM funnel
ORDER BY step`;
  return `${head}\nWITH ${ctes.map(([name, body]) => `${name} AS (\n  ${body}\n)`).join(",\n")}\n${select}\n`;
}
