/**
 * PackedTextTable on its own: the caller gives the hash, so a test can give
 * every text the same one and check that the units and the length, not the
 * hash, decide (in KeyInterner a collision is rare, so the comparison is
 * seldom the last word; here it always is).
 */
import { PackedTextTable, PACKED_MAX_UNITS, PACKED_MIN_UNITS, isPackedLength } from "../../src/core/packedText";
import { Lease } from "../../src/core/pool";

/** Every text hashes alike: each probe then walks all entries, and only the units and lengths tell them apart. */
class OneHashTable extends PackedTextTable {
  protected override finish(): number {
    return 12345;
  }
}

function tableOf(texts: readonly string[]): PackedTextTable {
  const table = new OneHashTable(Lease.unpooled());
  texts.forEach((text, code) => table.insert(text, code));
  return table;
}

describe("PackedTextTable", () => {
  it("holds texts of 11 to 26 units", () => {
    expect([10, 11, 26, 27].map(isPackedLength)).toEqual([false, true, true, false]);
    expect([PACKED_MIN_UNITS, PACKED_MAX_UNITS]).toEqual([11, 26]);
  });

  it.each([
    ["differ in an odd unit (the high half of a pair)", ["cus_0123456789a", "cus_0123457789a"]],
    ["differ in an even unit (the low half)", ["cus_0123456789a", "cus_0123456789b"]],
    ["differ in the first unit only", ["aus_0123456789a", "cus_0123456789a"]],
    ["differ only by a trailing U+0000 (packed alike, lengths differ)", ["cus_012345678", "cus_012345678\u0000"]],
    ["an even and an odd length with the same units", ["cus_0123456789ab", "cus_0123456789a"]],
    ["surrogate halves in either position", ["😀😀😀😀😀😀", "x😀😀😀😀😀", "😀😀😀😀😀😁"]],
  ])("texts that %s keep their own codes under one hash", (_name, texts) => {
    const table = tableOf(texts);
    texts.forEach((text, code) => expect(table.code(text)).toBe(code));
    expect(table.code("cus_9999999999")).toBe(-1);
  });

  it("finds every text after the index and the entries grow (2,000 texts)", () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `customer-${String(i).padStart(6, "0")}`);
    const table = new PackedTextTable(Lease.unpooled());
    texts.forEach((text, code) => table.insert(text, code));
    texts.forEach((text, code) => expect(table.code(text)).toBe(code));
    expect(table.code("customer-002000")).toBe(-1);
  });

  it("the same with one hash for all (300 texts: every probe a long walk)", () => {
    const texts = Array.from({ length: 300 }, (_, i) => `customer-${String(i).padStart(6, "0")}`);
    const table = tableOf(texts);
    texts.forEach((text, code) => expect(table.code(text)).toBe(code));
  });
});
