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
 * 32-bit integers go through an open-addressing table of their own (typed
 * arrays, a multiplicative hash, linear probing), which costs one multiply
 * and usually one probe. A 32-bit integer's text is not put in the text
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
   * 32-bit integers → code + 1 (0 = empty slot), open addressing over a
   * power-of-two table; slot i is ints[2i] (the key) and ints[2i+1] (code + 1),
   * side by side so a lookup touches one cache line.
   */
  private ints = new Int32Array(2048);
  private intMask = 1023;
  /** Fibonacci hashing: the top log2(size) bits of value × 2^32/φ (the low bits would cluster multiples of the size). */
  private intShift = 22;
  private intCount = 0;
  /** How many keys the text table holds (0: a new integer need not look its text up). */
  private textCount = 0;
  /** Code → the key's text, in order of first appearance. */
  readonly names: string[] = [];

  get size(): number {
    return this.names.length;
  }

  /** Code of a key cell, or BLANK_CODE for null, "", spaces and (when zeroIsBlank) the number 0. */
  code(value: unknown, zeroIsBlank = true): number {
    if (typeof value === "string") {
      // Most cells need no trimming: try the cell itself first (keys are trimmed,
      // so an untrimmed cell simply misses here and is trimmed below).
      const known = this.byText[value];
      if (known !== undefined) return known;
    } else if (typeof value === "number") {
      if (value === 0 && zeroIsBlank) return BLANK_CODE;
      if ((value | 0) === value) return this.codeOfInt(value);
      const known = this.byNumber.get(value);
      if (known !== undefined) return known;
      const code = this.codeOfText(String(value));
      this.byNumber.set(value, code);
      return code;
    }
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
        const known = this.ints[2 * this.slotOfInt(value) + 1]!;
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
    const code = this.ints[2 * this.slotOfInt(asInt) + 1]!;
    return code === 0 ? BLANK_CODE : code - 1;
  }

  /** The slot of a 32-bit integer: where it is, or the empty slot where it goes. */
  private slotOfInt(value: number): number {
    const ints = this.ints;
    const mask = this.intMask;
    let slot = Math.imul(value, 0x9e3779b1) >>> this.intShift;
    while (ints[2 * slot + 1] !== 0 && ints[2 * slot] !== value) slot = (slot + 1) & mask;
    return slot;
  }

  private codeOfInt(value: number): number {
    const slot = this.slotOfInt(value);
    const known = this.ints[2 * slot + 1]!;
    if (known !== 0) return known - 1;
    // First sight: the number and its text share a code (-0 is "0" too).
    const text = String(value);
    let code = this.textCount > 0 ? this.byText[text] : undefined;
    if (code === undefined) {
      code = this.names.length;
      this.names.push(text);
    }
    this.ints[2 * slot] = value;
    this.ints[2 * slot + 1] = code + 1;
    if (++this.intCount * 2 > this.intMask) this.growInts();
    return code;
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
    const known = asInt === null ? 0 : this.ints[2 * this.slotOfInt(asInt) + 1]!;
    if (known !== 0) {
      code = known - 1;
    } else {
      code = this.names.length;
      this.names.push(text);
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
