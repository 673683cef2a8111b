/**
 * A DuckDB "warehouse" for the SQL cross-checks: the generated queries run
 * over tables shaped as a warehouse holds them (TIMESTAMP times, text ids,
 * NULL for missing values), filled from the same Excel-shaped columns the
 * TypeScript metrics receive. The conversion is the only Excel-specific
 * step, and it is spelled out here:
 *   - an id/event cell: blank (null, "", the number 0) → NULL, a number → its
 *     text, text as is (untrimmed: the SQL trims);
 *   - a segment cell: null → NULL, anything else its text (0 is a value);
 *   - a date cell: blank → NULL, an Excel serial or ISO text → TIMESTAMP of
 *     the serial rounded to the millisecond;
 *   - an amount/value cell: a number as is, blank → NULL.
 * Loading uses the Appender (one data chunk per 2,048 rows) into a staging
 * table with epoch milliseconds, then one CREATE TABLE … AS SELECT turns
 * them into TIMESTAMPs (epoch_ms is DuckDB's; only the loader uses it).
 */
import { BIGINT, DOUBLE, DuckDBConnection, DuckDBDataChunk, DuckDBInstance, DuckDBType, INTEGER, VARCHAR } from "@duckdb/node-api";
import { parseIsoSerial } from "../../../src/core/dates";
import { Grid, OpsError, isOpsError } from "../../../src/core/errors";
import { seededRandom } from "../../../src/core/generators/sampleData";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

export interface Warehouse {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}

export async function openWarehouse(): Promise<Warehouse> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  return { instance, connection };
}

export function closeWarehouse(w: Warehouse): void {
  w.connection.closeSync();
  w.instance.closeSync();
}

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function idText(v: unknown): string | null {
  if (v === 0 || isBlankCell(v)) return null;
  return typeof v === "string" ? v : String(v);
}

export function segmentText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? v : String(v);
}

/** Epoch milliseconds of a date cell, or null when blank. Serials from 61 (1900-03-01) on. */
export function epochMs(v: unknown): number | null {
  if (v === 0 || isBlankCell(v)) return null;
  const serial = typeof v === "number" ? v : parseIsoSerial(String(v));
  if (!(serial >= 61)) throw new Error(`not a warehouse date: ${String(v)}`);
  return Math.round(serial * MS_PER_DAY) - UNIX_EPOCH_SERIAL * MS_PER_DAY;
}

