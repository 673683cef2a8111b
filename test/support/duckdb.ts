/**
 * One in-memory DuckDB per test file, opened before the file's tests and
 * closed after them. Use: `const db = useDuckDb();` then `db.connection`.
 */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

export function useDuckDb(): { readonly connection: DuckDBConnection } {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  return {
    get connection(): DuckDBConnection {
      if (!connection) throw new Error("DuckDB is not open yet: use db.connection inside a test");
      return connection;
    },
  };
}
