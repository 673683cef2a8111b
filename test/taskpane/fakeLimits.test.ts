/**
 * The in-memory workbook enforces Excel's limits, and the chunked reader
 * (readColumns) stays under them: chunk sizes come from the bytes measured,
 * a payload error shrinks the chunk and retries, progress is reported per
 * chunk, and an aborted signal stops the reading.
 */
import { FakeWorkbook } from "../../src/taskpane/host/fakeWorkbook";
import { PAYLOAD_LIMIT_BYTES, CHUNK_TARGET_BYTES } from "../../src/core/payload/limits";
import type { CellValue } from "../../src/core/tablespec/types";

function events(n: number): CellValue[][] {
  const user: CellValue[] = new Array(n);
  const date: CellValue[] = new Array(n);
  const event: CellValue[] = new Array(n);
  for (let i = 0; i < n; i++) {
    user[i] = `u${String(i % 5000).padStart(6, "0")}`;
    date[i] = 46000 + (i % 90) + (i % 1440) / 1440;
    event[i] = ["browse", "register", "try", "pay"][i % 4]!;
  }
  return [user, date, event];
}

describe("FakeWorkbook limits", () => {
  it("refuses a read of more than 5,000,000 cells (RangeExceedsLimit)", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event"], events(10));
    await expect(fake.readRange("Events!A2:F1000000")).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });

  it("refuses a read whose response is over 5,000,000 bytes (ResponsePayloadSizeLimitExceeded)", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event"], events(300_000));
    const error = await fake.readRange("Events!A2:C300001").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect((error as { measured: number }).measured).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it("refuses to write a sheet request over the limit", async () => {
    const fake = new FakeWorkbook({ payloadLimit: 1000 });
    const row = [{ value: "x".repeat(2000) }];
    await expect(fake.writeSheets({ sheets: [{ kind: "t", name: "T", blocks: [{ anchor: "A1", rows: [row] }] }] }, { onExisting: "keepBoth" })).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
  });
});

describe("readColumns", () => {
  it("reads 300,000 rows in chunks, each response under the target, sized from the bytes measured", async () => {
    const fake = new FakeWorkbook();
    const cols = events(300_000);
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event"], cols);
    const [info] = await fake.listTables();
    expect(info).toMatchObject({ name: "Events", rows: 300_000, headers: ["User", "Date", "Event"], address: "A1:C300001" });
    const progress: number[] = [];
    const result = await fake.readColumns(info!, [0, 2], { onProgress: (p) => progress.push(p.done) });
    expect(result.columns[0]).toEqual(cols[0]);
    expect(result.columns[1]).toEqual(cols[2]);
    const reads = fake.requests.filter((r) => r.op === "read");
    expect(reads.length).toBe(result.requests);
    expect(Math.max(...reads.map((r) => r.bytes))).toBeLessThanOrEqual(CHUNK_TARGET_BYTES * 1.05);
    // The first chunk is 5,000 rows; the next ones are sized from its bytes (far more rows).
    expect(progress[1]).toBe(5000);
    expect(progress[2]! - progress[1]!).toBeGreaterThan(20_000);
    expect(progress[progress.length - 1]).toBe(300_000);
    expect(result.requests).toBeLessThan(20);
  });

  it("shrinks and retries a chunk refused for its size", async () => {
    const fake = new FakeWorkbook({ payloadLimit: 50_000 });
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event"], events(20_000));
    const [info] = await fake.listTables();
    const result = await fake.readColumns(info!, [0, 1, 2]);
    expect(result.columns[0]).toHaveLength(20_000);
    expect(result.columns[2]![19_999]).toBe("pay");
    expect(Math.max(...fake.requests.map((r) => r.bytes))).toBeLessThanOrEqual(50_000);
  });

  it("stops at once when the signal is aborted, with an AbortError", async () => {
    const fake = new FakeWorkbook({ readDelayMs: 5 });
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event"], events(200_000));
    const [info] = await fake.listTables();
    const controller = new AbortController();
    const seen: number[] = [];
    const reading = fake.readColumns(info!, [0, 1], {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        if (p.done > 0) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.requests.filter((r) => r.op === "read")).toHaveLength(1);
  });

  it("finds the current region around the selection and the table it is in", async () => {
    const fake = new FakeWorkbook();
    fake.setValues("Data", "B3", [["用户", "日期"], ["a", 46000], ["b", 46001]]);
    fake.select("Data!C4");
    expect(await fake.selectedRegion()).toMatchObject({ name: "", sheet: "Data", address: "B3:C5", headers: ["用户", "日期"], rows: 2 });
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event"], events(10));
    fake.select("Events!B5");
    expect(await fake.selectedRegion()).toMatchObject({ name: "Events", rows: 10 });
  });

  it("calls onTableChanged listeners when the table changes, until unsubscribed", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event"], events(10));
    let calls = 0;
    const off = await fake.onTableChanged("Events", () => calls++);
    fake.changeTable("Events", 0, 0, "u-new");
    expect(calls).toBe(1);
    off();
    fake.changeTable("Events", 1, 0, "u-new2");
    expect(calls).toBe(1);
    expect(await fake.readRange("Events!A2:A3")).toEqual([["u-new"], ["u-new2"]]);
  });
});
