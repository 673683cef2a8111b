/**
 * Interns ids, events and segment values into small integer codes once, so
 * the metric loops work on typed arrays instead of strings.
 * Numbers and text share one key space by their text: 7 and "7" are one id.
 *
 * Text keys go into an open-addressing table of our own over memory reused
 * from call to call (pool.ts): the key strings in one JS array, their hash
 * and code in one Int32Array beside it. We expect Excel to hand a range over
 * as parsed JSON (the runtime's messages are JSON; not checked in a real
 * Excel). V8's JSON parser gives equal strings of up to 10 characters one
 * shared (internalized) object, so a probe that lands on such a key is a
 * pointer comparison; longer ids (e-mails, UUIDs, "CUST-000123") come as one
 * object per cell and are compared by their characters (seen with
 * %DebugPrint in Node 20: 10 characters shared, 11 not). The engine's own
 * tables were used before: a prototype-less object as a dictionary was the
 * fastest to look up in, but every new key went through the runtime and its
 * growing table was fresh memory each call: 83k new ids cost 25-30 ms (300 ns
 * each), more than a million lookups. On 1M JSON-parsed ids of 83k users,
 * in one process: grouped by user (new ids are most of the work) 45–62 ->
 * 22–30 ms; in time and in random order, where each row is a probe that
 * misses the cache, a tie within this machine's noise (either way, up to
 * 20 %): the dictionary reads the string's cached hash, we hash its
 * characters, and both miss on the string and on the table.
 *
 * Texts of 11 to 26 units (e-mails, "cus_…" ids) are kept apart, packed in
 * a typed array and compared there (packedText.ts): JSON.parse does not
 * share them, and comparing two string objects' characters was the
 * slowest step of a row.
 *
 * Whole numbers are the exception (issue 15): Excel delivers numeric ids as
 * numbers, and a number has no shared string object to compare. Ids that are
 * 32-bit integers in a dense range (as a database numbers them) are codes in
 * a table indexed by the id itself, one load; past that range, an
 * open-addressing table of their own (typed arrays, a multiplicative hash,
 * linear probing), which costs one multiply and usually one probe. A 32-bit integer's text is not put in the text
 * table (inserting 100k fresh strings was a fifth of RETENTION's time on
 * numeric ids); instead the two tables consult each other on a miss, so 7
 * and "7" still get one code: a new integer looks its text up when any text
 * key exists, and a new text that is an integer's canonical text ("7", not
 * "07" or "7.0") looks the integer up. Other numbers keep a Map.
 */
import { keyText } from "./args";
import { Lease } from "./pool";
import { PackedTextTable, isPackedLength } from "./packedText";

export const BLANK_CODE = -1;
/** `lookup` of a key that is not blank and not known. */
export const UNKNOWN_CODE = -2;

