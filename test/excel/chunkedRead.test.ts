/**
 * officeHost.readColumns against the office-addin-mock workbook (mockExcel.ts),
 * which enforces Excel's limits at each sync: a 300,000-row table is read in
 * chunks, one sync each, every response under the limit; the number of syncs
 * grows with the bytes (chunks), not with the rows; a chunk refused for its
 * size is retried smaller.
 */
import { officeHost } from "../../src/taskpane/host/officeHost";
import type { TableInfo } from "../../src/taskpane/host/WorkbookHost";
import { PAYLOAD_LIMIT_BYTES } from "../../src/core/payload/limits";
import { createMockExcel, type MockExcelOptions } from "./mockExcel";

function table(rows: number): unknown[][] {
  const out: unknown[][] = [["User", "Date", "Event"]];
  for (let i = 0; i < rows; i++) out.push([`u${String(i % 9000).padStart(7, "0")}`, 46000 + (i % 120) + (i % 86400) / 86400, ["browse", "register", "try", "pay"][i % 4]]);
  return out;
}

function install(values: unknown[][], options: MockExcelOptions = {}) {
  const excel = createMockExcel([{ name: "Events", values }], [], options);
  (globalThis as unknown as Record<string, unknown>).Excel = { run: (fn: (c: Excel.RequestContext) => Promise<unknown>) => fn(excel.context) };
  return excel;
}

const info = (rows: number): TableInfo => ({ name: "Events", sheet: "Events", address: `A1:C${rows + 1}`, headers: ["User", "Date", "Event"], rows, sample: [] });

describe("officeHost.readColumns through office-addin-mock", () => {
  it.each([20_000, 300_000])("reads %i rows in chunks, one sync each, every response under the limit", async (rows) => {
    const values = table(rows);
    const excel = install(values);
    const progress: number[] = [];
    const result = await officeHost.readColumns(info(rows), [0, 1, 2], { onProgress: (p) => progress.push(p.done) });
    expect(result.columns[0]![rows - 1]).toBe(values[rows]![0]);
    expect(result.columns[2]![0]).toBe("browse");
    expect(excel.syncs()).toBe(result.requests);
    expect(Math.max(...excel.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(progress[progress.length - 1]).toBe(rows);
    // Syncs follow the bytes: ~2 MB per chunk after the first 5,000 rows, never a sync per row.
    const total = excel.responseBytes.reduce((a, b) => a + b, 0);
    expect(excel.syncs()).toBeLessThanOrEqual(Math.ceil(total / 2_000_000) + 2);
    expect(excel.syncs()).toBeLessThan(rows / 1000);
  });

  it("retries a chunk refused with ResponsePayloadSizeLimitExceeded with fewer rows", async () => {
    const rows = 20_000;
    const excel = install(table(rows), { payloadLimit: 60_000 });
    const result = await officeHost.readColumns(info(rows), [0, 2]);
    expect(result.columns[0]).toHaveLength(rows);
    const refused = excel.responseBytes.filter((b) => b > 60_000);
    expect(refused.length).toBeGreaterThanOrEqual(1); // the first 5,000-row chunk is too big
    expect(excel.syncs()).toBe(result.requests); // each attempt is one request
    expect(result.largestBytes).toBeLessThanOrEqual(60_000);
  });
});
