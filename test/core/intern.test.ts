/**
 * KeyInterner keeps its own hash table over a character pool (see intern.ts),
 * so it is checked here against the obvious reference, a Map from trimmed
 * text to first-appearance index, on cases that stress the table: growth far
 * past the initial size, keys that share prefixes and lengths, non-ASCII and
 * surrogate pairs, and numbers mixed with their text.
 */
import fc from "fast-check";
import { KeyInterner, BLANK_CODE, UNKNOWN_CODE } from "../../src/core/intern";
import { withLease } from "../../src/core/pool";
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

/** Interns `values`: the reference's codes and names, and lookup finds each value's code. */
function expectLikeReference(values: readonly unknown[]): KeyInterner {
  const ours = internAll(values);
  const ref = referenceCodes(values);
  expect(ours.codes).toEqual(ref.codes);
  expect(ours.names).toEqual(ref.names);
  for (const v of values) expect(ours.interner.lookup(v)).toBe(ref.codes[values.indexOf(v)]);
  return ours.interner;
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

  it("lookup never adds a key; an unknown key is UNKNOWN_CODE, a blank BLANK_CODE", () => {
    const interner = new KeyInterner();
    interner.code("known");
    interner.code(12);
    const asked = [interner.lookup("unknown"), interner.lookup(" known "), interner.lookup(""), interner.lookup(null), interner.lookup(0)];
    expect(asked).toEqual([UNKNOWN_CODE, 0, BLANK_CODE, BLANK_CODE, BLANK_CODE]);
    expect([interner.lookup(13), interner.lookup("13"), interner.lookup(1.5), interner.lookup(" 12"), interner.lookup("12"), interner.lookup(12)]).toEqual([
      UNKNOWN_CODE, UNKNOWN_CODE, UNKNOWN_CODE, 1, 1, 1,
    ]);
    expect(interner.size).toBe(2);
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

  it("on a call's lease: the same codes, and the names and size still readable after the lease ends", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `id-${i % 1777}` : (i % 1333) + 1));
    const interner = withLease((lease) => {
      const pooled = new KeyInterner(keys.length, lease);
      expect(keys.map((k) => pooled.code(k))).toEqual(referenceCodes(keys).codes);
      return pooled;
    });
    expect({ names: interner.names, size: interner.size }).toEqual({ names: referenceCodes(keys).names, size: referenceCodes(keys).names.length });
  });

  it("keepNames: false gives the same codes and size, and refuses names rather than answer wrongly", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => (i % 3 ? `id-${i % 1777}` : (i % 1333) + 1));
    const nameless = new KeyInterner(keys.length, undefined, { keepNames: false });
    const ref = referenceCodes(keys);
    expect(keys.map((k) => nameless.code(k))).toEqual(ref.codes);
    expect(nameless.size).toBe(ref.names.length);
    expect(() => nameless.names).toThrow(/keepNames/);
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

  it("lookup of keys never interned: blank, known by their text, or UNKNOWN_CODE, and nothing is added", () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(key, { maxLength: 300 }), (interned, asked) => {
        const ours = internAll(interned);
        const ref = new Map(referenceCodes(interned).names.map((name, code) => [name, code]));
        for (const k of asked) {
          const expected = isBlankKey(k) ? BLANK_CODE : (ref.get(keyText(k)) ?? UNKNOWN_CODE);
          expect(ours.interner.lookup(k)).toBe(expected);
        }
        expect(ours.interner.size).toBe(ref.size);
      }),
      { numRuns: 300 },
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
    expect([interner.lookup(12), interner.lookup(13), interner.size]).toEqual([0, UNKNOWN_CODE, 1]);
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

