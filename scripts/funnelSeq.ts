/**
 * OPS.FUNNEL timed the way `npm run bench -- --cases funnel` times it, for an
 * A/B in one process (not a test): the six row layouts in the bench's order
 * (by user, by time, random; text, numeric, then opaque ids), each timed as the bench
 * does (a full GC, one warm-up call, then `runs` calls: best and median),
 * plain then with 4 segments; for each layout the variants take turns
 * (base, new, base, new, …) so machine noise hits both alike. The variants
 * are separate copies of the code, so each has its own type feedback, as the
 * bench's single copy does.
 *
 *   FUNNEL_BASE=/tmp/base/src/core/metrics/funnel node --expose-gc \
 *     --require ts-node/register/transpile-only scripts/funnelSeq.ts [runs=3] [turns=2] [orders=user,time,random]
 */
import { funnel as current } from "../src/core/metrics/funnel";
import { syntheticEvents, FUNNEL_STEPS } from "./benchData";
import * as simple from "./benchSql";

type Funnel = typeof current;
const [runsText = "3", turnsText = "2", ordersText = "user,time,random"] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const steps = FUNNEL_STEPS.map((s) => [s]);

function timed(fn: () => unknown): number[] {
  gc!();
  fn();
  const times: number[] = [];
  for (let i = 0; i < Number(runsText); i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

async function main(): Promise<void> {
  const variants: [string, Funnel][] = [["new", current]];
  const basePath = process.env.FUNNEL_BASE;
  if (basePath) variants.unshift(["base", ((await import(basePath)) as { funnel: Funnel }).funnel]);
  for (const order of ordersText.split(",")) {
    for (const ids of ["text", "numeric", "opaque"] as const) {
      let generated = syntheticEvents(1_000_000, 42);
      generated = simple.withIds(generated, ids);
      const ordered = order === "user" ? generated : order === "time" ? simple.inTimeOrder(generated) : simple.inRandomOrder(generated);
      const data = JSON.parse(JSON.stringify(ordered)) as typeof ordered;
      const best = new Map<string, number[]>();
      for (let turn = 0; turn < Number(turnsText); turn++) {
        for (const [name, f] of variants) {
          const plain = timed(() => f(steps, data.userIds, data.events, data.dates, 14, "ordered"));
          const segs = timed(() => f(steps, data.userIds, data.events, data.dates, 14, "ordered", data.channels));
          const b = best.get(name) ?? [Infinity, Infinity];
          best.set(name, [Math.min(b[0]!, ...plain), Math.min(b[1]!, ...segs)]);
        }
      }
      const line = [...best].map(([name, [p, s]]) => `${name} ${p!.toFixed(1)} / seg ${s!.toFixed(1)} (×${(s! / p!).toFixed(2)})`);
      console.log(`${order} ${ids}: ${line.join("; ")}`);
    }
  }
}

void main();
