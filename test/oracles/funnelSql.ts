/**
 * OPS.FUNNEL (order "ordered", with a window) written as SQL for DuckDB: an
 * independent reference for the cross-check test and the bench.
 *
 *   (a) funnelSql(steps, windowMs)          the query over
 *                                           funnel_events(user_id VARCHAR, event VARCHAR, ts BIGINT)  -- ts in ms
 *   (b) loadEvents(connection, rows)        creates and fills funnel_events (Appender + data chunks)
 *   (c) runFunnel(connection, steps, w)     runs (a): users reaching each step
 *
 * Loading is separate from the query so the bench can time the query alone.
 * The table is not called `events` so it can sit next to the retention
 * oracle's table in one connection.
 *
 * The definition, for distinct step names s1..sk: a user reaches step i when
 * some step-1 event at t0 starts a chain of events for s1..si with
 * non-decreasing times (same-time events have no order, so equal times are
 * allowed; distinct names make the events distinct, so each event fills one
 * step) and the step-i event at most `windowMs` after t0.
 *
 * Why the query is a chain of ASOF joins: for a fixed start t0, taking each
 * step at the earliest time ≥ the previous step's time is optimal (any valid
 * chain's step-i time is ≥ the greedy one, by induction), so "reaches step i
 * from t0" ⇔ the greedy step-i time is ≤ t0 + window. `ASOF JOIN … ON
 * c.t <= e.ts` is exactly "the earliest e.ts ≥ c.t". Trying every distinct
 * step-1 time as t0 covers every attempt, and a user counts at step i when
 * any attempt reaches it, i.e. count(DISTINCT user_id) of the level-i chains.
 *
 * Repeated step names (a→b→a) need "each event fills one step" explicitly,
 * which this chain does not model: funnelSql refuses them (the property
 * tests cover them against a brute-force reference instead).
 */
import { BIGINT, DuckDBConnection, DuckDBDataChunk, VARCHAR } from "@duckdb/node-api";
import { parseIsoSerial } from "../../src/core/dates";
import { cellText, isBlankCell } from "./cells";

export const FUNNEL_TABLE = "funnel_events";

/** One usable event row: trimmed user id, trimmed event name, time in integer ms (or the row index without times). */
export type FunnelEventRow = readonly [userId: string, event: string, ts: number];

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * (a) The query: one row per step, (step INTEGER, users BIGINT), ordered.
 * `windowMs` null means no window (data without times).
 */
export function funnelSql(steps: readonly string[], windowMs: number | null, table = FUNNEL_TABLE): string {
  if (steps.length === 0) throw new Error("funnelSql: no steps");
  if (new Set(steps).size !== steps.length) throw new Error("funnelSql: step names must be distinct");
  if (windowMs !== null && !(Number.isInteger(windowMs) && windowMs >= 0)) throw new Error("funnelSql: bad window");
  const inWindow = (level: string) => (windowMs === null ? "" : ` WHERE ${level}.t - c.t0 <= ${windowMs}`);

  const ctes: string[] = [
    `ev AS (SELECT user_id, event, ts FROM ${table} WHERE event IN (${steps.map(literal).join(", ")}))`,
    // Every distinct step-1 time of a user is an attempt.
    `c1 AS (SELECT DISTINCT user_id, ts AS t0, ts AS t FROM ev WHERE event = ${literal(steps[0]!)})`,
  ];
  for (let i = 2; i <= steps.length; i++) {
    ctes.push(`e${i} AS (SELECT user_id, ts AS t FROM ev WHERE event = ${literal(steps[i - 1]!)})`);
    // The earliest step-i event at or after the step-(i-1) time, kept when within the window of t0.
    ctes.push(
      `c${i} AS (SELECT c.user_id, c.t0, e${i}.t FROM c${i - 1} c ` +
        `ASOF JOIN e${i} ON c.user_id = e${i}.user_id AND c.t <= e${i}.t${inWindow(`e${i}`)})`,
    );
  }
  const counts = steps.map((_, j) => `SELECT ${j + 1} AS step, count(DISTINCT user_id) AS users FROM c${j + 1}`);
  return `WITH ${ctes.join(",\n")}\n${counts.join("\nUNION ALL ")}\nORDER BY step`;
}

const CHUNK_ROWS = 2048;

/** (b) Creates the events table and fills it, a data chunk of 2048 rows at a time. */
export async function loadEvents(
  connection: DuckDBConnection,
  rows: readonly FunnelEventRow[],
  table = FUNNEL_TABLE,
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${table}(user_id VARCHAR, event VARCHAR, ts BIGINT)`);
  const appender = await connection.createAppender(table);
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    const ids: string[] = [];
    const events: string[] = [];
    const ts: bigint[] = [];
    for (let r = start; r < end; r++) {
      const row = rows[r]!;
      ids.push(row[0]);
      events.push(row[1]);
      ts.push(BigInt(row[2]));
    }
    const chunk = DuckDBDataChunk.create([VARCHAR, VARCHAR, BIGINT], end - start);
    chunk.setColumns([ids, events, ts]);
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

/** (c) Users reaching each step (index 0 = step 1), over the loaded table. */
export async function runFunnel(
  connection: DuckDBConnection,
  steps: readonly string[],
  windowMs: number | null,
  table = FUNNEL_TABLE,
): Promise<number[]> {
  const reader = await connection.runAndReadAll(funnelSql(steps, windowMs, table));
  return reader.getRowsJS().map((row) => Number(row[1]));
}

/**
 * Excel-shaped columns (as funnel() receives them) → usable rows: skips rows
 * whose id, event or (with times) time is blank (null, "", spaces, 0), trims
 * ids and events, reads numbers and ISO text times as integer ms. Without
 * times the row index is the time (row order is time order). Other times
 * throw (the oracle has no #VALUE!).
 */
export function funnelRowsFromColumns(
  ids: readonly unknown[],
  events: readonly unknown[],
  times?: readonly unknown[] | null,
): FunnelEventRow[] {
  const out: FunnelEventRow[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const event = events[i];
    if (isBlankCell(id) || isBlankCell(event)) continue;
    let ts = i;
    if (times) {
      const cell = times[i];
      if (isBlankCell(cell)) continue;
      const serial = typeof cell === "number" ? cell : parseIsoSerial(String(cell));
      if (!(serial >= 1)) throw new Error(`row ${i + 1}: not a time`);
      ts = Math.round(serial * 86_400_000);
    }
    out.push([cellText(id), cellText(event), ts]);
  }
  return out;
}

/** A window in days as the integer ms funnel() compares with. */
export function windowMsOfDays(days: number): number {
  return Math.round(days * 86_400_000);
}