export class KeyInterner {
  /**
   * The text table, open addressing with linear probing: textKeys[slot] is a
   * key string (undefined = empty slot), textSlots[2 slot] its hash and
   * textSlots[2 slot + 1] its code. Untrimmed cells are entered too, as
   * aliases of their trimmed text, so a cell repeated with its spaces is
   * found without trimming it again. (Keys and codes side by side in one JS
   * array measured no faster, and slower in time order.)
   */
  private textKeys: unknown[];
  private textSlots: Int32Array;
  private textMask: number;
  /** Fibonacci hashing shift: 32 − log2(slots). */
  private textShift: number;
  /** Entries in the text table, aliases included. */
  private textEntries = 0;
  /** Texts of 11 to 26 units (packedText.ts says why): not in the text table above. */
  private readonly packed: PackedTextTable;
  private readonly byNumber = new Map<number, number>();
  /**
   * Whole numbers other than 0 while they fit a dense range: code + 1 of the
   * integer directBase + i at direct[i] (0 = not seen). Ids numbered by a
   * database are dense, and one load from a table a few hundred kB long beats
   * hashing into a table of 8 bytes a slot (measured 2× on 1M ids in random
   * order). Once the range would grow past directLimit(), every integer moves
   * to the hash table below for good (directLength = 0).
   */
  private direct: Int32Array;
  private directBase = 0;
  /** direct.length while the dense range is in use; 0 once the hash table took over. */
  private directLength = 0;
  private directInUse = true;
  /**
   * 32-bit integers → code + 1 (0 = empty slot), open addressing over a
   * power-of-two table; slot i is ints[2i] (the key) and ints[2i+1] (code + 1),
   * side by side so a lookup touches one cache line. Holds 0 always (it is
   * never in the dense range, so the fast path needs no test for it), and
   * every integer once the dense range is given up.
   */
  private ints: Int32Array;
  private intMask = 1023;
  /** Fibonacci hashing: the top log2(size) bits of value × 2^32/φ (the low bits would cluster multiples of the size). */
  private intShift = 22;
  /** Integers in the hash table. */
  private intCount = 0;
  /** Integers in the dense range. */
  private directCount = 0;
  /**
   * Text ids made of one prefix and 1 to 9 digits ("u0000123", "CUST-000123",
   * as CRMs and databases number them) are kept by their digits, not their
   * characters: prefixedKey reads the digits as a number, and the code is
   * at that number's offset in a dense range, as whole numbers are (one
   * load; the text table's hash, probe and key comparison were two more
   * dependent loads a row: interning 1M such ids took 48–65 ms, reading
   * their digits into a dense table 29–37). The prefix is that of the
   * first new text of this shape; texts of other shapes or prefixes go to
   * the text table. Once the range would grow past prefixedLimit(), its
   * ids move to the text table for good (their texts are made again from
   * the prefix and the key), and so do all later ones.
   */
  private idPrefix: string | null = null;
  /** False once a prefix was chosen or given up: no other is chosen. */
  private mayChoosePrefix = true;
  private prefixed: Int32Array;
  private prefixedBase = 0;
  private prefixedLength = 0;
  private prefixedCount = 0;
  /** How many keys the text table holds (0: a new integer need not look its text up). */
  private textCount = 0;
  /**
   * Code → the key as first seen: its text, or a 32-bit integer whose text
   * is made only when `names` is asked for. A column of 100k numeric ids
   * needs codes, not texts: String() on each new integer was 100k strings
   * of garbage per call. Null when the caller said it needs no names
   * (user ids: only their count and codes matter).
   */
  private readonly keys: (string | number)[] | null;
  /** How many keys have a code. */
  private keyCount = 0;
  private namesMade: string[] = [];
  private readonly directFloor: number;

  /**
   * `cells`: how many cells will be interned at most (a hint that sizes the
   * dense range; any count works). `lease`: where the tables' memory comes
   * from (a call's lease reuses the last call's; by default, fresh memory).
   * An interner on a call's lease must not be used once the lease has ended
   * (its tables then serve other calls); `names` and `size` stay readable.
   * `keepNames: false`: `names` is not available. Appending each new key to
   * a growing list was a fifth of RETENTION's time on 1M numeric ids in time
   * order (34 -> 27 ms, the two versions in one process), and the metrics
   * never show a user id.
   */
  constructor(cells = 0, private readonly lease: Lease = Lease.unpooled(), options: { keepNames?: boolean } = {}) {
    this.keys = options.keepNames === false ? null : [];
    this.directFloor = Math.min(1 << 20, Math.max(4096, 4 * cells));
    this.direct = lease.int32(0);
    this.prefixed = lease.int32(0);
    this.ints = lease.int32(2048);
    this.packed = new PackedTextTable(lease);
    this.textKeys = lease.slots(INITIAL_TEXT_SLOTS);
    this.textSlots = lease.int32(2 * INITIAL_TEXT_SLOTS);
    this.textMask = INITIAL_TEXT_SLOTS - 1;
    this.textShift = 32 - Math.log2(INITIAL_TEXT_SLOTS);
  }

