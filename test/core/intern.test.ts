/**
 * KeyInterner keeps its own hash table over a character pool (see intern.ts),
 * so it is checked here against the obvious reference, a Map from trimmed
 * text to first-appearance index, on cases that stress the table: growth far
 * past the initial size, keys that share prefixes and lengths, non-ASCII and
 * surrogate pairs, and numbers mixed with their text.
 */
import fc from "fast-check";
import { KeyInterner, BLANK_CODE } from "../../src/core/intern";
import { isBlankKey, keyText } from "../../src/core/args";

/** The reference: codes in order of first appearance of the trimmed text. */
function referenceCodes(values: readonly unknown[]): { codes: number[]; names: string[] } {
  const byText = new Map<string, number>();
  const codes = values.map((v) => {
    if (isBlankKey(v)) return BLANK_CODE;
    const text = keyText(v);
    let code = byText.get(text);
    if (code === undefined) {
      code = byText.size;
      byText.set(text, code);
    }
    return code;
  });
  return { codes, names: [...byText.keys()] };
}

function internAll(values: readonly unknown[]): { codes: number[]; names: string[]; interner: KeyInterner } {
  const interner = new KeyInterner();
  const codes = values.map((v) => interner.code(v));
  return { codes, names: [...interner.names], interner };
}

describe("KeyInterner: row-per-case", () => {
  it.each([
    // keys                                     expected codes
    [["a", "b", "a"],                            [0, 1, 0]],
    [[" a", "a ", "\ta\n"],                      [0, 0, 0]],           // trimmed text
    [["a", "A"],                                 [0, 1]],              // case-sensitive
    [[7, "7", " 7 ", 7.0],                       [0, 0, 0, 0]],        // numbers by their text
    [[1.5, "1.5", "1.50"],                       [0, 0, 1]],           // "1.50" is other text
    [[0, "0", null, "", "   "],                  [BLANK_CODE, 0, BLANK_CODE, BLANK_CODE, BLANK_CODE]],
    [[true, "TRUE", "true"],                     [0, 0, 1]],
    [["é", "e\u0301", "é"],                      [0, 1, 0]],           // no Unicode normalisation: as Excel compares
    [["😀", "😁", "😀"],                         [0, 1, 0]],           // surrogate pairs
    [["ab", "ba", "abc", "ab"],                  [0, 1, 2, 0]],        // same chars, other order/length
    [["__proto__", "constructor", "toString", "hasOwnProperty", "__proto__"], [0, 1, 2, 3, 0]], // no inherited keys
    [["10", 10, "010", "4294967295", "1e3", 1000], [0, 0, 1, 2, 3, 4]], // index-like keys stay text
  ])("%j → %j", (keys, expected) => {
    expect(internAll(keys).codes).toEqual(expected);
  });

  it("the number 0 is a key where zeroIsBlank is false (segment values)", () => {
    const interner = new KeyInterner();
    expect([interner.code(0, false), interner.code("0"), interner.code(0)]).toEqual([0, 0, BLANK_CODE]);
  });

  it("lookup never adds a key", () => {
    const interner = new KeyInterner();
    interner.code("known");
    expect([interner.lookup("unknown"), interner.lookup(" known "), interner.lookup(""), interner.lookup(null)]).toEqual([
      BLANK_CODE, 0, BLANK_CODE, BLANK_CODE,
    ]);
    expect(interner.size).toBe(1);
  });

  it("keeps every key through many table and pool growths", () => {
    // 100k distinct ids, most of one length and sharing a prefix, as exported logs have.
    const keys = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? i + 1 : `u${String(i).padStart(7, "0")}`));
    const { codes, names, interner } = internAll(keys);
    expect(codes).toEqual(keys.map((_, i) => i));
    expect([names[99_998], names[99_999]]).toEqual(["u0099998", "100000"]);
    expect(interner.size).toBe(100_000);
    // Every key is found again after all the growth, as text and as number.
    for (let i = 0; i < keys.length; i += 997) {
      expect(interner.lookup(String(keys[i]))).toBe(i);
      expect(interner.lookup(keys[i])).toBe(i);
    }
  });

  it("long keys (the character pool grows past one key's size)", () => {
    const long = "x".repeat(20_000);
    const { codes } = internAll([long, long + "y", long, "short", long + "y"]);
    expect(codes).toEqual([0, 1, 0, 2, 1]);
  });
});

describe("KeyInterner: property against a Map reference", () => {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 4 }) },
    { weight: 2, arbitrary: fc.constantFrom("a", " a", "a ", "A", "7", " 7", "é", "😀", "") },
    { weight: 2, arbitrary: fc.integer({ min: -3, max: 40 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, "__proto__", "constructor", "valueOf", "length") },
  );

  it("codes and names equal the reference's", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        const ours = internAll(keys);
        const ref = referenceCodes(keys);
        expect(ours.codes).toEqual(ref.codes);
        expect(ours.names).toEqual(ref.names);
        for (const k of keys) expect(ours.interner.lookup(k)).toBe(isBlankKey(k) ? BLANK_CODE : ref.codes[keys.indexOf(k)]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("KeyInterner: whole numbers (their own table)", () => {
  it.each<[string, unknown[]]>([
    ["numbers first, then their text", [7, 8, "7", " 8 ", 7]],
    ["text first, then the numbers", ["7", "8", 7, 8, "7"]],
    ["negative and large 32-bit integers", [-1, "-1", 2147483647, "2147483647", -2147483648, "-2147483648"]],
    ["just outside 32 bits (the Map path)", [2147483648, "2147483648", -2147483649, 4294967296, "4294967296"]],
    ["multiples of the table size do not collide into one chain", Array.from({ length: 5000 }, (_, i) => (i % 2 ? i * 1024 : String(i * 1024)))],
    ["fractions beside integers", [1, 1.5, "1.5", "1", 1.0]],
  ])("%s: the same codes as the text reference", (_name, keys) => {
    const { codes, names } = internAll(keys);
    expect({ codes, names }).toEqual(referenceCodes(keys));
  });

  it("0 is blank unless zeroIsBlank is false (then it is the text 0, as is -0)", () => {
    const interner = new KeyInterner();
    expect(interner.code(0)).toBe(BLANK_CODE);
    expect([interner.code(0, false), interner.code(-0, false), interner.code("0")]).toEqual([0, 0, 0]);
  });

  it("lookup finds whole numbers without adding them", () => {
    const interner = new KeyInterner();
    interner.code("12");
    expect([interner.lookup(12), interner.lookup(13), interner.size]).toEqual([0, BLANK_CODE, 1]);
  });

  it("grows far past its first size and keeps every code (fast-check against the reference)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -3000, max: 3000 }), fc.integer().map(String), fc.integer({ min: 1, max: 1e6 })), { maxLength: 4000 }), (keys) => {
        const { codes, names } = internAll(keys);
        expect({ codes, names }).toEqual(referenceCodes(keys));
      }),
      { numRuns: 50 },
    );
  });
});
