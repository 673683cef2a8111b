/**
 * Interns ids, events and segment values into small integer codes once, so
 * the metric loops work on typed arrays instead of strings.
 * Numbers and text share one key space by their text: 7 and "7" are one id.
 *
 * The engine's own hash table is the right one here. We expect Excel to hand
 * a range over as parsed JSON (the runtime's messages are JSON; not checked
 * in a real Excel), and V8's JSON parser gives equal strings one shared object with
 * its hash already computed, so a lookup is a pointer comparison. A
 * hand-written hash table over a character pool was tried (CHANGELOG,
 * Unreleased): it wins only on strings that are all distinct objects, and
 * loses 2x on JSON-parsed ids.
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

export const BLANK_CODE = -1;

export class KeyInterner {
  /**
   * Text → code in a prototype-less object used as a dictionary, not a Map:
   * V8 keeps such an object's keys inline in one hash table, one probe fewer
   * than a Map's bucket-then-entry, and measured 10–45% faster per lookup on
   * 1M ids in every layout tried (JSON-parsed or not, grouped or in time order).
   * Without a prototype, keys such as "constructor" or "__proto__" are
   * ordinary keys; own-property reads are all it is used for.
   */
  private readonly byText: Record<string, number> = Object.create(null) as Record<string, number>;
  private readonly byNumber = new Map<number, number>();
  /**
   * Whole numbers other than 0 while they fit a dense range: code + 1 of the
   * integer directBase + i at direct[i] (0 = not seen). Ids numbered by a
   * database are dense, and one load from a table a few hundred kB long beats
   * hashing into a table of 8 bytes a slot (measured 2× on 1M ids in random
   * order). Once the range would grow past directLimit(), every integer moves
   * to the hash table below for good (directLength = 0).
   */
  private direct = new Int32Array(0);
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
  private ints = new Int32Array(2048);
  private intMask = 1023;
  /** Fibonacci hashing: the top log2(size) bits of value × 2^32/φ (the low bits would cluster multiples of the size). */
  private intShift = 22;
  /** Integers in the hash table. */
  private intCount = 0;
  /** Integers in the dense range. */
  private directCount = 0;
  /** How many keys the text table holds (0: a new integer need not look its text up). */
  private textCount = 0;
  /**
   * Code → the key as first seen: its text, or a 32-bit integer whose text
   * is made only when `names` is asked for. A column of 100k numeric ids
   * needs codes, not texts: String() on each new integer was 100k strings
   * of garbage per call.
   */
  private readonly keys: (string | number)[] = [];
  private namesMade: string[] = [];
  private readonly directFloor: number;

  /** `cells`: how many cells will be interned at most (a hint that sizes the dense range; any count works). */
  constructor(cells = 0) {
    this.directFloor = Math.min(1 << 20, Math.max(4096, 4 * cells));
  }

  get size(): number {
    return this.keys.length;
  }

  /** Code → the key's text, in order of first appearance (made on first use, then extended). */
  get names(): readonly string[] {
    const made = this.namesMade;
    for (let code = made.length; code < this.keys.length; code++) made.push(String(this.keys[code]!));
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
      // Most cells need no trimming: try the cell itself first (keys are trimmed,
      // so an untrimmed cell simply misses here and is trimmed below).
      const known = this.byText[value];
      if (known !== undefined) return known;
    }
    return this.codeOfOther(value);
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
    return this.codeOfText(text);
  }

  /** Code of a key already known, without adding it (BLANK_CODE when unknown or blank, as in `code`). */
  lookup(value: unknown, zeroIsBlank = true): number {
    if (typeof value === "number") {
      if (value === 0 && zeroIsBlank) return BLANK_CODE;
      if ((value | 0) === value) {
        const known = this.intCodePlusOne(value);
        if (known !== 0) return known - 1;
      }
      const known = this.byNumber.get(value);
      if (known !== undefined) return known;
    }
    if (value === null || value === undefined) return BLANK_CODE;
    const text = keyText(value);
    if (text === "") return BLANK_CODE;
    const known = this.byText[text];
    if (known !== undefined) return known;
    const asInt = intOfText(text);
    if (asInt === null) return BLANK_CODE;
    const code = this.intCodePlusOne(asInt);
    return code === 0 ? BLANK_CODE : code - 1;
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
    let code = this.textCount > 0 ? this.byText[String(value)] : undefined;
    if (code === undefined) {
      code = this.keys.length;
      this.keys.push(value); // -0 too: String(-0) is "0"
    }
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
    const lo = length === 0 ? value : Math.min(this.directBase, value);
    const hi = length === 0 ? value : Math.max(this.directBase + length - 1, value);
    const needed = hi - lo + 1;
    const limit = this.directLimit();
    if (needed > limit) {
      this.leaveDirect();
      return false;
    }
    // Room to grow by doubling; growing down leaves half of it below (ids in random order arrive from both ends).
    const grown = Math.min(limit, Math.max(needed, 2 * length, 1024));
    const slack = grown - needed;
    const base = value < this.directBase || length === 0 ? lo - Math.floor(slack / 2) : lo;
    const table = new Int32Array(grown);
    if (length > 0) table.set(this.direct, this.directBase - base);
    this.direct = table;
    this.directBase = base;
    this.directLength = grown;
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
    this.direct = new Int32Array(0);
    for (let i = 0; i < directLength; i++) if (direct[i] !== 0) this.insertInt(directBase + i, direct[i]!);
  }

  private insertInt(value: number, codePlusOne: number): void {
    const slot = this.slotOfInt(value);
    this.ints[2 * slot] = value;
    this.ints[2 * slot + 1] = codePlusOne;
    if (++this.intCount * 2 > this.intMask) this.growInts();
  }

  private growInts(): void {
    const old = this.ints;
    this.ints = new Int32Array(old.length * 2);
    this.intMask = this.ints.length / 2 - 1;
    this.intShift--;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const slot = this.slotOfInt(old[i]!);
      this.ints[2 * slot] = old[i]!;
      this.ints[2 * slot + 1] = old[i + 1]!;
    }
  }

  private codeOfText(text: string): number {
    let code = this.byText[text];
    if (code !== undefined) return code;
    // An integer seen as a number first is not in the text table: look it up.
    const asInt = intOfText(text);
    const known = asInt === null ? 0 : this.intCodePlusOne(asInt);
    if (known !== 0) {
      code = known - 1;
    } else {
      code = this.keys.length;
      this.keys.push(text);
    }
    this.byText[text] = code;
    this.textCount++;
    return code;
  }
}

/** The 32-bit integer whose canonical text (String(n)) is `text`, or null ("07", "7.0", "1e3" and "-0" are not). */
function intOfText(text: string): number | null {
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45) || text.length > 11) return null;
  const n = Number(text);
  return (n | 0) === n && String(n) === text ? n : null;
}
