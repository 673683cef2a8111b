/**
 * OPS.FUNNEL (order "ordered", with a window) as SQL over
 * events(user_id, event, ts).
 *
 * The same definition as src/core/metrics/funnel/ (docs/functions/funnel.md): a user reaches step i
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
 * With `segments` (a column of events): a Segment column, one block of
 * steps per segment, then the All block (segment NULL). A user's segment is
 * the one on their earliest step-1 event (first touch). Excel breaks ties
 * (two step-1 rows at the same time) and orders segments by row order; a
 * table has no row order, so give `rowOrder`, a column that sorts rows as
 * they were logged. Without it, ties go to the alphabetically first segment
 * and segments are ordered by their earliest attribution time (then name).
 *
 * Step names must be distinct: with a repeated name (a → b → a) each event
 * may fill only one step, which this chain does not model. Orders "strict"
 * and "any" have no SQL form yet.
 */
import { DEFAULT_WINDOW_DAYS } from "../metrics/funnel";
import { t } from "../i18n";
import { MS_PER_DAY, SqlOptionError, TableNames, banner, firstRowPerUser, gapMs, identifier, intervalMs, notBlank, ratio, tableNames, textLiteral } from "./dialect";
import { onlyKnown, positiveNumber, textList, word } from "./options";

export interface FunnelSqlOptions {
  /** Step names in funnel order, distinct, e.g. ["browse", "register", "pay"]. */
  steps: readonly string[];
  /** Days allowed from the step-1 event to the last step's (default 14). */
  windowDays?: number;
  /** Only "ordered" (the default) has a SQL form. */
  order?: "ordered";
  /** Breakdown by segment (first touch): true for the column `segment`, or the segment column's name. */
  segments?: boolean | string;
  /** A column giving the rows' logged order, to break ties as Excel's row order does (segments only). */
  rowOrder?: string;
  tables?: Partial<TableNames>;
}

const KNOWN = ["steps", "windowDays", "order", "segments", "rowOrder", "tables"];

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
  const segment = segmentColumn(options.segments);
  if (options.rowOrder !== undefined && segment === null) throw new SqlOptionError("rowOrder only applies with segments");
  const rowOrder = options.rowOrder === undefined ? null : identifier(options.rowOrder, "rowOrder");
  const k = steps.length;
  const lit = steps.map(textLiteral);
  const window = intervalMs(windowMs);

  const blankLabel = t("blankSegment");
  const head = banner(`OpsKit OPS.FUNNEL: ordered funnel ${steps.join(" → ")}, window ${windowDays} day(s)${segment ? ", by segment (first touch)" : ""}.`, [
    `Input: ${events}(user_id VARCHAR, event VARCHAR, ts TIMESTAMP${segment ? `, ${segment} VARCHAR` : ""}${rowOrder ? `, ${rowOrder}` : ""}); rows with a blank user_id or a NULL ts are skipped, other events are ignored.`,
    `Output: ${segment ? "per segment, then for All (segment NULL), " : ""}one row per step: ${segment ? "segment, " : ""}step, step_name, users (reaching it), conversion_from_previous, conversion_from_first,`,
    `  drop_off (previous users - users), median_days_from_previous; a share whose denominator is 0 is NULL.`,
    ...(segment
      ? [`  A user's segment is the one on their earliest step-1 event ('${blankLabel.replace(/'/g, "''")}' for a blank one); segments in order of their first such event.`]
      : []),
  ]);

  const ctes: [string, string][] = [
    [
      "ev",
      `SELECT TRIM(user_id) AS user_id, TRIM(event) AS event, ts${segment ? `, COALESCE(TRIM(${segment}), '') AS seg` : ""}${rowOrder ? `, ${rowOrder} AS rn` : ""}
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
  );
  if (segment) {
    ctes.push(
      // First touch: the segment on each user's earliest step-1 event.
      ["first_touch", firstRowPerUser(`ev WHERE event = ${lit[0]}`, rowOrder !== null)],
      [
        "grps",
        `SELECT 0 AS is_all, seg AS grp, ${rowOrder ? "MIN(rn)" : "ROW_NUMBER() OVER (ORDER BY MIN(ts), seg)"} AS ord FROM first_touch GROUP BY seg
  UNION ALL SELECT 1, '', 0`,
      ],
      [
        // Each user twice: in their segment and in All.
        "scoped",
        `SELECT 0 AS is_all, f.seg AS grp, b.* FROM best b JOIN first_touch f ON f.user_id = b.user_id
  UNION ALL SELECT 1, '', b.* FROM best b`,
      ],
    );
  } else {
    ctes.push(["grps", "SELECT 0 AS is_all, '' AS grp, 0 AS ord"], ["scoped", "SELECT 0 AS is_all, '' AS grp, b.* FROM best b"]);
  }
  const scope = "g.is_all, g.grp";
  ctes.push([
    "reached",
    `SELECT ${scope}, g.ord, s.step, s.name, COUNT(b.user_id) AS users
  FROM grps g CROSS JOIN steps s LEFT JOIN scoped b ON b.is_all = g.is_all AND b.grp = g.grp AND b.reach >= s.step
  GROUP BY ${scope}, g.ord, s.step, s.name`,
  ]);
  if (k >= 2) {
    const gaps = Array.from({ length: k - 1 }, (_, n) => {
      const i = n + 2;
      return `SELECT is_all, grp, ${i} AS step, ${gapMs(`t${i - 1}`, `t${i}`)} AS gap_ms FROM scoped WHERE reach >= ${i}`;
    });
    ctes.push(
      ["gaps", gaps.join("\n  UNION ALL ")],
      [
        "medians",
        "SELECT is_all, grp, step, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY gap_ms) AS median_ms FROM gaps GROUP BY is_all, grp, step",
      ],
    );
  }
  const within = "PARTITION BY r.is_all, r.grp ORDER BY r.step";
  ctes.push([
    "funnel",
    `SELECT r.is_all, r.grp, r.ord, r.step, r.name, r.users,
         COALESCE(LAG(r.users) OVER (${within}), r.users) AS previous,
         FIRST_VALUE(r.users) OVER (${within}) AS first_users,
         ${k >= 2 ? "m.median_ms" : "CAST(NULL AS DOUBLE PRECISION)"} AS median_ms
  FROM reached r${k >= 2 ? " LEFT JOIN medians m ON m.is_all = r.is_all AND m.grp = r.grp AND m.step = r.step" : ""}`,
  ]);

  const segmentSelect = segment
    ? `CASE WHEN is_all = 1 THEN NULL WHEN grp = '' THEN ${textLiteral(blankLabel)} ELSE grp END AS segment, `
    : "";
  const select = `SELECT ${segmentSelect}step, name AS step_name, users,
  ${ratio("users", "previous")} AS conversion_from_previous,
  ${ratio("users", "first_users")} AS conversion_from_first,
  previous - users AS drop_off,
  CAST(median_ms AS DOUBLE PRECISION) / ${MS_PER_DAY} AS median_days_from_previous
FROM funnel
ORDER BY is_all, ord, step`;
  return `${head}\nWITH ${ctes.map(([name, body]) => `${name} AS (\n  ${body}\n)`).join(",\n")}\n${select}\n`;
}

function segmentColumn(value: unknown): string | null {
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return "segment";
  return identifier(value, "segments");
}