  get size(): number {
    return this.keyCount;
  }

  /** Code → the key's text, in order of first appearance (made on first use, then extended). */
  get names(): readonly string[] {
    const keys = this.keys;
    if (keys === null) throw new Error("KeyInterner: names asked of an interner made with keepNames: false");
    const made = this.namesMade;
    for (let code = made.length; code < keys.length; code++) made.push(String(keys[code]!));
    return made;
  }

  /**
   * Code of a key cell, or BLANK_CODE for null, "", spaces and (when
   * zeroIsBlank) the number 0. Kept small so the engine inlines it into the
   * row loops: a known integer in the dense range and a known untrimmed text
   * are answered here, everything else below.
   */
  code(value: unknown, zeroIsBlank = true): number {
    if (typeof value === "number") {
      const offset = value - this.directBase;
      // A fraction or an integer out of range fails one of the tests (offset | 0 is exact only for integers).
      if (offset >= 0 && offset < this.directLength && (offset | 0) === offset) {
        const known = this.direct[offset]!;
        if (known !== 0) return known - 1;
      }
      return this.codeOfNumber(value, zeroIsBlank);
    }
    if (typeof value === "string") {
      const prefix = this.idPrefix;
      if (prefix !== null) {
        const key = prefixedKey(value, prefix);
        if (key >= 0) {
          const offset = key - this.prefixedBase;
          if (offset >= 0 && offset < this.prefixedLength) {
            const known = this.prefixed[offset]!;
            if (known !== 0) return known - 1;
          }
          return this.codeOfPrefixed(value, key);
        }
      }
      // Most cells need no trimming: try the cell itself first (an untrimmed
      // cell misses here the first time, and is trimmed and entered below).
      if (isPackedLength(value.length)) {
        const known = this.packed.code(value);
        if (known >= 0) return known;
        return isTrimmed(value) ? this.codeOfNewText(value, 0) : this.codeOfOther(value);
      }
      const hash = textHash(value);
      const known = this.textCode(value, hash);
      if (known >= 0) return known;
      if (isTrimmed(value)) return this.codeOfNewText(value, hash);
    }
    return this.codeOfOther(value);
  }

  /** Code of a text in the text table, −1 when absent; only for texts not of a packed length (knownText routes). */
  private textCode(text: string, hash: number): number {
    const keys = this.textKeys;
    const mask = this.textMask;
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.textShift;
    for (;;) {
      const key = keys[slot];
      // Empty slot first: the comparison below then only ever sees two strings,
      // whichever case taught V8 this code (a call that mostly adds new ids
      // and one that mostly finds them would otherwise leave it generic).
      if (key === undefined) return -1;
      if (key === text) return this.textSlots[2 * slot + 1]!;
      slot = (slot + 1) & mask;
    }
  }

  /** Code of a text in either table, −1 when absent (the packed table hashes its texts itself). */
  private knownText(text: string): number {
    return isPackedLength(text.length) ? this.packed.code(text) : this.textCode(text, textHash(text));
  }

  /** Enters a text known to be absent into its table. */
  private enterText(text: string, code: number): void {
    if (isPackedLength(text.length)) this.packed.insert(text, code);
    else this.insertText(text, textHash(text), code);
  }

  /** Enters a text known to be absent. */
  private insertText(text: string, hash: number, code: number): void {
    // The packed table hashes its texts its own way (`hash` is unused there).
    if (isPackedLength(text.length)) return this.packed.insert(text, code);
    if (2 * (this.textEntries + 1) > this.textMask + 1) this.growText();
    this.placeText(text, hash, code);
    this.textEntries++;
  }

  private placeText(text: unknown, hash: number, code: number): void {
    const keys = this.textKeys;
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.textShift;
    while (keys[slot] !== undefined) slot = (slot + 1) & this.textMask;
    keys[slot] = text;
    this.textSlots[2 * slot] = hash;
    this.textSlots[2 * slot + 1] = code;
  }

