/**
 * A/B driver for OPS.FUNNEL's speed work (not a test): times the funnel in
 * src/core/metrics/funnel against another copy of it (say, the last commit's
 * src copied to /tmp/base/src) in ONE process, calls interleaved, on the
 * bench's rows (scripts/benchData.ts, JSON round-tripped as the bench does),
 * and reports per call the best and median ms, the heap bytes allocated and
 * the garbage collections.
 *
 *   rm -rf /tmp/base && git archive HEAD src | tar -x -C /tmp/base   # (mkdir first)
 *   FUNNEL_BASE=/tmp/base/src/core/metrics/funnel node --expose-gc \
 *     --require ts-node/register/transpile-only scripts/funnelAB.ts random text 10 [segments|plain|both]
 *
 * Without FUNNEL_BASE only the current code is measured. Allocation is the
 * heap growth over one call with a young generation large enough that no
 * scavenge runs during it (run with --min-semi-space-size=256
 * --max-semi-space-size=256 for exact figures; otherwise GCs are counted and
 * the figure is a lower bound). FUNNEL_GC=0 skips the full GC forced before
 * each call.
 */
import "../test/setup/customFunctionsShim";
import { PerformanceObserver } from "node:perf_hooks";
import { funnel as current } from "../src/core/metrics/funnel";
import { syntheticEvents, FUNNEL_STEPS } from "./benchData";
import * as simple from "./benchSql";

type Funnel = typeof current;
const [order = "random", ids = "text", roundsText = "10", which = "both", sizeText = "1000000"] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

let data = syntheticEvents(Number(sizeText), 42);
data = simple.withIds(data, ids as simple.IdKind);
data = order === "user" ? data : order === "time" ? simple.inTimeOrder(data) : simple.inRandomOrder(data);
data = JSON.parse(JSON.stringify(data)) as typeof data;
const steps = FUNNEL_STEPS.map((s) => [s]);

/** FUNNEL_GC=0: no forced full GC before each call (as in the bench, where only external-memory pressure triggers them). */
const forceGc = process.env.FUNNEL_GC !== "0";
let gcCount = 0;
new PerformanceObserver((list) => (gcCount += list.getEntries().length)).observe({ entryTypes: ["gc"] });

interface Stat {
  times: number[];
  heap: number[];
  buffers: number[];
  gcs: number[];
}

async function main(): Promise<void> {
  const variants: [string, Funnel][] = [["new", current]];
  const basePath = process.env.FUNNEL_BASE;
  if (basePath) variants.unshift(["base", ((await import(basePath)) as { funnel: Funnel }).funnel]);
  const calls: [string, (f: Funnel) => unknown][] = [];
  if (which !== "segments") calls.push(["plain", (f) => f(steps, data.userIds, data.events, data.dates, 14, "ordered")]);
  if (which !== "plain") calls.push(["segments", (f) => f(steps, data.userIds, data.events, data.dates, 14, "ordered", data.channels)]);

  // Same results first.
  for (const [name, call] of calls) {
    const results = variants.map(([, f]) => JSON.stringify(call(f)));
    if (results.some((r) => r !== results[0])) throw new Error(`results differ: ${name}`);
  }
  const stats = new Map<string, Stat>();
  for (let round = 0; round < Number(roundsText) + 2; round++) {
    for (const [callName, call] of calls) {
      for (const [variant, f] of variants) {
        if (forceGc) gc!();
        await new Promise((r) => setImmediate(r)); // let the observer count the forced gc
        const gcBefore = gcCount;
        const m0 = process.memoryUsage();
        const t0 = performance.now();
        call(f);
        const ms = performance.now() - t0;
        const m1 = process.memoryUsage();
        await new Promise((r) => setImmediate(r));
        if (round < 2) continue; // warm-up
        const key = `${callName} ${variant}`;
        const s = stats.get(key) ?? { times: [], heap: [], buffers: [], gcs: [] };
        s.times.push(ms);
        s.heap.push(m1.heapUsed - m0.heapUsed);
        s.buffers.push(m1.arrayBuffers - m0.arrayBuffers);
        s.gcs.push(gcCount - gcBefore);
        stats.set(key, s);
      }
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const mb = (x: number): string => (x / 1e6).toFixed(1);
  for (const [key, s] of stats) {
    console.log(
      `${order} ${ids} ${key}: best ${Math.min(...s.times).toFixed(1)} median ${median(s.times).toFixed(1)} ms; ` +
        `heap +${mb(median(s.heap))} MB, buffers +${mb(median(s.buffers))} MB, gcs ${median(s.gcs)}`,
    );
  }
}

void main();
