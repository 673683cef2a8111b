/**
 * A small driver for profiling one bench case in plain Node (not a test):
 *
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --require ts-node/register/transpile-only \
 *     scripts/benchProfile.ts retention-week random numeric 20
 *
 * Builds the bench's rows (scripts/benchData.ts, the same order and id kind,
 * JSON round-tripped as the bench does), warms up, then calls the function
 * `calls` times and prints the best and median ms.
 */
import "../test/setup/customFunctionsShim";
import * as fns from "../src/functions/implementations";
import { syntheticEvents, FUNNEL_STEPS } from "./benchData";
import * as simple from "./benchSql";

const [which = "retention-week", order = "random", ids = "numeric", callsText = "20", sizeText = "1000000"] = process.argv.slice(2);
let data = syntheticEvents(Number(sizeText), 42);
if (ids === "numeric") data = simple.withNumericIds(data);
data = order === "user" ? data : order === "time" ? simple.inTimeOrder(data) : simple.inRandomOrder(data);
data = JSON.parse(JSON.stringify(data)) as typeof data;
const steps = FUNNEL_STEPS.map((s) => [s]);
const signups = JSON.parse(JSON.stringify(simple.signupsOf(data))) as ReturnType<typeof simple.signupsOf>;

const cases: Record<string, () => unknown> = {
  "retention-day": () => fns.retention(data.userIds, data.dates, "day", [[7]], "classic"),
  "retention-week": () => fns.retention(data.userIds, data.dates, "week", [[8]], "unbounded"),
  "retention-start": () => fns.retention(data.userIds, data.dates, "day", [[7]], "classic", undefined, signups.ids, signups.dates),
  funnel: () => fns.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered"),
  "funnel-segments": () => fns.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered", data.channels),
};
const run = cases[which];
if (!run) throw new Error(`unknown case ${which}: ${Object.keys(cases).join(", ")}`);
for (let i = 0; i < 3; i++) run();
const times: number[] = [];
for (let i = 0; i < Number(callsText); i++) {
  const t0 = performance.now();
  run();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`${which} ${order} ${ids}: best ${times[0]!.toFixed(1)} median ${times[times.length >> 1]!.toFixed(1)} ms`);
