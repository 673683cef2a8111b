/**
 * Medians without sorting: a growable buffer of gaps per step and
 * quickselect (docs/functions/funnel.md, "Median days from previous").
 */
import { MS_PER_DAY } from "../../dates";
import { keepShapes } from "./keep";
import { Lease } from "../../pool";

/**
 * Gaps in ms of one step, growable; the median is taken once at the end. Its
 * memory comes from the call's lease (pool.ts): a million-row call pushes
 * about 100k gaps per step, twice with segments, and grown anew each call
 * that was a megabyte of fresh pages. Entries past `size` are never read.
 */
export class GapBuffer {
  private data: Float64Array;
  private size = 0;

  constructor(
    capacity = 64,
    private readonly lease: Lease = Lease.unpooled(),
  ) {
    this.data = lease.float64Raw(capacity);
  }

  push(ms: number): void {
    if (this.size === this.data.length) this.grow();
    this.data[this.size++] = ms;
  }

  private grow(): void {
    const bigger = this.lease.float64Raw(this.data.length * 2);
    bigger.set(this.data);
    this.lease.release(this.data);
    this.data = bigger;
  }

  /** The median gap in days, or "" when there is none. Reorders the buffer. */
  medianDays(): number | "" {
    const n = this.size;
    if (n === 0) return "";
    const a = this.data;
    const mid = n >> 1;
    select(a, n, mid);
    let ms = a[mid]!;
    if (n % 2 === 0) {
      // After selection everything before mid is ≤ a[mid]: the lower middle is their maximum.
      let lower = a[0]!;
      for (let i = 1; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
      ms = (lower + ms) / 2;
    }
    return ms / MS_PER_DAY;
  }
}

/**
 * Quickselect (Hoare partition, median-of-three pivot): afterwards a[k] is
 * the k-th smallest of a[0..n), smaller ones before it, larger after.
 * Linear on average, so the medians cost less than sorting every gap.
 */
export function select(a: Float64Array, n: number, k: number): void {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const m = (lo + hi) >> 1;
    // Order a[lo], a[m], a[hi] and use the middle one as the pivot.
    if (a[m]! < a[lo]!) swap(a, m, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[m]!) swap(a, hi, m);
    const pivot = a[m]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and j < i.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i]!;
  a[i] = a[j]!;
  a[j] = x;
}

// Its layout kept: keep.ts.
keepShapes(new GapBuffer(4));
