/**
 * Errors are values: a typed Excel error code plus a human message.
 * Core code returns (or, inside a metric, throws and then returns) an OpsError;
 * the custom-function edge maps it to CustomFunctions.Error in one place.
 */
import { t, MessageKey, MessageParams } from "./i18n";

/** The Excel error codes OpsKit produces. */
export type ErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";

export class OpsError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

/** Thrown inside core code to abort a whole call; caught by `guard`. */
export class OpsAbort extends Error {
  constructor(readonly error: OpsError) {
    super(error.message);
  }
}

/** Builds an OpsError from the message catalogue. */
export function opsError(code: ErrorCode, key: MessageKey, params?: MessageParams): OpsError {
  return new OpsError(code, t(key, params));
}

/** Aborts the current call with a catalogued error. */
export function fail(code: ErrorCode, key: MessageKey, params?: MessageParams): never {
  throw new OpsAbort(opsError(code, key, params));
}

export function isOpsError(value: unknown): value is OpsError {
  return value instanceof OpsError;
}

/** Runs a core computation and turns an abort into an error value. */
export function guard<T>(compute: () => T): T | OpsError {
  try {
    return compute();
  } catch (e) {
    if (e instanceof OpsAbort) return e.error;
    throw e;
  }
}

/** A spilled cell: a number, a text, or a per-cell error. */
export type CellOut = number | string | OpsError;
export type Grid = CellOut[][];
