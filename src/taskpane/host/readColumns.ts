/**
 * Chunked column reading shared by both hosts: the source's data rows are
 * read in row blocks spanning the requested columns, each block one request
 * (one Excel.run / one sync in Excel), sized by readInChunks from the bytes
 * measured. No Office.js here: the host passes how one block is read.
 */
import { parseRange, rangeA1 } from "../../core/tablespec/a1";
import { readInChunks } from "../../core/payload/chunks";
import { jsonBytes } from "../../core/payload/limits";
import { joinAddress, type ReadColumnsOptions, type ReadColumnsResult, type ReadValue, type TableInfo } from "./WorkbookHost";

export async function readSourceColumns(
  source: TableInfo,
  columns: readonly number[],
  readRange: (address: string) => Promise<ReadValue[][]>,
  options: ReadColumnsOptions = {},
): Promise<ReadColumnsResult> {
  if (columns.length === 0) return { columns: [], requests: 0, largestBytes: 0 };
  const area = parseRange(source.address);
  const lo = Math.min(...columns);
  const hi = Math.max(...columns);
  const firstData = area.row1 + 1;
  const pick = columns.map((c) => c - lo);
  const contiguous = pick.every((p, i) => p === i) && pick.length === hi - lo + 1;
  // Chunks are sized from what Excel actually sent: the whole block, unpicked columns too.
  let lastBytes = 0;
  const result = await readInChunks<ReadValue>(
    source.rows,
    columns.length,
    async (first, count) => {
      const address = joinAddress(source.sheet, rangeA1(firstData + first, area.col1 + lo, firstData + first + count - 1, area.col1 + hi));
      const block = await readRange(address);
      lastBytes = jsonBytes(block);
      return contiguous ? block : block.map((line) => pick.map((p) => line[p] ?? ""));
    },
    { onProgress: options.onProgress, signal: options.signal, bytesOf: () => lastBytes },
  );
  return result;
}