  /**
   * Four times the slots (few rehashes for 100k keys; at most half full, so
   * probes stay short), entries moved by their kept hash.
   */
  private growText(): void {
    const oldKeys = this.textKeys;
    const oldSlots = this.textSlots;
    const oldLength = this.textMask + 1;
    this.textKeys = this.lease.slots(4 * oldLength);
    this.textSlots = this.lease.int32(8 * oldLength);
    this.textMask = 4 * oldLength - 1;
    this.textShift -= 2;
    for (let old = 0; old < oldLength; old++) {
      const key = oldKeys[old];
      if (key !== undefined) this.placeText(key, oldSlots[2 * old]!, oldSlots[2 * old + 1]!);
    }
    this.lease.release(oldKeys);
    this.lease.release(oldSlots);
  }

  /**
   * Appends a new key (its code is the count so far). A plain array, not
   * leased memory: the names must stay readable after the call's lease ends.
   */
  private newKey(key: string | number): number {
    if (this.keys !== null) this.keys.push(key);
    return this.keyCount++;
  }

  private codeOfNumber(value: number, zeroIsBlank: boolean): number {
    if (value === 0 && zeroIsBlank) return BLANK_CODE;
    if ((value | 0) === value) return this.codeOfInt(value);
    const known = this.byNumber.get(value);
    if (known !== undefined) return known;
    const code = this.codeOfText(String(value));
    this.byNumber.set(value, code);
    return code;
  }

  private codeOfOther(value: unknown): number {
    if (value === null || value === undefined) return BLANK_CODE;
    const text = keyText(value);
    if (text === "") return BLANK_CODE;
    const code = this.codeOfText(text);
    // An untrimmed cell becomes an alias of its text: found at once next time.
    if (typeof value === "string" && value !== text) this.enterText(value, code);
    return code;
  }

  /**
   * Code of a key already known, without adding it: BLANK_CODE for a blank
   * (as in `code`), UNKNOWN_CODE for a key not seen. The same fast paths as `code`: a start list's
   * outsiders are most rows of a long activity log, each one a lookup that
   * misses, so a miss must cost no more than a probe (no String() of an
   * integer, no trim of a trimmed text).
   */
  lookup(value: unknown, zeroIsBlank = true): number {
    if (typeof value === "number") {
      if (value === 0 && zeroIsBlank) return BLANK_CODE;
      if ((value | 0) === value) {
        const known = this.intCodePlusOne(value);
        if (known !== 0) return known - 1;
        // An integer's text is a text key only when it came as text first ("7" before 7).
        return this.textCount === 0 ? UNKNOWN_CODE : this.lookupText(String(value));
      }
      const known = this.byNumber.get(value);
      return known !== undefined ? known : this.lookupText(String(value));
    }
    if (typeof value === "string") {
      const prefixed = this.lookupPrefixed(value);
      if (prefixed !== NOT_PREFIXED) return prefixed;
      // Untrimmed cells met before are aliases in the table: try the cell itself first.
      const known = this.knownText(value);
      if (known >= 0) return known;
      if (isTrimmed(value)) return this.lookupIntOfText(value);
    }
    if (value === null || value === undefined) return BLANK_CODE;
    const text = keyText(value);
    return text === "" ? BLANK_CODE : this.lookupText(text);
  }

  /** Code of a trimmed, non-empty text, or UNKNOWN_CODE. */
  private lookupText(text: string): number {
    const prefixed = this.lookupPrefixed(text);
    if (prefixed !== NOT_PREFIXED) return prefixed;
    const known = this.knownText(text);
    return known >= 0 ? known : this.lookupIntOfText(text);
  }

