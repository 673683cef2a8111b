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
import { syntheticEvents, FUNNEL_STEPS } from "./benchData";
import * as simple from "./benchSql";

type Functions = typeof current;
const [which = "retention-week", order = "time", ids = "numeric", roundsText = "9"] = process.argv.slice(2);
const basePath = process.env.AB_BASE;
if (!basePath) throw new Error("set AB_BASE to the other checkout (see the header)");
// A path known only at run time: require, typed as this tree's module (the same exports).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require(`${basePath}/src/functions/implementations`) as Functions;

let data = syntheticEvents(1_000_000, 42);
if (ids === "numeric") data = simple.withNumericIds(data);
data = order === "user" ? data : order === "time" ? simple.inTimeOrder(data) : simple.inRandomOrder(data);
data = JSON.parse(JSON.stringify(data)) as typeof data;
const steps = FUNNEL_STEPS.map((s) => [s]);
const signups = JSON.parse(JSON.stringify(simple.signupsOf(data))) as ReturnType<typeof simple.signupsOf>;
// One month of sign-ups against all the activity: most activity rows are of users outside the list.
const firstSignup = Math.min(...signups.dates.map(([d]) => d!));
const monthRows = signups.dates.map(([d], i) => (d! < firstSignup + 30 ? i : -1)).filter((i) => i >= 0);
const monthIds = monthRows.map((i) => signups.ids[i]!);
const monthDates = monthRows.map((i) => signups.dates[i]!);

function caseOf(f: Functions): () => unknown {
  const cases: Record<string, () => unknown> = {
    "retention-day": () => f.retention(data.userIds, data.dates, "day", [[7]], "classic"),
    "retention-week": () => f.retention(data.userIds, data.dates, "week", [[8]], "unbounded"),
    "retention-start": () => f.retention(data.userIds, data.dates, "day", [[7]], "classic", undefined, signups.ids, signups.dates),
    "retention-start-month": () => f.retention(data.userIds, data.dates, "day", [[7]], "classic", undefined, monthIds, monthDates),
    "retention-start-month-week": () => f.retention(data.userIds, data.dates, "week", [[8]], "unbounded", undefined, monthIds, monthDates),
    funnel: () => f.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered"),
    "funnel-segments": () => f.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered", data.channels),
  };
  const run = cases[which];
  if (!run) throw new Error(`unknown case ${which}: ${Object.keys(cases).join(", ")}`);
  return run;
}

const runBase = caseOf(base);
const runNew = caseOf(current);
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
