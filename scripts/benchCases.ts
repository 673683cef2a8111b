/**
 * The bench's rows for one layout and the metric calls over them, shared by
 * the one-case scripts (benchProfile.ts: profile a case; metricAB.ts: two
 * versions of the code, taking turns): the same rows and the same calls as
 * `npm run bench`, JSON round-tripped as Excel is expected to deliver them.
 */
import type * as Implementations from "../src/functions/implementations";
import { syntheticEvents, FUNNEL_STEPS } from "./benchData";
import * as simple from "./benchSql";

export type Functions = typeof Implementations;

/** 1M rows (or `size`) in `order` (user, time, random), with text or numeric ids; a start list; one month of it. */
export function caseData(order: string, ids: string, size = 1_000_000) {
  let data = syntheticEvents(size, 42);
  data = simple.withIds(data, ids as simple.IdKind);
  data = order === "user" ? data : order === "time" ? simple.inTimeOrder(data) : simple.inRandomOrder(data);
  data = JSON.parse(JSON.stringify(data)) as typeof data;
  const signups = JSON.parse(JSON.stringify(simple.signupsOf(data))) as ReturnType<typeof simple.signupsOf>;
  // One month of sign-ups against all the activity: most activity rows are of users outside the list.
  const firstSignup = Math.min(...signups.dates.map(([d]) => d!));
  const monthRows = signups.dates.map(([d], i) => (d! < firstSignup + 30 ? i : -1)).filter((i) => i >= 0);
  const month = { ids: monthRows.map((i) => signups.ids[i]!), dates: monthRows.map((i) => signups.dates[i]!) };
  return { data, signups, month };
}

/** The call named `which` over `rows`, through the functions `f`. */
export function caseCall(f: Functions, rows: ReturnType<typeof caseData>, which: string): () => unknown {
  const { data, signups, month } = rows;
  const steps = FUNNEL_STEPS.map((s) => [s]);
  const cases: Record<string, () => unknown> = {
    "retention-day": () => f.retention(data.userIds, data.dates, "day", [[7]], "classic"),
    "retention-week": () => f.retention(data.userIds, data.dates, "week", [[8]], "unbounded"),
    "retention-start": () => f.retention(data.userIds, data.dates, "day", [[7]], "classic", undefined, signups.ids, signups.dates),
    "retention-start-month": () => f.retention(data.userIds, data.dates, "day", [[7]], "classic", undefined, month.ids, month.dates),
    "retention-start-month-week": () => f.retention(data.userIds, data.dates, "week", [[8]], "unbounded", undefined, month.ids, month.dates),
    funnel: () => f.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered"),
    "funnel-segments": () => f.funnel(steps, data.userIds, data.events, data.dates, 14, "ordered", data.channels),
  };
  const run = cases[which];
  if (!run) throw new Error(`unknown case ${which}: ${Object.keys(cases).join(", ")}`);
  return run;
}
