/**
 * KeyInterner's table for texts of 11 to 26 UTF-16 units: e-mails, Stripe
 * customer ids (cus_…), order numbers, most UUID-less ids a CRM exports.
 *
 * Why a table of its own: V8's JSON parser shares one string object among
 * equal strings of up to 10 characters only, so a longer id comes as one
 * object per cell, and a probe that lands on its key must compare two
 * objects' characters. On this machine that comparison cost ~100 ns a row
 * (1M 18-character ids of 83k users in time order: a table of JS strings
 * 145–195 ms, the same table comparing hashes only 48–65 ms): the key's
 * characters are one more random load, and V8's string comparison is a
 * call. Here each entry keeps its length, code and characters packed two
 * to an int32 in a typed array, and the row's text is compared with them in
 * place (99–116 ms in the same measurement).
 *
 * In RETENTION and FUNNEL (scripts/metricAB.ts, the two versions taking
 * turns in one process, best ms): RETENTION day on such ids in time order
 * 141 -> 115, 192 -> 140 and 255 -> 165 in three runs; FUNNEL in random
 * order 171 -> 142. With a start list it is slower (112 -> 134, 140 -> 157):
 * its keys are the list's own strings, allocated together, so comparing
 * with them was cheap there, and the packing costs more than it saves.
 *
 * Open addressing with linear probing over `index` (each slot the hash and
 * the entry's place); entries back to back in arrival order. Memory comes
 * from the caller's lease.
 */
import { Lease } from "./pool";

/** The texts this table holds: longer than JSON.parse shares, short enough to pack in one entry. */
export const PACKED_MIN_UNITS = 11;
export const PACKED_MAX_UNITS = 26;

/** Int32s before an entry's units: its length and code (the hash sits in the index, beside the entry's place). */
const HEADER = 2;
const INITIAL_SLOTS = 1024;

export function isPackedLength(length: number): boolean {
  return length >= PACKED_MIN_UNITS && length <= PACKED_MAX_UNITS;
}

export class PackedTextTable {
  /** Slot s: index[2s] the hash, index[2s + 1] the entry's place in `entries` + 1 (0 = empty slot). */
  private index: Int32Array;
  private mask = INITIAL_SLOTS - 1;
  private shift = 32 - Math.log2(INITIAL_SLOTS);
  /** Entries back to back in arrival order: length, code, then the units two to an int32. */
  private entries: Int32Array;
  private used = 0;
  private count = 0;
  /** The last text's units in pairs, read once while hashing it, then compared as int32s. */
  private readonly pairs = new Int32Array((PACKED_MAX_UNITS + 1) >> 1);

  constructor(private readonly lease: Lease) {
    this.index = lease.int32(2 * INITIAL_SLOTS);
    this.entries = lease.int32(INITIAL_SLOTS * 8);
  }

  /** The code of `text` (of a packed length), −1 when absent. */
  code(text: string): number {
    const hash = this.read(text);
    const index = this.index;
    const length = text.length;
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const place = index[2 * slot + 1]!;
      if (place === 0) return -1;
      // The hash first, in the slot's own cache line: the entry is read only when it matches.
      if (index[2 * slot] === hash && this.entries[place - 1] === length && this.samePairs(place - 1 + HEADER, (length + 1) >> 1)) {
        return this.entries[place]!;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Enters a text known to be absent. */
  insert(text: string, code: number): void {
    const hash = this.read(text);
    const pairCount = (text.length + 1) >> 1;
    if (2 * (this.count + 1) > this.mask + 1) this.grow();
    if (this.used + HEADER + pairCount > this.entries.length) this.entries = grownEntries(this.lease, this.entries);
    const at = this.used;
    this.entries[at] = text.length;
    this.entries[at + 1] = code;
    this.entries.set(this.pairs.subarray(0, pairCount), at + HEADER);
    this.used += HEADER + pairCount;
    this.place(hash, at + 1);
    this.count++;
  }

  /**
   * Packs the text's units two to an int32 into `pairs` (a missing last
   * unit is 0; the length is compared apart) and returns their hash
   * (FNV-1a over the pairs: one multiply per two units).
   */
  private read(text: string): number {
    const n = text.length;
    const pairs = this.pairs;
    let hash = n ^ 0x811c9dc5;
    let j = 0;
    for (let u = 0; u + 1 < n; u += 2, j++) {
      const pair = text.charCodeAt(u) | (text.charCodeAt(u + 1) << 16);
      pairs[j] = pair;
      hash = Math.imul(hash ^ pair, 0x01000193);
    }
    if ((n & 1) === 1) {
      pairs[j] = text.charCodeAt(n - 1);
      hash = Math.imul(hash ^ pairs[j]!, 0x01000193);
    }
    return this.finish(hash);
  }

  /** The pairs' hash as the table uses it. A test subclass gives every text one hash, so the units and lengths must decide. */
  protected finish(hash: number): number {
    // Fold the high bits down: the slot is taken from the top bits, the pairs' low units sit low.
    return hash ^ (hash >>> 15);
  }

  private samePairs(at: number, count: number): boolean {
    const entries = this.entries;
    const pairs = this.pairs;
    for (let j = 0; j < count; j++) if (entries[at + j] !== pairs[j]) return false;
    return true;
  }

  private place(hash: number, placePlusOne: number): void {
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    while (this.index[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.index[2 * slot] = hash;
    this.index[2 * slot + 1] = placePlusOne;
  }

  /** Four times the slots, entries placed again by their kept hash (as the text table grows). */
  private grow(): void {
    const old = this.index;
    this.index = this.lease.int32(8 * (this.mask + 1));
    this.mask = this.index.length / 2 - 1;
    this.shift -= 2;
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s]!, old[s + 1]!);
    this.lease.release(old);
  }
}

function grownEntries(lease: Lease, entries: Int32Array): Int32Array {
  const out = lease.int32(2 * entries.length);
  out.set(entries);
  lease.release(entries);
  return out;
}
