/**
 * `npm run bench`: OpsKit against DuckDB on the same deterministic rows, in
 * the same run. OpsKit is called through the same entry points Excel calls
 * (src/functions/functions.ts, 2-D arrays in); DuckDB runs the equivalent SQL
 * definitions from test/oracles over a table loaded beforehand (load time is
 * not counted; query time is). Each figure is the median of several runs.
 * A script, not a test: timings on shared machines are noisy.
 *
 * Inputs reach OpsKit the way we expect Excel to deliver a range to a custom
 * function: parsed from a JSON message (not checked in a real Excel). That
 * matters: V8's JSON parser gives equal strings one shared object, and the
 * id interning is tuned for that layout.
 * Two row orders are timed: rows grouped by user, and rows in time order (an
 * event log as most tools export it), which defeats the "same id as the row
 * before" shortcut and is the harder case.
 *
 *   npm run bench                 100k and 1M event rows, TIER on 100k values
 *   npm run bench -- --sizes 100000 --runs 3
 */
import { DuckDBInstance } from "@duckdb/node-api";
import "../test/setup/customFunctionsShim";
import * as fns from "../src/functions/implementations";
import { syntheticEvents, syntheticValues, FUNNEL_STEPS, type EventColumns } from "./benchData";
import { loadEvents as loadRetentionEvents, runRetention, rowsFromColumns, firstN } from "../test/oracles/retentionSql";
import { loadEvents as loadFunnelEvents, runFunnel, funnelRowsFromColumns, windowMsOfDays } from "../test/oracles/funnelSql";
import { loadValuesSql, tierSql } from "../test/oracles/tierSql";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (option("--sizes") ?? "100000,1000000").split(",").map(Number);
const runs = Number(option("--runs") ?? 5);

/** Collects garbage when node runs with --expose-gc (npm run bench does), so each engine starts on a quiet heap. */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  collectGarbage();
  await fn(); // warm-up (JIT, DuckDB caches)
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

interface Row { case: string; rows: number; opskitMs: number; duckdbMs: number | null }

const flat = <T>(col: T[][]): T[] => col.map((r) => r[0]!);

/** A range as we expect the custom-functions runtime to hand it over: parsed from JSON. */
const asExcelDelivers = <T>(matrix: T[][]): T[][] => JSON.parse(JSON.stringify(matrix)) as T[][];

/** The same rows sorted by time (stable), as an exported event log is. */
function inTimeOrder(data: EventColumns): EventColumns {
  const order = data.dates.map((_, i) => i).sort((a, b) => data.dates[a]![0]! - data.dates[b]![0]! || a - b);
  const pick = <T>(col: T[][]): T[][] => order.map((i) => col[i]!);
  return { userIds: pick(data.userIds), dates: pick(data.dates), events: pick(data.events), channels: pick(data.channels) };
}

function asDelivered(data: EventColumns): EventColumns {
  return {
    userIds: asExcelDelivers(data.userIds),
    dates: asExcelDelivers(data.dates),
    events: asExcelDelivers(data.events),
    channels: asExcelDelivers(data.channels),
  };
}

async function main(): Promise<void> {
  // `--table N`: the Metrics tab's computed-table path through the fake host (scripts/benchTable.ts).
  if (option("--table")) return console.log(await (await import("./benchTable")).benchTable(Number(option("--table"))));
  const results: Row[] = [];
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();

  for (const size of sizes) {
    for (const order of ["by user", "by time"] as const) {
      // Only this case's rows stay alive: a heap full of other cases' data
      // would make every garbage collection, and so both engines, slower.
      const generated = syntheticEvents(size, 42);
      const data = asDelivered(order === "by user" ? generated : inTimeOrder(generated));
      const label = (name: string): string => `${name} (${order})`;
      const steps = FUNNEL_STEPS.map((s) => [s]);

      // RETENTION, daily cohorts, Day 1..7, classic.
      await loadRetentionEvents(connection, rowsFromColumns(flat(data.userIds), flat(data.dates)));
      const retentionOps = await median(() => fns.retention(data.userIds, data.dates, "day", [[7]], "classic"));
      const retentionDuck = await median(() => runRetention(connection, { period: "day", periods: firstN(7), mode: "classic" }));
      results.push({ case: label("RETENTION day 1..7"), rows: size, opskitMs: retentionOps, duckdbMs: retentionDuck });

      const weekOps = await median(() => fns.retention(data.userIds, data.dates, "week", [[8]], "unbounded"));
      const weekDuck = await median(() => runRetention(connection, { period: "week", periods: firstN(8), mode: "unbounded" }));
      results.push({ case: label("RETENTION week unbounded"), rows: size, opskitMs: weekOps, duckdbMs: weekDuck });

      // FUNNEL, ordered with a 14-day window.
      await loadFunnelEvents(connection, funnelRowsFromColumns(flat(data.userIds), flat(data.events), flat(data.dates)));
      const funnelOps = await median(() => fns.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered"));
      const funnelDuck = await median(() => runFunnel(connection, FUNNEL_STEPS, windowMsOfDays(14)));
      results.push({ case: label("FUNNEL ordered 14d"), rows: size, opskitMs: funnelOps, duckdbMs: funnelDuck });
    }
  }

  // TIER on 100k values.
  const values = asExcelDelivers(syntheticValues(100_000));
  await connection.run(loadValuesSql("tier_values", flat(values)));
  const tierOps = await median(() => fns.tier(values));
  const tierDuck = await median(() => connection.runAndReadAll(tierSql("tier_values", "pareto", [0.5, 0.8, 0.95])));
  results.push({ case: "TIER pareto", rows: 100_000, opskitMs: tierOps, duckdbMs: tierDuck });

  connection.closeSync();

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`\nMedian of ${runs} runs (ms), Node ${process.version}\n`);
  console.log(`${pad("case", 38)}${pad("rows", 10)}${pad("OpsKit", 10)}${pad("DuckDB", 10)}OpsKit/DuckDB`);
  for (const r of results) {
    const ratio = r.duckdbMs ? (r.opskitMs / r.duckdbMs).toFixed(2) : "-";
    console.log(
      `${pad(r.case, 38)}${pad(String(r.rows), 10)}${pad(r.opskitMs.toFixed(1), 10)}${pad(r.duckdbMs?.toFixed(1) ?? "-", 10)}${ratio}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
