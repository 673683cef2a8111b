/**
 * `npm run bench`: OpsKit against DuckDB on the same deterministic rows, in
 * the same run. OpsKit is called through the function bodies Excel's entry
 * forwards to (src/functions/implementations.ts, 2-D arrays in). DuckDB runs,
 * over a table loaded beforehand (load time is not counted; query time is),
 * the simplest correct query for each RETENTION case (scripts/benchSql.ts:
 * SELECT DISTINCT user_id, day → first day per user → join → count; a BIGINT
 * id column when the ids are numbers), the oracle's ASOF chain for FUNNEL
 * (test/oracles/funnelSql.ts) and the oracle for TIER. Each figure is the
 * best (and the median) of several runs after a warm-up.
 * A script, not a test: timings on shared machines are noisy.
 *
 * Inputs reach OpsKit the way we expect Excel to deliver a range to a custom
 * function: parsed from a JSON message (not checked in a real Excel). That
 * matters: V8's JSON parser gives equal strings one shared object, and the
 * id interning is tuned for that layout.
 * Three row orders are timed: rows grouped by user, rows in time order (an
 * event log as most tools export it, which defeats the "same id as the row
 * before" shortcut) and rows in random order (an unsorted export, a query
 * without ORDER BY); each with text ids (u0000123) and with whole-number ids
 * (Excel delivers numbers as numbers). The two forms of issue 15 are timed
 * too: FUNNEL with 4 segments, RETENTION from a start list (sign-ups).
 *
 *   npm run bench                 100k and 1M event rows, TIER on 100k values
 *   npm run bench -- --sizes 100000 --runs 3
 *   npm run bench -- --sizes 1000000 --orders random --ids numeric
 *   npm run bench -- --sizes 1000000 --cases "retention week,funnel"
 *   npm run bench -- --sizes 1000000 --processes 3   the same in 3 fresh processes, one table
 */
import { DuckDBInstance } from "@duckdb/node-api";
import "../test/setup/customFunctionsShim";
import * as fns from "../src/functions/implementations";
import { syntheticEvents, syntheticValues, FUNNEL_STEPS, type EventColumns } from "./benchData";
import { funnelSql as funnelOracleSql, windowMsOfDays } from "../test/oracles/funnelSql";
import * as simple from "./benchSql";
import { loadValuesSql, tierSql } from "../test/oracles/tierSql";
import type { CaseResult } from "./benchProcesses";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function withoutOption(args: readonly string[], name: string): string[] {
  const i = args.indexOf(name);
  return i < 0 ? [...args] : [...args.slice(0, i), ...args.slice(i + 2)];
}

const sizes = (option("--sizes") ?? "100000,1000000").split(",").map(Number);
const runs = Number(option("--runs") ?? 5);
const orders = (option("--orders") ?? "by user,by time,random").split(",").map((o) => (o === "user" ? "by user" : o === "time" ? "by time" : o)) as simple.RowOrder[];
const idKinds = (option("--ids") ?? "text,numeric,opaque").split(",") as simple.IdKind[];
/** `--cases retention,funnel`: only cases whose name starts with one of these words (case-insensitive). */
const caseFilter = option("--cases")?.toLowerCase().split(",");
const wanted = (name: string): boolean => !caseFilter || caseFilter.some((c) => name.toLowerCase().startsWith(c));

/** Collects garbage when node runs with --expose-gc (npm run bench does), so each engine starts on a quiet heap. */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Best and median of `runs` timed calls after one warm-up (JIT, DuckDB caches). */
async function timed(fn: () => unknown | Promise<unknown>): Promise<{ best: number; median: number }> {
  const times: number[] = [];
  collectGarbage();
  await fn();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]! };
}

type Row = CaseResult;

const flat = <T>(col: T[][]): T[] => col.map((r) => r[0]!);

