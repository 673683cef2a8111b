/**
 * Work memory reused from call to call (src/core/pool.ts): what a lease hands
 * out is cleared as asked whatever the last call left in it, everything goes
 * back when the call ends (by an exception too), and no key survives its call.
 * Then OPS.RETENTION, which takes its arrays and its id tables from the pool:
 * the same table whatever the calls before it left there.
 */
import type * as PoolModule from "../../src/core/pool";
import type { retention as Retention } from "../../src/core/metrics/retention";
import { col } from "../support/specHelpers";

/** The pool module loaded anew, so it starts empty. */
async function freshPool(): Promise<typeof PoolModule> {
  let pool: typeof PoolModule | undefined;
  await jest.isolateModulesAsync(async () => {
    pool = await import("../../src/core/pool");
  });
  return pool!;
}

describe("pool: leases", () => {
  it("an array taken again is cleared to the fill asked for, not what the last call wrote", async () => {
    const { withLease } = await freshPool();
    withLease((lease) => lease.int32(1000).fill(7));
    withLease((lease) => {
      expect(lease.int32(1000).every((x) => x === 0)).toBe(true);
    });
    withLease((lease) => lease.float64(500).fill(3.5));
    withLease((lease) => {
      expect(lease.float64(500, Infinity).every((x) => x === Infinity)).toBe(true);
    });
    withLease((lease) => lease.uint32(64).fill(0xffffffff));
    withLease((lease) => {
      expect(lease.uint32(64).every((x) => x === 0)).toBe(true);
    });
  });

  it("memory comes back when the call ends, and is reused by the next call", async () => {
    const { withLease, poolHoldings } = await freshPool();
    let first: ArrayBufferLike | undefined;
    withLease((lease) => {
      first = lease.int32(100_000).buffer;
      expect(poolHoldings().buffers).toBe(0);
    });
    expect(poolHoldings()).toMatchObject({ buffers: 1, bytes: 524_288 }); // 400 kB, rounded up to a power of two
    withLease((lease) => {
      expect(lease.int32(90_000).buffer).toBe(first);
      expect(poolHoldings().buffers).toBe(0);
    });
  });

  it("memory comes back when the call throws", async () => {
    const { withLease, poolHoldings } = await freshPool();
    expect(() =>
      withLease((lease) => {
        lease.int32(10);
        lease.slots(10);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(poolHoldings()).toMatchObject({ buffers: 1, slotArrays: 1 });
  });

  it("key slots are cleared when given back: no workbook value is held past its call", async () => {
    const { withLease } = await freshPool();
    let kept: unknown[] = [];
    withLease((lease) => {
      kept = lease.slots(100);
      kept[0] = "customer-42";
      kept[99] = 7;
    });
    expect(kept.every((x) => x === undefined)).toBe(true);
    withLease((lease) => {
      expect(lease.slots(100).every((x) => x === undefined)).toBe(true);
    });
  });

  it("release gives an array back before the call ends (a table that grew)", async () => {
    const { withLease, poolHoldings } = await freshPool();
    withLease((lease) => {
      const small = lease.int32(10);
      lease.int32(200_000);
      lease.release(small);
      expect(poolHoldings().buffers).toBe(1);
      // The released buffer serves the next small request of the same call.
      expect(lease.int32(5).buffer).toBe(small.buffer);
    });
    expect(poolHoldings().buffers).toBe(2);
  });

  it("an unpooled lease allocates plain arrays and never touches the pool", async () => {
    const { Lease, withLease, poolHoldings } = await freshPool();
    withLease((lease) => lease.int32(1000));
    const unpooled = Lease.unpooled();
    const a = unpooled.int32(10, -1);
    expect([a.length, a[0], a.buffer.byteLength]).toEqual([10, -1, 40]);
    unpooled.end();
    expect(poolHoldings().buffers).toBe(1);
  });

  it("lets go of everything a minute after the last call, not while calls keep coming", async () => {
    jest.useFakeTimers();
    try {
      const { withLease, poolHoldings, IDLE_TRIM_MS } = await freshPool();
      withLease((lease) => lease.int32(100_000));
      withLease((lease) => lease.slots(5000));
      jest.advanceTimersByTime(IDLE_TRIM_MS - 1000);
      // A call now: the idle time starts again.
      withLease((lease) => lease.int32(10));
      jest.advanceTimersByTime(IDLE_TRIM_MS - 1000);
      expect(poolHoldings()).toMatchObject({ buffers: 1, slotArrays: 1 });
      jest.advanceTimersByTime(1000);
      expect(poolHoldings()).toEqual({ buffers: 0, bytes: 0, slotArrays: 0, slots: 0 });
      // The pool still works, and trims again later.
      withLease((lease) => lease.int32(10));
      expect(poolHoldings().buffers).toBe(1);
      jest.advanceTimersByTime(IDLE_TRIM_MS);
      expect(poolHoldings().buffers).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("keeps at most 96 MB of buffers between calls", async () => {
    const { withLease, poolHoldings } = await freshPool();
    withLease((lease) => {
      for (let i = 0; i < 7; i++) lease.float64(2_000_000); // 7 x 16 MB
    });
    expect(poolHoldings().bytes).toBeLessThanOrEqual(96 << 20);
    expect(poolHoldings().buffers).toBe(6);
  });
});

/** OPS.RETENTION of a module graph loaded anew: its pool starts empty. */
async function freshRetention(): Promise<typeof Retention> {
  let f: typeof Retention | undefined;
  await jest.isolateModulesAsync(async () => {
    f = (await import("../../src/core/metrics/retention")).retention;
  });
  return f!;
}

/** `n` activity rows of `users` users over 60 days, deterministic; ids text or numbers. */
function activity(n: number, users: number, seed: number, idOf: (u: number) => unknown) {
  const ids: unknown[] = [];
  const dates: unknown[] = [];
  const channels: unknown[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const u = x % users;
    ids.push(idOf(u));
    dates.push(46082 + ((x >> 5) % 60) + ((x >> 3) % 24) / 24);
    channels.push(["ads", "search", " ads "][u % 3]);
  }
  return { ids: col(...ids), dates: col(...dates), channels: col(...channels) };
}

describe("RETENTION: pooled work memory", () => {
  const small = activity(400, 50, 5, (u) => ` u${u} `);
  const signups = activity(60, 60, 9, (u) => `u${u}`);
  const calls: [string, (f: typeof Retention) => unknown][] = [
    ["day classic", (f) => f(small.ids, small.dates)],
    ["week unbounded", (f) => f(small.ids, small.dates, "week", 4, "unbounded")],
    ["segments", (f) => f(small.ids, small.dates, "day", 3, "classic", small.channels)],
    ["start list", (f) => f(small.ids, small.dates, "day", 3, "classic", signups.channels, signups.ids, signups.dates)],
    ["start list, unbounded", (f) => f(small.ids, small.dates, "week", 3, "unbounded", null, signups.ids, signups.dates)],
  ];

  it.each(calls)("%s: the same table after calls on larger and other ranges", async (_name, call) => {
    const expected = call(await freshRetention());
    const f = await freshRetention();
    const big = activity(20_000, 3_000, 3, (u) => 5000 + u);
    const other = activity(5_000, 700, 11, (u) => `c-${u}`);
    f(big.ids, big.dates, "day", 7, "classic", big.channels);
    f(other.ids, other.dates, "week", 8, "unbounded");
    f(other.ids, other.dates, "month", 2, "classic", null, big.ids, big.dates);
    expect(call(f)).toEqual(expected);
    // An error half-way through a call still gives its memory back, and leaves nothing behind.
    expect(f(col("a", "b"), col(46082, "not a date"))).toMatchObject({ code: "#VALUE!" });
    expect(call(f)).toEqual(expected);
  });
});
