/**
 * Excel's request limits in the office-addin-mock double (mockExcel.ts) and
 * the sheet writer that must respect them: a batch over 5,000,000 bytes
 * fails as Excel fails, a 100k-customer tiering sheet is written in several
 * requests each under the limit, and syncs grow with the bytes, not the rows.
 */
import { defaultSheetNames } from "../../src/core/generators/context";
import { generateTiering } from "../../src/core/generators/tiering";
import { CHUNK_TARGET_BYTES, PAYLOAD_LIMIT_BYTES, ExcelLimitError, jsonBytes, utf8Length } from "../../src/core/payload/limits";
import { writeSheets } from "../../src/excel/writeWorkbook";
import { createMockExcel } from "./mockExcel";

const customers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Customer ${String(i + 1).padStart(6, "0")}`, value: 1000 + ((i * 7919) % 100000) }));
const tiering = (n: number) => generateTiering(customers(n), { cutoffs: [0.5, 0.8, 0.95], labels: ["S", "A", "B", "C"] }, { locale: "en", sheetNames: defaultSheetNames("en") });

describe("measuring", () => {
  it.each([
    ["abc", 3],
    ["用户", 6],
    ["é", 2],
    ["😀", 4],
  ])("utf8Length(%j) = %i", (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
  });

  it("jsonBytes is the UTF-8 size of the JSON", () => {
    const v = [["u1", 46023.5, "注册"], ["u2", 1, ""]];
    expect(jsonBytes(v)).toBe(Buffer.byteLength(JSON.stringify(v), "utf8"));
  });
});

describe("the mock refuses what Excel refuses", () => {
  it("a batch whose values measure over 5,000,000 bytes fails with RequestPayloadSizeLimitExceeded", async () => {
    const excel = createMockExcel(["Sheet1"]);
    const rows = Array.from({ length: 300_000 }, (_, i) => [`user-${i}-xxxxxxxx`]);
    excel.context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows.length}`).values = rows;
    const error = await excel.context.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelLimitError);
    expect((error as ExcelLimitError).code).toBe("RequestPayloadSizeLimitExceeded");
    expect((error as ExcelLimitError).measured).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it("a read of more than 5,000,000 cells fails with RangeExceedsLimit", async () => {
    const excel = createMockExcel([{ name: "Data", values: [["a"]] }]);
    const range = excel.context.workbook.worksheets.getItem("Data").getRange("A1:E1000001");
    range.load("values");
    await expect(excel.context.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });

  it("a read response over the limit fails with ResponsePayloadSizeLimitExceeded", async () => {
    const values = Array.from({ length: 1000 }, (_, i) => [`row ${i}`, i]);
    const excel = createMockExcel([{ name: "Data", values }], [], { payloadLimit: 5000 });
    const range = excel.context.workbook.worksheets.getItem("Data").getRange("A1:B1000");
    range.load("values");
    await expect(excel.context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    const small = excel.context.workbook.worksheets.getItem("Data").getRange("A1:B10");
    small.load("values");
    await excel.context.sync();
    // Loaded and synced just above (the lint rule looks for a variable named `context`).
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
    expect(small.values[9]).toEqual(["row 9", 9]);
  });
});

describe("the sheet writer stays under the limit", () => {
  it("writes a 100k-customer tiering sheet in several requests, each under the limit", async () => {
    const excel = createMockExcel(["Sheet1"]);
    const spec = { sheets: [tiering(100_000)] };
    const total = spec.sheets[0]!.blocks.reduce((n, b) => n + jsonBytes(b.rows.map((r) => r.map((c) => c?.formula ?? c?.value ?? null))), 0);
    expect(total).toBeGreaterThan(PAYLOAD_LIMIT_BYTES); // one request would fail
    await writeSheets(excel.context, spec, { onExisting: "keepBoth" });
    const writes = excel.requestBytes.filter((b) => b > 0);
    expect(writes.length).toBeGreaterThan(2);
    expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(CHUNK_TARGET_BYTES + 200_000);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it("syncs grow with the bytes in chunks, not per row", async () => {
    const counts: number[] = [];
    for (const n of [100, 10_000, 40_000]) {
      const excel = createMockExcel(["Sheet1"]);
      await writeSheets(excel.context, { sheets: [tiering(n)] }, { onExisting: "keepBoth", requestBytes: 200_000 });
      counts.push(excel.syncs());
      expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(200_000 + 20_000);
    }
    expect(counts[0]).toBe(2); // a small sheet is still one load + one write
    expect(counts[1]).toBeGreaterThan(counts[0]!);
    expect(counts[2]).toBeGreaterThan(counts[1]!);
    expect(counts[2]).toBeLessThan(40_000 / 100); // one request per ~200 KB, hundreds of rows each
  });
});