  /** Code or UNKNOWN_CODE of a text of the chosen prefix's shape (it is in no other table); NOT_PREFIXED for any other text. */
  private lookupPrefixed(text: string): number {
    if (this.idPrefix === null) return NOT_PREFIXED;
    const key = prefixedKey(text, this.idPrefix);
    if (key < 0) return NOT_PREFIXED;
    const offset = key - this.prefixedBase;
    const known = offset >= 0 && offset < this.prefixedLength ? this.prefixed[offset]! : 0;
    return known === 0 ? UNKNOWN_CODE : known - 1;
  }

  /** A text absent from the text table is still a known key when it is an integer's canonical text ("7" after 7). */
  private lookupIntOfText(text: string): number {
    const asInt = intOfText(text);
    if (asInt === null) return UNKNOWN_CODE;
    const code = this.intCodePlusOne(asInt);
    return code === 0 ? UNKNOWN_CODE : code - 1;
  }

  /** Code + 1 of a 32-bit integer, 0 when not seen. */
  private intCodePlusOne(value: number): number {
    if (this.directInUse && value !== 0) {
      const offset = value - this.directBase;
      return offset >= 0 && offset < this.directLength ? this.direct[offset]! : 0;
    }
    return this.ints[2 * this.slotOfInt(value) + 1]!;
  }

  /** The slot of a 32-bit integer in the hash table: where it is, or the empty slot where it goes. */
  private slotOfInt(value: number): number {
    const ints = this.ints;
    const mask = this.intMask;
    let slot = Math.imul(value, 0x9e3779b1) >>> this.intShift;
    while (ints[2 * slot + 1] !== 0 && ints[2 * slot] !== value) slot = (slot + 1) & mask;
    return slot;
  }

  private codeOfInt(value: number): number {
    const known = this.intCodePlusOne(value);
    if (known !== 0) return known - 1;
    // First sight: the number and its text share a code (-0 is "0" too).
    let code = -1;
    if (this.textCount > 0) {
      const text = String(value); // -0 too: String(-0) is "0"
      code = this.knownText(text);
    }
    if (code < 0) code = this.newKey(value);
    if (this.directInUse && value !== 0 && this.coverDirect(value)) {
      this.direct[value - this.directBase] = code + 1;
      this.directCount++;
    } else {
      this.insertInt(value, code + 1);
    }
    return code;
  }

  /**
   * Makes the dense range cover `value` (growing it with slack, by doubling),
   * or gives it up for the hash table when it would exceed directLimit().
   * True when `value` is now in the dense range.
   */
  private coverDirect(value: number): boolean {
    const length = this.directLength;
    if (length > 0 && value - this.directBase >= 0 && value - this.directBase < length) return true;
    const grown = grownDense(this.lease, this.direct, this.directBase, length, value, this.directLimit());
    if (grown === null) {
      this.leaveDirect();
      return false;
    }
    this.direct = grown.table;
    this.directBase = grown.base;
    this.directLength = grown.table.length;
    return true;
  }

  /**
   * The longest dense range kept: 4 entries per integer seen, and at least
   * 4 per cell the caller expects to intern, up to 1M entries (4 MB): ids
   * in random order span most of their range after a few rows.
   */
  private directLimit(): number {
    return Math.max(this.directFloor, 4 * (this.directCount + 1));
  }

  /** Moves the dense range's integers into the hash table, for good. */
  private leaveDirect(): void {
    const { direct, directBase, directLength } = this;
    this.directInUse = false;
    this.directLength = 0;
    this.direct = this.lease.int32(0);
    for (let i = 0; i < directLength; i++) if (direct[i] !== 0) this.insertInt(directBase + i, direct[i]!);
    this.lease.release(direct);
  }

  private insertInt(value: number, codePlusOne: number): void {
    const slot = this.slotOfInt(value);
    this.ints[2 * slot] = value;
    this.ints[2 * slot + 1] = codePlusOne;
    if (++this.intCount * 2 > this.intMask) this.growInts();
  }

