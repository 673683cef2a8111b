/**
 * The funnel's row-sized work arrays, reused from one call to the next.
 *
 * A call on 1M rows needs about 25 MB of typed arrays (times, codes, users,
 * segments, the grouping). Allocated anew each call, they are memory outside the JS
 * heap that V8 counts as "external memory pressure": every few calls it
 * answers with a full mark-compact of the whole heap, and with the input's
 * million cells alive that pause was 200 ms (measured with --trace-gc: one
 * call in three took 300–450 ms instead of ~100). Reused, a call allocates
 * almost nothing outside the heap.
 *
 * A slot hands out a view of its first `length` entries, NOT cleared: the
 * caller writes every entry it reads. Arrays longer than MAX_KEPT are used
 * once and not kept, so no more than a few tens of MB stay held between calls.
 * One slot per use within a call; calls do not nest (a custom function call
 * runs to its end).
 */
const MAX_KEPT = 1 << 22;

/** The slots, one per use within a call. */
export const Int32Slot = { User: 0, Code: 1, SegmentKey: 2, GroupedCode: 3 } as const;
export type Int32Slot = (typeof Int32Slot)[keyof typeof Int32Slot];
export const Float64Slot = { Time: 0, GroupedTime: 1 } as const;
export type Float64Slot = (typeof Float64Slot)[keyof typeof Float64Slot];

const int32Kept: (Int32Array | undefined)[] = [undefined, undefined, undefined, undefined];
const float64Kept: (Float64Array | undefined)[] = [undefined, undefined];

/** `length` entries of Int32 slot `slot`, contents left from earlier use. */
export function int32Scratch(slot: Int32Slot, length: number): Int32Array {
  const kept = int32Kept[slot];
  if (kept && kept.length >= length) return kept.subarray(0, length);
  const fresh = new Int32Array(length);
  if (length <= MAX_KEPT) int32Kept[slot] = fresh;
  return fresh;
}

/** `length` entries of Float64 slot `slot`, contents left from earlier use. */
export function float64Scratch(slot: Float64Slot, length: number): Float64Array {
  const kept = float64Kept[slot];
  if (kept && kept.length >= length) return kept.subarray(0, length);
  const fresh = new Float64Array(length);
  if (length <= MAX_KEPT) float64Kept[slot] = fresh;
  return fresh;
}
