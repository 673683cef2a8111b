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
 * Loading puts epoch milliseconds into a staging table (DuckDB's Appender,
 * one data chunk per 2,048 rows; PostgreSQL parameterised INSERTs), then one
 * CREATE TABLE … AS SELECT turns them into TIMESTAMPs. Only the loader is
 * engine-specific; the generated queries run unchanged on both.
 *
 * Two engines: DuckDB (in memory, always) and PostgreSQL (the Debian server
 * .ci/run starts; database opskit_test over the local socket). A test file
 * opens the engine chosen by `useEngine`, so postgres.test.ts re-runs every
 * SQL spec on PostgreSQL by choosing it and requiring the spec files.
 */
import { BIGINT, DOUBLE, DuckDBConnection, DuckDBDataChunk, DuckDBInstance, DuckDBType, INTEGER, VARCHAR } from "@duckdb/node-api";
import * as fs from "fs";
import * as os from "os";
import { Client, types as pgTypes } from "pg";
import { parseIsoSerial } from "../../../src/core/dates";
import { Grid, OpsError, isOpsError } from "../../../src/core/errors";
import { seededRandom } from "../../../src/core/generators/sampleData";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

export type EngineName = "duckdb" | "postgres";

/** What a test needs of a SQL engine: load rows, run a query, read its columns. */
export interface Engine {
  readonly name: EngineName;
  /** Creates `table` from equally long columns, then `select` from that staging table. */
  load(table: string, columns: Column[], select: (ts: (msColumn: string) => string) => string): Promise<void>;
  /** Rows as objects: integers and counts as numbers, DATE as a JS Date at UTC midnight. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  columns(sql: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface Warehouse {
  /** The engine, under the name the specs have always used. */
  connection: Engine;
}

let chosenEngine: EngineName = "duckdb";

/** Chooses the engine the next openWarehouse() opens in this test file. */
export function useEngine(name: EngineName): void {
  chosenEngine = name;
}

export const POSTGRES_SOCKET_DIR = process.env.PGHOST ?? "/var/run/postgresql";
export const POSTGRES_DATABASE = process.env.PGDATABASE ?? "opskit_test";

/** True when a PostgreSQL server listens on the local socket (checked without connecting, so tests can decide synchronously). */
export function postgresListening(): boolean {
  return fs.existsSync(`${POSTGRES_SOCKET_DIR}/.s.PGSQL.${process.env.PGPORT ?? 5432}`);
}

export async function openWarehouse(): Promise<Warehouse> {
  return { connection: chosenEngine === "postgres" ? await openPostgres() : await openDuckDb() };
}

