/**
 * A sheet write that the host refused, as data: which sheet, and the host's
 * own message and code. The writers throw it; the pane shows it in its own
 * language from the catalogue (pane key `errorWriteSheet`), so no English
 * sentence crosses from the writer to the user. `message` is the English log
 * form of the same sentence.
 */
export class SheetWriteError extends Error {
  override readonly name = "SheetWriteError";
  /** Excel's error code when it gave one (e.g. "InvalidArgument", "RequestPayloadSizeLimitExceeded"). */
  readonly code?: unknown;
  readonly cause?: unknown;

  constructor(
    /** The sheet being written (its final name). */
    readonly sheet: string,
    /** The host's message ("" when it gave none). */
    readonly detail: string,
    cause?: unknown,
  ) {
    super(`Writing sheet "${sheet}" failed: ${detail}`);
    this.cause = cause;
    const code = (cause as { code?: unknown } | null | undefined)?.code;
    if (code !== undefined) this.code = code;
  }
}

/** True for a SheetWriteError, also across bundles (checked by shape, not by class identity). */
export function isSheetWriteError(error: unknown): error is SheetWriteError {
  return error instanceof Error && error.name === "SheetWriteError" && typeof (error as SheetWriteError).sheet === "string" && typeof (error as SheetWriteError).detail === "string";
}
