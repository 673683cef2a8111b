/**
 * `npm run bench -- --processes 3 [other bench options]`: the same bench in
 * N fresh processes, one after another, then one table over all of them.
 *
 * Why: on this machine the same call, on the same rows, runs at one speed in
 * one process and at up to twice that in another (RETENTION day 1..7 on 1M
 * random-order text ids: 66-78 ms in some processes, 119-190 ms in others,
 * for all of a process's calls; the interning loop alone 50-65 against
 * 74-94 ms, so it is random memory access, which pages the process got, not
 * the code). One process's best-of-5 then decides a ratio by a coin toss.
 * Both engines run in every process, so each process gives one ratio; the
 * table shows each engine's best over all processes, their ratio, and the
 * spread of the per-process ratios.
 */
import { spawnSync } from "node:child_process";

/** One case as a child bench prints it (`--json`). */
export interface CaseResult {
  case: string;
  rows: number;
  opskit: { best: number; median: number };
  duckdb: { best: number; median: number } | null;
}

/** Runs scripts/bench.ts with `args` plus --json in `count` fresh processes and prints the combined table. */
export function benchProcesses(count: number, args: readonly string[]): void {
  const runs: CaseResult[][] = [];
  for (let p = 0; p < count; p++) {
    console.error(`process ${p + 1} of ${count}…`);
    runs.push(childRun(args));
  }
  console.log(combinedTable(runs));
}

function childRun(args: readonly string[]): CaseResult[] {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--require", "ts-node/register/transpile-only", `${__dirname}/bench.ts`, ...args, "--json"],
    { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) throw new Error(`a bench process failed (exit ${child.status})`);
  const lastLine = child.stdout.trim().split("\n").pop() ?? "[]";
  return JSON.parse(lastLine) as CaseResult[];
}

/** Per case: each engine's best over every process, the ratio of those, and the per-process ratios (min, median, max). */
export function combinedTable(runs: readonly CaseResult[][]): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const lines = [
    `\n${runs.length} processes; best = the best run of any process (ms); ratio = OpsKit best / DuckDB best; per process = min / median / max of each process's own ratio\n`,
    `${pad("case", 54)}${pad("rows", 9)}${pad("OpsKit", 9)}${pad("DuckDB", 9)}${pad("ratio", 8)}per process`,
  ];
  for (const first of runs[0] ?? []) {
    const same = runs.map((r) => r.find((c) => c.case === first.case && c.rows === first.rows)).filter((c): c is CaseResult => c !== undefined);
    const opskit = Math.min(...same.map((c) => c.opskit.best));
    const duck = same.every((c) => c.duckdb) ? Math.min(...same.map((c) => c.duckdb!.best)) : null;
    const ratios = duck === null ? [] : same.map((c) => c.opskit.best / c.duckdb!.best).sort((a, b) => a - b);
    const spread = ratios.length ? `${ratios[0]!.toFixed(2)} / ${ratios[ratios.length >> 1]!.toFixed(2)} / ${ratios[ratios.length - 1]!.toFixed(2)}` : "-";
    lines.push(
      `${pad(first.case, 54)}${pad(String(first.rows), 9)}${pad(opskit.toFixed(1), 9)}${pad(duck === null ? "-" : duck.toFixed(1), 9)}${pad(duck === null ? "-" : (opskit / duck).toFixed(2), 8)}${spread}`,
    );
  }
  // Issue 15's budget: FUNNEL with segments against the same call without, each at its best over all processes.
  const bestOf = (name: string, rows: number) => Math.min(...runs.flat().filter((c) => c.case === name && c.rows === rows).map((c) => c.opskit.best));
  for (const c of (runs[0] ?? []).filter((x) => x.case.startsWith("FUNNEL ordered 14d, 4 segments"))) {
    const plain = c.case.replace(", 4 segments", "");
    if (runs[0]!.some((x) => x.case === plain)) lines.push(`segments / no segments ${c.case.slice(c.case.indexOf("("))} ${c.rows}: ${(bestOf(c.case, c.rows) / bestOf(plain, c.rows)).toFixed(2)}`);
  }
  return lines.join("\n");
}
