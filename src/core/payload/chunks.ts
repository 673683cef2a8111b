/**
 * Chunking by measured bytes, for reads and writes that must each stay under
 * Excel's request limit (limits.ts). Pure: the caller supplies how one chunk
 * is read, this decides how many rows go in each request.
 *
 * Reading follows Microsoft's large-range guidance: read in row blocks,
 * start with a few thousand rows, and retry with a smaller block on a limit
 * error. The block size after the first is computed from the bytes actually
 * measured per row so far, aiming at CHUNK_TARGET_BYTES.
 */
import { CHUNK_TARGET_BYTES, READ_CELL_LIMIT, isLimitError, jsonBytes } from "./limits";

export interface ChunkProgress {
  /** Rows read so far. */
  done: number;
  total: number;
  /** Requests made so far (a retried chunk counts each attempt). */
  requests: number;
}

export interface ChunkedReadOptions {
  /** Bytes each response should stay under (default CHUNK_TARGET_BYTES). */
  targetBytes?: number;
  /** Rows of the first request (default 5,000, as Microsoft suggests 5k–20k). */
  firstRows?: number;
  onProgress?: (progress: ChunkProgress) => void;
  signal?: AbortSignal;
  /** Bytes of the response a chunk came from (default: the chunk's own JSON). */
  bytesOf?: (chunk: unknown[][]) => number;
}

export interface ChunkedReadResult<T> {
  /** Each requested column's values, in row order. */
  columns: T[][];
  requests: number;
  /** Largest response measured, in bytes. */
  largestBytes: number;
}

/** The error thrown when a read is cancelled (name "AbortError", like fetch). */
export function abortError(): Error {
  const error = new Error("The operation was cancelled.");
  error.name = "AbortError";
  return error;
}

export const isAbortError = (e: unknown): boolean => (e as { name?: unknown } | null)?.name === "AbortError";

/**
 * Reads `total` rows of `width` columns in chunks: `read(first, count)` must
 * return `count` rows (each an array with one value per column) starting at
 * row `first` (0-based within the data). Rows are handed to `take` as they
 * arrive, so the caller can keep columns instead of a copy of every row.
 */
export async function readInChunks<T>(
  total: number,
  width: number,
  read: (first: number, count: number) => Promise<T[][]>,
  options: ChunkedReadOptions = {},
): Promise<ChunkedReadResult<T>> {
  const target = options.targetBytes ?? CHUNK_TARGET_BYTES;
  const maxRowsByCells = Math.max(1, Math.floor(READ_CELL_LIMIT / Math.max(1, width)));
  let rows = Math.min(options.firstRows ?? 5000, maxRowsByCells, Math.max(1, total));
  const columns: T[][] = Array.from({ length: width }, () => new Array<T>(total));
  let done = 0;
  let requests = 0;
  let largest = 0;
  let measuredBytes = 0;
  let measuredRows = 0;
  options.onProgress?.({ done, total, requests });
  while (done < total) {
    if (options.signal?.aborted) throw abortError();
    const count = Math.min(rows, total - done);
    let chunk: T[][];
    try {
      requests++;
      chunk = await read(done, count);
    } catch (e) {
      if (!isLimitError(e) || count <= 1) throw e;
      rows = Math.max(1, Math.floor(count / 2)); // shrink and retry
      continue;
    }
    if (options.signal?.aborted) throw abortError();
    const bytes = options.bytesOf ? options.bytesOf(chunk) : jsonBytes(chunk);
    largest = Math.max(largest, bytes);
    for (let r = 0; r < chunk.length; r++) {
      const line = chunk[r]!;
      for (let c = 0; c < width; c++) columns[c]![done + r] = line[c] as T;
    }
    done += chunk.length;
    if (chunk.length === 0) throw new Error(`readInChunks: no rows returned at row ${done}`);
    measuredBytes += bytes;
    measuredRows += chunk.length;
    // Next size from what was measured: bytes per row so far, aiming at the target.
    const perRow = measuredBytes / measuredRows;
    rows = Math.max(1, Math.min(maxRowsByCells, Math.floor(target / Math.max(1, perRow))));
    options.onProgress?.({ done, total, requests });
  }
  return { columns, requests, largestBytes: largest };
}

/**
 * Cuts rows into consecutive slices whose measured JSON stays under
 * `targetBytes` (a single row over it is a slice of its own).
 * `rowBytes(i)` measures row i (e.g. its formulas plus its number formats).
 */
export function sliceRowsByBytes(count: number, rowBytes: (i: number) => number, targetBytes = CHUNK_TARGET_BYTES): { first: number; count: number; bytes: number }[] {
  const out: { first: number; count: number; bytes: number }[] = [];
  let first = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const b = rowBytes(i) + 1; // the comma between rows
    if (i > first && bytes + b > targetBytes) {
      out.push({ first, count: i - first, bytes });
      first = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (count > first) out.push({ first, count: count - first, bytes });
  return out;
}

/** Estimated bytes of reading `rows` rows whose sample rows measured `sample` (JSON of the sample). */
export function estimateBytes(rows: number, sample: readonly unknown[][]): number {
  if (sample.length === 0) return 0;
  return Math.round((jsonBytes(sample) / sample.length) * rows);
}