export function numberOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Whole-day serial of a DATE read back from DuckDB (a JS Date at UTC midnight). */
export function serialOfDate(d: unknown): number {
  if (!(d instanceof Date)) throw new Error(`not a DATE: ${String(d)}`);
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

type Column = { name: string; type: DuckDBType; sql: string; values: (string | number | bigint | null)[] };

async function load(connection: DuckDBConnection, table: string, columns: Column[], select: string): Promise<void> {
  const staging = `${table}_staging`;
  await connection.run(`CREATE OR REPLACE TABLE ${staging}(${columns.map((c) => `${c.name} ${c.sql}`).join(", ")})`);
  const n = columns[0]!.values.length;
  const appender = await connection.createAppender(staging);
  for (let start = 0; start < n; start += 2048) {
    const end = Math.min(n, start + 2048);
    const chunk = DuckDBDataChunk.create(columns.map((c) => c.type), end - start);
    chunk.setColumns(columns.map((c) => c.values.slice(start, end)));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  await connection.run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${select} FROM ${staging}`);
  await connection.run(`DROP TABLE ${staging}`);
}

const bigintMs = (v: number | null): bigint | null => (v === null ? null : BigInt(v));

/** events(rn INTEGER, user_id VARCHAR, event VARCHAR, ts TIMESTAMP, segment VARCHAR) from Excel-shaped columns. */
export async function loadEvents(
  connection: DuckDBConnection,
  cols: { ids: readonly unknown[]; dates: readonly unknown[]; events?: readonly unknown[]; segments?: readonly unknown[] },
  table = "events",
): Promise<void> {
  const n = cols.ids.length;
  await load(
    connection,
    table,
    [
      { name: "rn", type: INTEGER, sql: "INTEGER", values: Array.from({ length: n }, (_, i) => i) },
      { name: "user_id", type: VARCHAR, sql: "VARCHAR", values: cols.ids.map(idText) },
      { name: "event", type: VARCHAR, sql: "VARCHAR", values: cols.events ? cols.events.map(idText) : new Array(n).fill(null) },
      { name: "ms", type: BIGINT, sql: "BIGINT", values: cols.dates.map((d) => bigintMs(epochMs(d))) },
      { name: "segment", type: VARCHAR, sql: "VARCHAR", values: cols.segments ? cols.segments.map(segmentText) : new Array(n).fill(null) },
    ],
    "rn, user_id, event, CASE WHEN ms IS NULL THEN NULL ELSE epoch_ms(ms) END AS ts, segment",
  );
}

/** payments(user_id VARCHAR, amount DOUBLE, ts TIMESTAMP). */
export async function loadPayments(
  connection: DuckDBConnection,
  cols: { ids: readonly unknown[]; amounts: readonly unknown[]; dates?: readonly unknown[] },
  table = "payments",
): Promise<void> {
  const n = cols.ids.length;
  await load(
    connection,
    table,
    [
      { name: "user_id", type: VARCHAR, sql: "VARCHAR", values: cols.ids.map(idText) },
      { name: "amount", type: DOUBLE, sql: "DOUBLE", values: cols.amounts.map(numberOrNull) },
      { name: "ms", type: BIGINT, sql: "BIGINT", values: cols.dates ? cols.dates.map((d) => bigintMs(epochMs(d))) : new Array(n).fill(null) },
    ],
    "user_id, amount, CASE WHEN ms IS NULL THEN NULL ELSE epoch_ms(ms) END AS ts",
  );
}

/** customers(id VARCHAR, value DOUBLE); ids default to the row numbers. */
export async function loadCustomers(
  connection: DuckDBConnection,
  cols: { values: readonly unknown[]; ids?: readonly unknown[] },
  table = "customers",
): Promise<void> {
  const n = cols.values.length;
  await load(
    connection,
    table,
    [
      { name: "id", type: VARCHAR, sql: "VARCHAR", values: cols.ids ? cols.ids.map(idText) : Array.from({ length: n }, (_, i) => String(i)) },
      { name: "value", type: DOUBLE, sql: "DOUBLE", values: cols.values.map(numberOrNull) },
    ],
    "id, value",
  );
}

/** Runs a query; BIGINTs come back as numbers. */
export async function query(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = typeof value === "bigint" ? Number(value) : value;
    return out;
  });
}

/** Column names of a query's result, in order. */
export async function columnsOf(connection: DuckDBConnection, sql: string): Promise<string[]> {
  return (await connection.runAndReadAll(sql)).columnNames();
}

export function gridOf(result: Grid | OpsError): Grid {
  if (isOpsError(result)) throw new Error(`expected a grid, got ${result.code} ${result.message}`);
  return result;
}

/**
 * Two grids are equal: same shape, texts and blanks equal, numbers equal to
 * `tolerance` (relative above 1, absolute below; counts are exact integers,
 * so any tolerance below 1 keeps them exact).
 */
export function expectSameGrid(actual: readonly (readonly unknown[])[], expected: readonly (readonly unknown[])[], tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  const bad: string[] = [];
  actual.forEach((row, r) => {
    const want = expected[r]!;
    if (row.length !== want.length) bad.push(`row ${r}: ${row.length} cells vs ${want.length}`);
    row.forEach((cell, c) => {
      const w = want[c];
      if (typeof cell === "number" && typeof w === "number") {
        if (!(Math.abs(cell - w) <= tolerance * Math.max(1, Math.abs(w)))) bad.push(`[${r}][${c}] ${cell} vs ${w}`);
      } else if (cell !== w) bad.push(`[${r}][${c}] ${JSON.stringify(cell)} vs ${JSON.stringify(w)}`);
    });
  });
  expect(bad.slice(0, 10)).toEqual([]);
}

/** The project's seeded PRNG (mulberry32), so every case is reproducible. */
export const prng = seededRandom;

/** A column argument as Excel passes it. */
export const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
