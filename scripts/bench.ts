/**
 * `npm run bench`: OpsKit against DuckDB on the same deterministic rows, in
 * the same run. OpsKit is called through the same entry points Excel calls
 * (src/functions/functions.ts, 2-D arrays in); DuckDB runs the equivalent SQL
 * definitions from test/oracles over a table loaded beforehand (load time is
 * not counted; query time is). Each figure is the median of several runs.
 * A script, not a test: timings on shared machines are noisy.
 *
 *   npm run bench                 100k and 1M event rows, TIER on 100k values
 *   npm run bench -- --sizes 100000 --runs 3
 */
import { DuckDBInstance } from "@duckdb/node-api";
import "../test/setup/customFunctionsShim";
import * as fns from "../src/functions/functions";
import { syntheticEvents, syntheticValues, FUNNEL_STEPS } from "./benchData";
import { loadEvents as loadRetentionEvents, runRetention, rowsFromColumns, firstN } from "../test/oracles/retentionSql";
import { loadEvents as loadFunnelEvents, runFunnel, funnelRowsFromColumns, windowMsOfDays } from "../test/oracles/funnelSql";
import { loadValuesSql, tierSql } from "../test/oracles/tierSql";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (option("--sizes") ?? "100000,1000000").split(",").map(Number);
const runs = Number(option("--runs") ?? 5);

async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
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

async function main(): Promise<void> {
  const results: Row[] = [];
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();

  for (const size of sizes) {
    const data = syntheticEvents(size, 42);
    const steps = FUNNEL_STEPS.map((s) => [s]);

    // RETENTION, daily cohorts, Day 1..7, classic.
    await loadRetentionEvents(connection, rowsFromColumns(flat(data.userIds), flat(data.dates)));
    const retentionOps = await median(() => fns.retention(data.userIds, data.dates, "day", [[7]], "classic"));
    const retentionDuck = await median(() => runRetention(connection, { period: "day", periods: firstN(7), mode: "classic" }));
    results.push({ case: "RETENTION day 1..7", rows: size, opskitMs: retentionOps, duckdbMs: retentionDuck });

    const weekOps = await median(() => fns.retention(data.userIds, data.dates, "week", [[8]], "unbounded"));
    const weekDuck = await median(() => runRetention(connection, { period: "week", periods: firstN(8), mode: "unbounded" }));
    results.push({ case: "RETENTION week 1..8 unbounded", rows: size, opskitMs: weekOps, duckdbMs: weekDuck });

    // FUNNEL, ordered with a 14-day window.
    await loadFunnelEvents(connection, funnelRowsFromColumns(flat(data.userIds), flat(data.events), flat(data.dates)));
    const funnelOps = await median(() => fns.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered"));
    const funnelDuck = await median(() => runFunnel(connection, FUNNEL_STEPS, windowMsOfDays(14)));
    results.push({ case: "FUNNEL ordered, 14-day window", rows: size, opskitMs: funnelOps, duckdbMs: funnelDuck });
  }

  // TIER on 100k values.
  const values = syntheticValues(100_000);
  await connection.run(loadValuesSql("tier_values", flat(values)));
  const tierOps = await median(() => fns.tier(values));
  const tierDuck = await median(() => connection.runAndReadAll(tierSql("tier_values", "pareto", [0.5, 0.8, 0.95])));
  results.push({ case: "TIER pareto", rows: 100_000, opskitMs: tierOps, duckdbMs: tierDuck });

  connection.closeSync();

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`\nMedian of ${runs} runs (ms), Node ${process.version}\n`);
  console.log(`${pad("case", 32)}${pad("rows", 10)}${pad("OpsKit", 10)}${pad("DuckDB", 10)}OpsKit/DuckDB`);
  for (const r of results) {
    const ratio = r.duckdbMs ? (r.opskitMs / r.duckdbMs).toFixed(2) : "-";
    console.log(
      `${pad(r.case, 32)}${pad(String(r.rows), 10)}${pad(r.opskitMs.toFixed(1), 10)}${pad(r.duckdbMs?.toFixed(1) ?? "-", 10)}${ratio}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
