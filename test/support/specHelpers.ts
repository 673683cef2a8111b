/**
 * Helpers shared by the spec tables under test/core/ (one row per rule of a
 * definition page, docs/functions/). They used to be copied into each spec.
 *
 *   col("a", "b")   a column argument as Excel passes it: [["a"], ["b"]]
 *   row("a", "b")   a row argument: [["a", "b"]]
 *   err(code, ...)  an expected error: its code and texts the message must contain
 *   checkError      asserts a value is that OpsError
 *   expectSafe      asserts a spilled grid is what Excel can take
 *   ok              asserts a result is a safe grid, not an error, and returns it
 *   error           asserts a result is an OpsError with a message, and returns it
 *   thrownBy(call)  what a call throws (the test fails when it returns)
 */
import { Grid, OpsError, isOpsError } from "../../src/core/errors";

/** A column argument as Excel passes it: [[a], [b], ...]. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** A row argument as Excel passes it: [[a, b, ...]]. */
export const row = (...xs: unknown[]): unknown[][] => [xs];

/** An expected error: the Excel code and texts its message must contain. */
export type Err = { code: OpsError["code"]; mentions: string[] };
export const err = (code: OpsError["code"], ...mentions: string[]): Err => ({ code, mentions });

/** The value is an OpsError with the expected code and a non-blank message containing every mention. */
export function checkError(got: unknown, expected: Err): void {
  expect(got).toBeInstanceOf(OpsError);
  const e = got as OpsError;
  expect(e.code).toBe(expected.code);
  expect(e.message.trim()).not.toBe("");
  for (const m of expected.mentions) expect(e.message).toContain(m);
}

/** Results have a row, are rectangular, without null/undefined, and every number is finite. */
export function expectSafe(grid: readonly (readonly unknown[])[]): void {
  expect(grid.length).toBeGreaterThan(0);
  const width = grid[0]!.length;
  for (const r of grid) {
    expect(r).toHaveLength(width);
    for (const cell of r) {
      expect(cell).not.toBeNull();
      expect(cell).not.toBeUndefined();
      if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
    }
  }
}

/** The result is a grid (not an error) and safe; returns it. */
export function ok(result: Grid | OpsError): Grid {
  if (isOpsError(result)) throw new Error(`expected a grid, got ${result.code} ${result.message}`);
  expectSafe(result);
  return result;
}

/** What `call` throws; fails the test when the call returns instead. */
export function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

/** The result is an OpsError with a message; returns it. */
export function error(result: unknown): OpsError {
  if (!isOpsError(result)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  expect(result.message.length).toBeGreaterThan(0);
  return result;
}