export function closeWarehouse(w: Warehouse): Promise<void> {
  return w.connection.close();
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

/** Whole-day serial of a DATE read back from either engine (a JS Date at UTC midnight). */
export function serialOfDate(d: unknown): number {
  if (!(d instanceof Date)) throw new Error(`not a DATE: ${String(d)}`);
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

type ColumnKind = "integer" | "bigint" | "double" | "text";
export type Column = { name: string; kind: ColumnKind; values: (string | number | null)[] };

// ---- DuckDB ---------------------------------------------------------------

const DUCK_TYPES: Record<ColumnKind, { type: DuckDBType; sql: string }> = {
  integer: { type: INTEGER, sql: "INTEGER" },
  bigint: { type: BIGINT, sql: "BIGINT" },
  double: { type: DOUBLE, sql: "DOUBLE" },
  text: { type: VARCHAR, sql: "VARCHAR" },
};

async function openDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection: DuckDBConnection = await instance.connect();
  return {
    name: "duckdb",
    async load(table, columns, select) {
      const staging = `${table}_staging`;
      await connection.run(`CREATE OR REPLACE TABLE ${staging}(${columns.map((c) => `${c.name} ${DUCK_TYPES[c.kind].sql}`).join(", ")})`);
      const n = columns[0]!.values.length;
      const appender = await connection.createAppender(staging);
      for (let start = 0; start < n; start += 2048) {
        const end = Math.min(n, start + 2048);
        const chunk = DuckDBDataChunk.create(columns.map((c) => DUCK_TYPES[c.kind].type), end - start);
        chunk.setColumns(columns.map((c) => c.values.slice(start, end).map((v) => (c.kind === "bigint" && v !== null ? BigInt(v) : v))));
        appender.appendDataChunk(chunk);
      }
      appender.closeSync();
      const ts = (ms: string) => `CASE WHEN ${ms} IS NULL THEN NULL ELSE epoch_ms(${ms}) END`;
      await connection.run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${select(ts)} FROM ${staging}`);
      await connection.run(`DROP TABLE ${staging}`);
    },
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(row)) out[key] = typeof value === "bigint" ? Number(value) : value;
        return out;
      });
    },
    async columns(sql) {
      return (await connection.runAndReadAll(sql)).columnNames();
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

// ---- PostgreSQL -------------------------------------------------------------

const PG_TYPES: Record<ColumnKind, string> = { integer: "INTEGER", bigint: "BIGINT", double: "DOUBLE PRECISION", text: "TEXT" };

/**
 * Result types as the specs compare them (node-postgres returns BIGINT and
 * NUMERIC as text, and DATE in the machine's zone): counts as numbers, DATE
 * and TIMESTAMP as UTC instants, like DuckDB's.
 */
const PG_PARSERS = {
  getTypeParser(oid: number, format?: string): (text: string) => unknown {
    switch (oid) {
      case 20: // INT8 (COUNT, SUM of integers)
      case 1700: // NUMERIC
        return (text: string) => Number(text);
      case 1082: // DATE
        return (text: string) => new Date(`${text}T00:00:00Z`);
      case 1114: // TIMESTAMP without time zone
        return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
      default:
        return pgTypes.getTypeParser(oid, format as "text") as (text: string) => unknown;
    }
  },
};

let pgSchemaCounter = 0;

async function openPostgres(): Promise<Engine> {
  const client = new Client({ host: POSTGRES_SOCKET_DIR, database: POSTGRES_DATABASE, user: process.env.PGUSER ?? os.userInfo().username, types: PG_PARSERS });
  await client.connect();
  // Each test file works in a schema of its own, dropped at the end, so files can run in parallel.
  const schema = `opskit_${process.pid}_${++pgSchemaCounter}`;
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path TO ${schema}; SET TIME ZONE 'UTC'`);
  return {
    name: "postgres",
    async load(table, columns, select) {
      const staging = `${table}_staging`;
      await client.query(`DROP TABLE IF EXISTS ${staging}; DROP TABLE IF EXISTS ${table}`);
      await client.query(`CREATE TABLE ${staging}(${columns.map((c) => `${c.name} ${PG_TYPES[c.kind]}`).join(", ")})`);
      const n = columns[0]!.values.length;
      const perBatch = Math.floor(60_000 / columns.length); // PostgreSQL takes at most 65,535 parameters
      for (let start = 0; start < n; start += perBatch) {
        const end = Math.min(n, start + perBatch);
        const params: (string | number | null)[] = [];
        const tuples: string[] = [];
        for (let r = start; r < end; r++) {
          tuples.push(`(${columns.map((c) => `$${params.push(c.values[r] ?? null)}::${PG_TYPES[c.kind]}`).join(", ")})`);
        }
        await client.query(`INSERT INTO ${staging} VALUES ${tuples.join(", ")}`, params);
      }
      const ts = (ms: string) => `CASE WHEN ${ms} IS NULL THEN NULL ELSE TIMESTAMP '1970-01-01 00:00:00' + ${ms} * INTERVAL '1 millisecond' END`;
      await client.query(`CREATE TABLE ${table} AS SELECT ${select(ts)} FROM ${staging}; DROP TABLE ${staging}; ANALYZE ${table}`);
    },
    async query(sql) {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    },
    async columns(sql) {
      return (await client.query(sql)).fields.map((f) => f.name);
    },
    async close() {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

// ---- Loaders and readers (both engines) -------------------------------------

/** events(rn INTEGER, user_id VARCHAR, event VARCHAR, ts TIMESTAMP, segment VARCHAR) from Excel-shaped columns. */
export async function loadEvents(
  engine: Engine,
  cols: { ids: readonly unknown[]; dates: readonly unknown[]; events?: readonly unknown[]; segments?: readonly unknown[] },
  table = "events",
): Promise<void> {
  const n = cols.ids.length;
  await engine.load(
    table,
    [
      { name: "rn", kind: "integer", values: Array.from({ length: n }, (_, i) => i) },
      { name: "user_id", kind: "text", values: cols.ids.map(idText) },
      { name: "event", kind: "text", values: cols.events ? cols.events.map(idText) : new Array(n).fill(null) },
      { name: "ms", kind: "bigint", values: cols.dates.map(epochMs) },
      { name: "segment", kind: "text", values: cols.segments ? cols.segments.map(segmentText) : new Array(n).fill(null) },
    ],
    (ts) => `rn, user_id, event, ${ts("ms")} AS ts, segment`,
  );
}

/** payments(user_id VARCHAR, amount DOUBLE, ts TIMESTAMP). */
export async function loadPayments(
  engine: Engine,
  cols: { ids: readonly unknown[]; amounts: readonly unknown[]; dates?: readonly unknown[] },
  table = "payments",
): Promise<void> {
  const n = cols.ids.length;
  await engine.load(
    table,
    [
      { name: "user_id", kind: "text", values: cols.ids.map(idText) },
      { name: "amount", kind: "double", values: cols.amounts.map(numberOrNull) },
      { name: "ms", kind: "bigint", values: cols.dates ? cols.dates.map(epochMs) : new Array(n).fill(null) },
    ],
    (ts) => `user_id, amount, ${ts("ms")} AS ts`,
  );
}

/** customers(id VARCHAR, value DOUBLE); ids default to the row numbers. */
export async function loadCustomers(engine: Engine, cols: { values: readonly unknown[]; ids?: readonly unknown[] }, table = "customers"): Promise<void> {
  const n = cols.values.length;
  await engine.load(
    table,
    [
      { name: "id", kind: "text", values: cols.ids ? cols.ids.map(idText) : Array.from({ length: n }, (_, i) => String(i)) },
      { name: "value", kind: "double", values: cols.values.map(numberOrNull) },
    ],
    () => "id, value",
  );
}

/** Runs a query; BIGINTs come back as numbers. */
export function query(engine: Engine, sql: string): Promise<Record<string, unknown>[]> {
  return engine.query(sql);
}

/** Column names of a query's result, in order. */
export function columnsOf(engine: Engine, sql: string): Promise<string[]> {
  return engine.columns(sql);
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
