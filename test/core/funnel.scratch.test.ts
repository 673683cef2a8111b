/**
 * OPS.FUNNEL reuses its row-sized work arrays from one call to the next
 * (taken from src/core/pool.ts, not cleared): a call must give the same table
 * whatever the calls before it left in them. Each case is computed first in
 * a fresh module, then again after calls on larger and different ranges.
 */
import type { funnel as Funnel } from "../../src/core/metrics/funnel";
import { col } from "../support/specHelpers";

const D = 46082; // 2026-03-01
const STEPS = col("visit", "signup", "pay");

/** `n` rows of `users` users, deterministic: each user visits, most sign up, some pay; every row its own time. */
function rows(n: number, users: number, seed: number, idOf: (u: number) => unknown = (u) => `u${u}`) {
  const names = ["visit", "signup", "pay", "other"];
  const ids: unknown[] = [];
  const events: unknown[] = [];
  const times: unknown[] = [];
  const segments: unknown[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const u = x % users;
    ids.push(idOf(u));
    events.push(names[(x >> 8) % 4]);
    times.push(D + ((x >> 4) % 5000) / 100);
    segments.push(["a", "b", "c"][u % 3]);
  }
  return { ids: col(...ids), events: col(...events), times: col(...times), segments: col(...segments) };
}

const small = rows(300, 40, 7);
const calls: [string, (f: typeof Funnel) => unknown][] = [
  ["ordered", (f) => f(STEPS, small.ids, small.events, small.times, 14, "ordered")],
  ["segments", (f) => f(STEPS, small.ids, small.events, small.times, 14, "ordered", small.segments)],
  ["strict", (f) => f(STEPS, small.ids, small.events, small.times, 14, "strict", small.segments)],
  ["any, no times", (f) => f(STEPS, small.ids, small.events, null, null, "any")],
];

/** The funnel of a module loaded anew, so its work arrays start empty. */
async function freshFunnel(): Promise<typeof Funnel> {
  let f: typeof Funnel | undefined;
  await jest.isolateModulesAsync(async () => {
    f = (await import("../../src/core/metrics/funnel")).funnel;
  });
  return f!;
}

describe("FUNNEL: work arrays reused between calls", () => {
  it.each(calls)("%s: same table after larger calls on other ranges", async (_name, call) => {
    const expected = call(await freshFunnel());
    const f = await freshFunnel();
    const big = rows(5000, 900, 3, (u) => 1000 + u);
    const other = rows(2000, 300, 11);
    f(STEPS, big.ids, big.events, big.times, 14, "ordered", big.segments);
    f(STEPS, other.ids, other.events, other.times, 2, "strict", other.segments);
    expect(call(f)).toEqual(expected);
    // And once more after a call that used them for a smaller range.
    f(STEPS, col("u1", "u1"), col("visit", "signup"), col(D, D + 1), 14, "ordered", col("z", "z"));
    expect(call(f)).toEqual(expected);
  });

  it("the cases reach several steps (the comparison is not of empty tables)", async () => {
    const table = calls[1]![1](await freshFunnel()) as unknown[][];
    const users = table.slice(1).map((r) => r[2]);
    expect(users.filter((n) => typeof n === "number" && n > 0).length).toBeGreaterThan(6);
  });
});