/** A range as we expect the custom-functions runtime to hand it over: parsed from JSON. */
const asExcelDelivers = <T>(matrix: T[][]): T[][] => JSON.parse(JSON.stringify(matrix)) as T[][];

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
  // `--processes N`: this bench in N fresh processes, one table over all (scripts/benchProcesses.ts says why).
  const processes = option("--processes");
  if (processes) return (await import("./benchProcesses")).benchProcesses(Number(processes), withoutOption(process.argv.slice(2), "--processes"));
  const results: Row[] = [];
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();

  const steps = FUNNEL_STEPS.map((s) => [s]);
  const query = (sql: string) => () => connection.runAndReadAll(sql);
  for (const size of sizes) {
    for (const order of orders) {
      for (const ids of idKinds) {
        // Only this case's rows stay alive: a heap full of other cases' data
        // would make every garbage collection, and so both engines, slower.
        let generated = syntheticEvents(size, 42);
        generated = simple.withIds(generated, ids);
        const ordered = order === "by user" ? generated : order === "by time" ? simple.inTimeOrder(generated) : simple.inRandomOrder(generated);
        const data = asDelivered(ordered);
        const label = (name: string): string => `${name} (${order}, ${ids})`;
        const add = async (name: string, ops: () => unknown, duck: (() => Promise<unknown>) | null) => {
          if (wanted(name)) results.push({ case: label(name), rows: size, opskit: await timed(ops), duckdb: duck ? await timed(duck) : null });
        };

        await simple.loadDays(connection, "bench_days", data.userIds, data.dates, ids);
        await add("RETENTION day 1..7", () => fns.retention(data.userIds, data.dates, "day", [[7]], "classic"), query(simple.retentionDaySql("bench_days", 7)));
        await add("RETENTION week unbounded", () => fns.retention(data.userIds, data.dates, "week", [[8]], "unbounded"), query(simple.retentionWeekUnboundedSql("bench_days", 8)));

        // RETENTION from a start list (sign-ups, one row per user plus 5% who never come back).
        const list = simple.signupsOf(ordered);
        const signups = asDelivered({ userIds: list.ids as string[][], dates: list.dates, events: [], channels: [] });
        await simple.loadDays(connection, "bench_signups", signups.userIds, signups.dates, ids);
        await add(
          "RETENTION day 1..7, start list",
          () => fns.retention(data.userIds, data.dates, "day", [[7]], "classic", undefined, signups.userIds, signups.dates),
          query(simple.retentionStartSql("bench_signups", "bench_days", 7)),
        );

        // FUNNEL, ordered with a 14-day window; then by 4 segments (first touch).
        await simple.loadFunnelRows(connection, "bench_funnel", data, ids);
        await add("FUNNEL ordered 14d", () => fns.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered"), query(funnelOracleSql(FUNNEL_STEPS, windowMsOfDays(14), "bench_funnel")));
        await add(
          "FUNNEL ordered 14d, 4 segments",
          () => fns.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered", data.channels),
          query(simple.funnelSegmentsSql("bench_funnel", FUNNEL_STEPS, windowMsOfDays(14))),
        );
      }
    }
  }

  // TIER on 100k values.
  if (wanted("TIER pareto")) {
    const values = asExcelDelivers(syntheticValues(100_000));
    await connection.run(loadValuesSql("tier_values", flat(values)));
    results.push({
      case: "TIER pareto",
      rows: 100_000,
      opskit: await timed(() => fns.tier(values)),
      duckdb: await timed(() => connection.runAndReadAll(tierSql("tier_values", "pareto", [0.5, 0.8, 0.95]))),
    });
  }

  connection.closeSync();
  // `--json`: one line for scripts/benchProcesses.ts to combine.
  if (process.argv.includes("--json")) return console.log(JSON.stringify(results));

  const pad = (s: string, n: number) => s.padEnd(n);
  const ms = (x: number | undefined) => (x === undefined ? "-" : x.toFixed(1));
  console.log(`\nBest and median of ${runs} runs (ms), Node ${process.version}; ratio = OpsKit best / DuckDB best\n`);
  console.log(`${pad("case", 54)}${pad("rows", 9)}${pad("OpsKit", 9)}${pad("(med)", 9)}${pad("DuckDB", 9)}${pad("(med)", 9)}ratio`);
  for (const r of results) {
    const ratio = r.duckdb ? (r.opskit.best / r.duckdb.best).toFixed(2) : "-";
    console.log(
      `${pad(r.case, 54)}${pad(String(r.rows), 9)}${pad(ms(r.opskit.best), 9)}${pad(ms(r.opskit.median), 9)}${pad(ms(r.duckdb?.best), 9)}${pad(ms(r.duckdb?.median), 9)}${ratio}`,
    );
  }
  // The 1.2× budget of issue 15: FUNNEL with segments against the same call without.
  for (const r of results.filter((x) => x.case.startsWith("FUNNEL ordered 14d, 4 segments"))) {
    const plain = results.find((x) => x.rows === r.rows && x.case === r.case.replace(", 4 segments", ""));
    if (plain) console.log(`segments / no segments ${r.case.slice(r.case.indexOf("("))} ${r.rows}: ${(r.opskit.best / plain.opskit.best).toFixed(2)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