describe("KeyInterner: whole numbers in a dense range (indexed by the id), then the hash table", () => {
  /** A seeded shuffle (mulberry32), so the cases are the same on every run. */
  function shuffled<T>(items: T[], seed: number): T[] {
    let a = seed >>> 0;
    const random = (): number => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

  it.each<[string, unknown[]]>([
    ["database ids in random order, each twice", shuffled([...range(1_000_000, 20_000), ...range(1_000_000, 20_000)], 1)],
    ["dense ids, then one far away (the range is given up mid-way)", [...shuffled(range(500, 3000), 2), 2_000_000_000, ...range(500, 3000), 2_000_000_000]],
    ["far apart from the start (never dense)", [5, 1_000_000_000, -1_000_000_000, 5, "1000000000", -1_000_000_000]],
    ["negative dense ids and 0 inside the range", [-5, -4, "0", -3, 0, 3, "-4", 4, -5, 0]],
    ["text of ids before, inside and after the switch", ["700", 700, 701, "701", ...range(702, 50), 1e9, "1000000000", "751", 751, "702"]],
    ["growing down, then up, past the first table", [...range(100_000, 10).reverse(), ...range(95_000, 5000).reverse(), ...range(100_010, 5000)]],
    ["fractions and -0 beside dense integers", [1, 2, 1.5, -0, 2, 3, 1.5, "1.5", 0, "0"]],
  ])("%s: the same codes as the text reference", (_name, keys) => {
    const { codes, names, interner } = internAll(keys);
    expect({ codes, names }).toEqual(referenceCodes(keys));
    const ref = referenceCodes(keys);
    keys.forEach((k, i) => expect(interner.lookup(k)).toBe(ref.codes[i]));
  });

  it("the size hint changes no code (a small hint gives up the range sooner)", () => {
    const keys = shuffled([...range(1, 30_000), ...range(1, 30_000).map(String)], 3);
    const expected = referenceCodes(keys);
    for (const hint of [0, 10, 60_000, 10_000_000]) {
      const interner = new KeyInterner(hint);
      expect({ codes: keys.map((k) => interner.code(k)), names: [...interner.names] }).toEqual(expected);
    }
  });

  it("fast-check: dense and sparse integers, their text, in any order, against the reference", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.integer({ min: 999_900, max: 1_000_100 }) },
            { weight: 1, arbitrary: fc.integer({ min: -2_000_000, max: 2_000_000 }) },
            { weight: 1, arbitrary: fc.integer() },
            { weight: 1, arbitrary: fc.integer({ min: 999_900, max: 1_000_100 }).map(String) },
            { weight: 1, arbitrary: fc.constantFrom(0, -0, "0", 0.5, "x") },
          ),
          { maxLength: 3000 },
        ),
        fc.nat({ max: 100_000 }),
        (keys, hint) => {
          const interner = new KeyInterner(hint);
          const codes = keys.map((k) => interner.code(k));
          expect({ codes, names: [...interner.names] }).toEqual(referenceCodes(keys));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("KeyInterner: text ids of one prefix and digits (kept by their digits)", () => {
  it.each([
    ["leading zeros are part of the id", ["u07", "u7", "u007", "u07"]],
    ["a prefixed id is not the number its digits spell", ["u7", 7, "7", "u7"]],
    ["\"-7\" is the number -7's text, not a prefixed id", [-7, "-7", "-07", "-7"]],
    ["spaces around a prefixed id are trimmed", ["u12", " u12", "u12 ", "\u00a0u12"]],
    ["the prefix is case-sensitive, and another prefix is another id", ["u12", "U12", "CUST-012", "u12"]],
    ["ten digits or more, or a letter after the digits, are plain text", ["u12", "u1234567890", "u12a", "u1234567890", "u12a"]],
    ["a first text of another shape leaves the choice to a later one", ["alice", "CUST-001", "alice", "CUST-002", "CUST-001"]],
  ])("%s", (_name, values) => {
    expectLikeReference(values);
  });

  it("ids too far apart for the dense range move to the text table with their codes (and later ones follow)", () => {
    const values = ["u1", "u5", "u999999999", "u5", "u42", " u999999999", "u1"];
    const interner = new KeyInterner(0);
    const codes = values.map((v) => interner.code(v));
    expect({ codes, names: [...interner.names] }).toEqual(referenceCodes(values));
    expect(interner.lookup("u42")).toBe(3);
    expect(interner.lookup("u43")).toBe(UNKNOWN_CODE);
  });

  it("lookup: a prefixed id never interned is unknown, whatever the range", () => {
    const interner = new KeyInterner(0);
    ["u0001", "u0002"].forEach((v) => interner.code(v));
    expect(["u0001", "u0003", "u1", "u99999999", " u0002"].map((v) => interner.lookup(v))).toEqual([0, UNKNOWN_CODE, UNKNOWN_CODE, UNKNOWN_CODE, 1]);
  });

  it("fast-check: prefixed ids of any width, near and far, untrimmed, other prefixes, numbers, against the reference", () => {
    const digits = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 3 })).map(([n, zeros]) => "0".repeat(zeros) + String(n));
    const key = fc.oneof(
      { weight: 6, arbitrary: digits(300).map((d) => `u${d}`) },
      { weight: 1, arbitrary: digits(999_999_999).map((d) => `u${d}`) },
      { weight: 1, arbitrary: digits(300).map((d) => `CUST-${d}`) },
      { weight: 1, arbitrary: digits(300).map((d) => ` u${d} `) },
      { weight: 1, arbitrary: fc.integer({ min: -300, max: 300 }) },
      { weight: 1, arbitrary: fc.integer({ min: -300, max: 300 }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom("u", "u-1", "u1.5", "-", "-5", "x", "", null) },
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 600 }), fc.array(key, { maxLength: 60 }), fc.nat({ max: 5000 }), (keys, asked, hint) => {
        const interner = new KeyInterner(hint);
        const codes = keys.map((k) => interner.code(k));
        const ref = referenceCodes(keys);
        expect({ codes, names: [...interner.names] }).toEqual(ref);
        const byName = new Map(ref.names.map((name, code) => [name, code]));
        for (const k of asked) expect(interner.lookup(k)).toBe(isBlankKey(k) ? BLANK_CODE : (byName.get(keyText(k)) ?? UNKNOWN_CODE));
        expect(interner.size).toBe(ref.names.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("KeyInterner: texts of 11 to 26 units (kept packed in a typed array, compared in place)", () => {
  it.each([
    ["the boundaries: 10, 11, 26 and 27 units", ["a".repeat(10), "a".repeat(11), "a".repeat(26), "a".repeat(27), "a".repeat(11), "a".repeat(26)]],
    ["texts that differ only in their last unit, or in length by a trailing unit", ["cus_0123456789a", "cus_0123456789b", "cus_0123456789", "cus_0123456789ab", "cus_0123456789a"]],
    ["spaces around a long text are trimmed (an alias in the packed table)", ["person@example.com", " person@example.com", "person@example.com  ", "\tperson@example.com"]],
    ["non-ASCII and surrogate pairs", ["müller@example.de", "muller@example.de", "😀😀😀😀😀😀", "😀😀😀😀😀😁", "müller@example.de"]],
    ["an untrimmed text of 27 units whose trimmed text has 25", [" " + "b".repeat(25) + " ", "b".repeat(25)]],
    ["a 32-bit integer whose text has 11 units, number first", [-2147483648, "-2147483648", " -2147483648", -2147483648]],
    ["a 32-bit integer whose text has 11 units, text first", ["-2147483647", -2147483647, "-2147483647", -2147483648]],
  ])("%s", (_name, values) => {
    expect(expectLikeReference(values).lookup("x".repeat(18))).toBe(UNKNOWN_CODE);
  });

  it("fast-check: long texts of similar shape, untrimmed, across the table's growth, against the reference", () => {
    const unit = fc.constantFrom("a", "b", "0", "1", "@", ".", "é", "\u{1F600}");
    const text = fc.array(unit, { minLength: 8, maxLength: 30 }).map((units) => units.join(""));
    const key = fc.oneof(
      { weight: 6, arbitrary: text },
      { weight: 1, arbitrary: text.map((t) => ` ${t} `) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 2000 }).map((n) => `customer-${String(n).padStart(6, "0")}@acme.io`) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(12345678901, "12345678901", null, "") },
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 2500 }), fc.array(key, { maxLength: 50 }), (keys, asked) => {
        const ours = internAll(keys);
        const ref = referenceCodes(keys);
        expect({ codes: ours.codes, names: ours.names }).toEqual(ref);
        const byName = new Map(ref.names.map((name, code) => [name, code]));
        for (const k of [...asked, ...keys.slice(0, 50)]) expect(ours.interner.lookup(k)).toBe(isBlankKey(k) ? BLANK_CODE : (byName.get(keyText(k)) ?? UNKNOWN_CODE));
      }),
      { numRuns: 150 },
    );
  });
});
