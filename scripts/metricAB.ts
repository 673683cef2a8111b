/**
 * One bench case, two versions of the code, in one process (not a test): the
 * working tree against another checkout, calls taking turns (base, new, base,
 * new, …) so the machine's noise hits both alike. On this machine the same
 * call swings up to 2× between processes (which pages the heap gets), so an
 * A/B across processes measures the machine; in one process it measures the
 * code. The results must be equal, or the script stops.
 *
 *   git worktree add /tmp/base HEAD && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   AB_BASE=/tmp/base node --require ts-node/register/transpile-only \
 *     scripts/metricAB.ts retention-week time numeric [rounds=9]
 *
 * Cases: retention-day, retention-week, retention-start, retention-start-month
 * (one month of sign-ups against all activity), retention-start-month-week,
 * funnel, funnel-segments;
 * orders: user, time, random; ids: text, numeric.
 */
import "../test/setup/customFunctionsShim";
import * as current from "../src/functions/implementations";
import { caseCall, caseData, type Functions } from "./benchCases";

const [which = "retention-week", order = "time", ids = "numeric", roundsText = "9"] = process.argv.slice(2);
const basePath = process.env.AB_BASE;
if (!basePath) throw new Error("set AB_BASE to the other checkout (see the header)");
// A path known only at run time: require, typed as this tree's module (the same exports).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require(`${basePath}/src/functions/implementations`) as Functions;

const rows = caseData(order, ids);
const runBase = caseCall(base, rows, which);
const runNew = caseCall(current, rows, which);
if (JSON.stringify(runBase()) !== JSON.stringify(runNew())) throw new Error("the two versions give different results");
for (let i = 0; i < 3; i++) {
  runBase();
  runNew();
}
const elapsed = (run: () => unknown): number => {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
};
const baseTimes: number[] = [];
const newTimes: number[] = [];
for (let r = 0; r < Number(roundsText); r++) {
  baseTimes.push(elapsed(runBase));
  newTimes.push(elapsed(runNew));
}
const summary = (times: number[]): string => {
  const sorted = [...times].sort((a, b) => a - b);
  return `best ${sorted[0]!.toFixed(1)} median ${sorted[sorted.length >> 1]!.toFixed(1)} ms`;
};
console.log(`${which} ${order} ${ids}: base ${summary(baseTimes)} | new ${summary(newTimes)}`);