  private growInts(): void {
    const old = this.ints;
    this.ints = this.lease.int32(old.length * 2);
    this.intMask = this.ints.length / 2 - 1;
    this.intShift--;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const slot = this.slotOfInt(old[i]!);
      this.ints[2 * slot] = old[i]!;
      this.ints[2 * slot + 1] = old[i + 1]!;
    }
    this.lease.release(old);
  }

  /** Code of a text of the chosen prefix's shape, `key` its prefixedKey: found, or a new code in the dense range (or, past its limit, in the text table). */
  private codeOfPrefixed(text: string, key: number): number {
    const offset = key - this.prefixedBase;
    if (offset >= 0 && offset < this.prefixedLength && this.prefixed[offset] !== 0) return this.prefixed[offset]! - 1;
    if (!this.coverPrefixed(key)) {
      this.leavePrefixed();
      return this.codeOfText(text);
    }
    const code = this.newKey(text);
    this.prefixed[key - this.prefixedBase] = code + 1;
    this.prefixedCount++;
    return code;
  }

  /** The longest range of prefixed ids kept, by directLimit's rule over the prefixed ids seen. */
  private prefixedLimit(): number {
    return Math.max(this.directFloor, 4 * (this.prefixedCount + 1));
  }

  /** Makes the prefixed ids' dense range cover `key`, as coverDirect does; false past prefixedLimit(). */
  private coverPrefixed(key: number): boolean {
    const length = this.prefixedLength;
    if (length > 0 && key - this.prefixedBase >= 0 && key - this.prefixedBase < length) return true;
    const grown = grownDense(this.lease, this.prefixed, this.prefixedBase, length, key, this.prefixedLimit());
    if (grown === null) return false;
    this.prefixed = grown.table;
    this.prefixedBase = grown.base;
    this.prefixedLength = grown.table.length;
    return true;
  }

  /** Moves the prefixed ids into the text table, for good: each text is the prefix and the key without its leading 1. */
  private leavePrefixed(): void {
    const { prefixed, prefixedBase, prefixedLength } = this;
    const prefix = this.idPrefix!;
    this.idPrefix = null;
    this.prefixedLength = 0;
    this.prefixed = this.lease.int32(0);
    for (let i = 0; i < prefixedLength; i++) {
      if (prefixed[i] === 0) continue;
      const text = prefix + String(prefixedBase + i).slice(1);
      this.enterText(text, prefixed[i]! - 1);
    }
    this.lease.release(prefixed);
  }

  private codeOfText(text: string): number {
    if (this.idPrefix !== null) {
      const key = prefixedKey(text, this.idPrefix);
      if (key >= 0) return this.codeOfPrefixed(text, key);
    }
    if (isPackedLength(text.length)) {
      const found = this.packed.code(text);
      return found >= 0 ? found : this.codeOfNewText(text, 0);
    }
    const hash = textHash(text);
    const found = this.textCode(text, hash);
    return found >= 0 ? found : this.codeOfNewText(text, hash);
  }

  /** Enters a trimmed, non-blank text that the text table does not hold, with its hash. */
  private codeOfNewText(text: string, hash: number): number {
    if (this.mayChoosePrefix) {
      // The first text of the prefixed shape chooses the prefix (none of that shape came before it).
      const prefix = idPrefixOf(text);
      if (prefix !== null) {
        this.idPrefix = prefix;
        this.mayChoosePrefix = false;
        return this.codeOfPrefixed(text, prefixedKey(text, prefix));
      }
    }
    // An integer seen as a number first is not in the text table: look it up.
    const asInt = intOfText(text);
    const known = asInt === null ? 0 : this.intCodePlusOne(asInt);
    const code = known !== 0 ? known - 1 : this.newKey(text);
    this.insertText(text, hash, code);
    this.textCount++;
    return code;
  }
}

/**
 * A dense table of codes over [base, base + length) grown to hold `key`
 * (rangeToCover), its entries moved to their places in it; null past `limit`.
 * `table` goes back to the lease.
 */
