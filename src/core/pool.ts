/**
 * Work memory reused from one metric call to the next.
 *
 * Why: a metric call on a million rows needs tens of MB of typed arrays, and
 * fresh memory is not free. A new large ArrayBuffer is fresh pages from the
 * operating system, each zeroed and mapped on first touch; measured on the
 * project's machines, touching 100 MB of fresh memory costs about 270 ms
 * (2.7 ms per MB: a 1M-entry Int32Array, 11 ms), more than the row loop that
 * fills it. V8 also counts such buffers as external memory and answers
 * with full garbage collections: with a million cells alive, 200 ms pauses
 * every few FUNNEL calls (measured with --trace-gc before the funnel reused
 * its arrays). Handed back to a pool instead, the same pages serve the next
 * call without a fault.
 *
 * A call takes a Lease (withLease), asks it for arrays, and everything it
 * took goes back to the pool when the call ends, even by an exception. The
 * arrays never leave the call: results are built into ordinary arrays.
 * Calls do not nest (a custom function runs to its end), but a lease does
 * not rely on that: each lease only returns what it took.
 *
 * What the pool holds between calls is bounded (MAX_KEPT_BYTES of buffers,
 * MAX_KEPT_SLOTS of key slots); past that, returned memory is left to the GC.
 * And it is held only while calls keep coming: IDLE_TRIM_MS after the last
 * call ends, the pool lets everything go (a workbook recalculated once an
 * hour should not keep 35 MB in the add-in's runtime for the hour between).
 */

/** Buffers kept between calls, at most (a 1M-row call uses about 30 MB). */
const MAX_KEPT_BYTES = 96 << 20;
/** Key slots (JS array entries) kept between calls, at most. */
const MAX_KEPT_SLOTS = 1 << 22;
/** The pool empties itself this long after the last call ended (ms). */
export const IDLE_TRIM_MS = 60_000;
/** Buffers are sized in powers of two from this, so calls of other sizes reuse them. */
const MIN_BUFFER_BYTES = 1 << 16;
/** Key-slot arrays likewise, from this many slots (they are cleared slot by slot when given back). */
const MIN_SLOTS = 1 << 10;

function roundedUp(size: number, least: number): number {
  return Math.max(least, 2 ** Math.ceil(Math.log2(Math.max(1, size))));
}

/** Kept memory of one kind: a free list, smallest fit first, bounded in total size. */
class FreeList<T> {
  private readonly free: T[] = [];
  private kept = 0;

  constructor(
    private readonly sizeOf: (item: T) => number,
    private readonly maxKept: number,
  ) {}

  /** The smallest kept item of at least `size`, taken out of the list; null when none fits. */
  take(size: number): T | null {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const length = this.sizeOf(this.free[i]!);
      if (length >= size && (best < 0 || length < this.sizeOf(this.free[best]!))) best = i;
    }
    if (best < 0) return null;
    const item = this.free.splice(best, 1)[0]!;
    this.kept -= this.sizeOf(item);
    return item;
  }

  /** Keeps `item` unless that would pass the bound (it is then left to the GC). */
  keep(item: T): void {
    if (this.kept + this.sizeOf(item) > this.maxKept) return;
    this.free.push(item);
    this.kept += this.sizeOf(item);
  }

  holdings(): { count: number; size: number } {
    return { count: this.free.length, size: this.kept };
  }

  clear(): void {
    this.free.length = 0;
    this.kept = 0;
  }
}

const buffers = new FreeList<ArrayBuffer>((b) => b.byteLength, MAX_KEPT_BYTES);
const slotArrays = new FreeList<unknown[]>((a) => a.length, MAX_KEPT_SLOTS);

function takeBuffer(bytes: number): ArrayBuffer {
  return buffers.take(bytes) ?? new ArrayBuffer(roundedUp(bytes, MIN_BUFFER_BYTES));
}

function keepBuffer(buffer: ArrayBuffer): void {
  buffers.keep(buffer);
}

function takeSlots(length: number): unknown[] {
  return slotArrays.take(length) ?? new Array<unknown>(roundedUp(length, MIN_SLOTS)).fill(undefined);
}

function keepSlots(slots: unknown[]): void {
  // Cleared, so the pool holds no key (no cell of a workbook) past its call.
  slots.fill(undefined);
  slotArrays.keep(slots);
}

