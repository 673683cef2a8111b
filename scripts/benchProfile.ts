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
import { caseCall, caseData } from "./benchCases";

const [which = "retention-week", order = "random", ids = "numeric", callsText = "20", sizeText = "1000000"] = process.argv.slice(2);
const run = caseCall(fns, caseData(order, ids, Number(sizeText)), which);
for (let i = 0; i < 3; i++) run();
const times: number[] = [];
for (let i = 0; i < Number(callsText); i++) {
  const t0 = performance.now();
  run();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`${which} ${order} ${ids}: best ${times[0]!.toFixed(1)} median ${times[times.length >> 1]!.toFixed(1)} ms`);