function grownDense(lease: Lease, table: Int32Array, base: number, length: number, key: number, limit: number): { table: Int32Array; base: number } | null {
  const range = rangeToCover(base, length, key, limit);
  if (range === null) return null;
  const grown = lease.int32(range.length);
  if (length > 0) grown.set(table, base - range.base);
  lease.release(table);
  return { table: grown, base: range.base };
}

/**
 * A dense range of whole numbers [base, base + length) grown to hold `value`:
 * by doubling (few regrowths), never past `limit` entries (null then), and
 * when growing down with half the room below, since ids in random order
 * arrive from both ends. Used by the interner's dense range and by
 * RETENTION's id-offset path.
 */
export function rangeToCover(base: number, length: number, value: number, limit: number): { base: number; length: number } | null {
  const lo = length === 0 ? value : Math.min(base, value);
  const hi = length === 0 ? value : Math.max(base + length - 1, value);
  const needed = hi - lo + 1;
  if (needed > limit) return null;
  const grown = Math.min(limit, Math.max(needed, 2 * length, 1024));
  const slack = grown - needed;
  return { base: length === 0 || value < base ? lo - Math.floor(slack / 2) : lo, length: grown };
}

/** lookupPrefixed's answer for a text not of the chosen prefix's shape (codes are ≥ 0, BLANK_CODE and UNKNOWN_CODE negative). */
const NOT_PREFIXED = -3;

/**
 * The key of a text made of `prefix` and 1 to 9 digits: the digits after a
 * leading 1, read as a number, so that "u07" (107) and "u7" (17) differ as
 * their texts do; −1 for any other text. At most 1,999,999,999: a 32-bit
 * integer.
 */
export function prefixedKey(text: string, prefix: string): number {
  const p = prefix.length;
  const n = text.length;
  if (n <= p || n > p + 9) return -1;
  for (let c = 0; c < p; c++) if (text.charCodeAt(c) !== prefix.charCodeAt(c)) return -1;
  let key = 1;
  for (let c = p; c < n; c++) {
    const digit = text.charCodeAt(c) - 48;
    if (digit < 0 || digit > 9) return -1;
    key = key * 10 + digit;
  }
  return key;
}

/**
 * The prefix of a text made of one (the characters before its first digit)
 * and 1 to 9 digits, else null. Never "-": "-7" is the text of the number
 * −7 and must stay one key with it (the text table looks that up).
 */
export function idPrefixOf(text: string): string | null {
  let p = 0;
  while (p < text.length && !isDigitAt(text, p)) p++;
  if (p === 0 || p === text.length || text.length - p > 9) return null;
  for (let c = p; c < text.length; c++) if (!isDigitAt(text, c)) return null;
  const prefix = text.slice(0, p);
  return prefix === "-" ? null : prefix;
}

function isDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}

/**
 * Whether a text is its own key: not blank, and neither end a character
 * that trim() could remove (ASCII space or control, or any non-ASCII
 * character, among which are Unicode's spaces). A new id usually is, and
 * then goes into the table without trimming and hashing it again.
 */
function isTrimmed(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

/** Text table slots at first; grown fourfold. */
const INITIAL_TEXT_SLOTS = 1024;

/**
 * A 32-bit hash of a text (FNV-1a over UTF-16 units): every unit of a key up
 * to 32 long, else its length with its first and last 16 (ids differ at
 * their ends; a collision costs a probe, never a wrong code).
 */
function textHash(text: string): number {
  const n = text.length;
  let h = n ^ 0x811c9dc5;
  if (n <= 32) {
    for (let j = 0; j < n; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
  } else {
    for (let j = 0; j < 16; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    for (let j = n - 16; j < n; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
  }
  return h;
}

/** The 32-bit integer whose canonical text (String(n)) is `text`, or null ("07", "7.0", "1e3" and "-0" are not). */
function intOfText(text: string): number | null {
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45) || text.length > 11) return null;
  const n = Number(text);
  return (n | 0) === n && String(n) === text ? n : null;
}