/** When the last lease ended (Date.now()), and the pending idle trim, if any. */
let lastEndedAt = 0;
let idleTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * Arms the idle trim once; a timer that fires while calls still come arms
 * itself again for the rest of the idle time, so a busy recalculation costs
 * one timer a minute, not one per call.
 */
function scheduleIdleTrim(): void {
  lastEndedAt = Date.now();
  if (idleTimer === null) armIdleTimer(IDLE_TRIM_MS);
}

function armIdleTimer(delay: number): void {
  idleTimer = setTimeout(onIdleTimer, delay);
  // In Node (scripts, tests) a pending trim must not keep the process alive.
  (idleTimer as { unref?: () => void }).unref?.();
}

function onIdleTimer(): void {
  idleTimer = null;
  const idleFor = Date.now() - lastEndedAt;
  if (idleFor < IDLE_TRIM_MS) armIdleTimer(IDLE_TRIM_MS - idleFor);
  else trimPool();
}

/** Lets go of everything the pool holds (the idle trim; also for tests). */
export function trimPool(): void {
  buffers.clear();
  slotArrays.clear();
}

/** What one call took from the pool; `end` gives it all back. */
export class Lease {
  private readonly buffers: ArrayBuffer[] = [];
  private readonly slotArrays: unknown[][] = [];
  private ended = false;

  /** A lease outside the pool: plain allocations (for code that runs outside withLease). */
  static unpooled(): Lease {
    const lease = new Lease();
    lease.ended = true;
    return lease;
  }

  /** `length` Int32 entries, each set to `fill` (0 unless told). */
  int32(length: number, fill = 0): Int32Array {
    return new Int32Array(this.buffer(length * 4), 0, length).fill(fill);
  }

  /** `length` Uint32 entries, all 0. */
  uint32(length: number): Uint32Array {
    return new Uint32Array(this.buffer(length * 4), 0, length).fill(0);
  }

  /**
   * `length` Int32 entries left as the last call wrote them, for a caller
   * that writes every entry it reads (a row loop filling its output): no
   * pass over the memory to clear it.
   */
  int32Raw(length: number): Int32Array {
    return new Int32Array(this.buffer(length * 4), 0, length);
  }

  /** `length` Float64 entries left as the last call wrote them (see int32Raw). */
  float64Raw(length: number): Float64Array {
    return new Float64Array(this.buffer(length * 8), 0, length);
  }

  /** `length` Float64 entries, each set to `fill` (0 unless told). */
  float64(length: number, fill = 0): Float64Array {
    return new Float64Array(this.buffer(length * 8), 0, length).fill(fill);
  }

  /** A JS array of at least `length` entries, all undefined (for keys that are not numbers). */
  slots(length: number): unknown[] {
    const slots = this.ended ? new Array<unknown>(length).fill(undefined) : takeSlots(length);
    if (!this.ended) this.slotArrays.push(slots);
    return slots;
  }

  /** Gives back, before the call ends, an array this lease handed out (a table that grew). */
  release(array: Int32Array | Uint32Array | Float64Array | unknown[]): void {
    if (this.ended) return;
    if (Array.isArray(array)) {
      const at = this.slotArrays.indexOf(array);
      if (at >= 0) keepSlots(this.slotArrays.splice(at, 1)[0]!);
      return;
    }
    const at = this.buffers.indexOf(array.buffer as ArrayBuffer);
    if (at >= 0) keepBuffer(this.buffers.splice(at, 1)[0]!);
  }

  /** Returns everything to the pool; arrays taken later are plain allocations. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const buffer of this.buffers) keepBuffer(buffer);
    for (const slots of this.slotArrays) keepSlots(slots);
    this.buffers.length = 0;
    this.slotArrays.length = 0;
    scheduleIdleTrim();
  }

  private buffer(bytes: number): ArrayBuffer {
    if (this.ended) return new ArrayBuffer(bytes);
    const buffer = takeBuffer(bytes);
    this.buffers.push(buffer);
    return buffer;
  }
}

/** Runs `body` with a lease that is ended when it returns or throws. */
export function withLease<T>(body: (lease: Lease) => T): T {
  const lease = new Lease();
  try {
    return body(lease);
  } finally {
    lease.end();
  }
}

/** What the pool holds now (for tests): buffers and their bytes, key-slot arrays. */
export function poolHoldings(): { buffers: number; bytes: number; slotArrays: number; slots: number } {
  const b = buffers.holdings();
  const k = slotArrays.holdings();
  return { buffers: b.count, bytes: b.size, slotArrays: k.count, slots: k.size };
}
