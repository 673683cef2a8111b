/**
 * Excel's request limits, as numbers and as the errors Excel raises, so the
 * in-memory workbook (src/taskpane/host/fakeWorkbook.ts), the office-addin-mock
 * helpers and the chunked reader/writer all use the same figures. Pure.
 *
 * Microsoft's statements (see /work/notes/issue-13.md for the sources):
 *  - "Excel on the web has a payload size limit for requests and responses of
 *    5MB, and an API returns a RichAPI.Error error if this limit is exceeded"
 *    (code RequestPayloadSizeLimitExceeded for a request,
 *    ResponsePayloadSizeLimitExceeded for a response);
 *  - "On all platforms, a range is limited to five million cells for get
 *    operations" (Excel.ErrorCodes.rangeExceedsLimit).
 * Excel counts the serialized JSON of the request; we count the UTF-8 bytes of
 * JSON.stringify of the values, formulas and number formats sent or returned.
 */

/** 5 MB as Microsoft writes it (5,000,000 bytes: the smaller reading of "5MB"). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Cells one range read may return, on every platform. */
export const READ_CELL_LIMIT = 5_000_000;
/** What chunked readers and writers aim for: well under the limit, room for the envelope. */
export const CHUNK_TARGET_BYTES = 2_000_000;

export type LimitCode = "RequestPayloadSizeLimitExceeded" | "ResponsePayloadSizeLimitExceeded" | "RangeExceedsLimit";

const DOC = "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins";

const MESSAGES: Record<LimitCode, string> = {
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. Please refer to the documentation: "${DOC}".`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. Please refer to the documentation: "${DOC}".`,
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
};

/** An error shaped like Office's RichApi.Error: name, code, message (and the measured figure for tests). */
export class ExcelLimitError extends Error {
  readonly code: LimitCode;
  /** Bytes (payload codes) or cells (RangeExceedsLimit) that were measured. */
  readonly measured: number;
  constructor(code: LimitCode, measured: number) {
    super(MESSAGES[code]);
    this.name = "RichApi.Error";
    this.code = code;
    this.measured = measured;
  }
}

/** True for an error Excel raises when a request or response is too large (ours or Office's own). */
export function isLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit";
}

/** UTF-8 byte length of a string, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Bytes of a value as JSON (what goes over the wire). undefined counts as nothing. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return utf8Length(JSON.stringify(value) ?? "");
}

/** Throws Excel's error when a request's payload is over the limit; returns the bytes. */
export function checkRequest(parts: readonly unknown[], limit = PAYLOAD_LIMIT_BYTES): number {
  let bytes = 0;
  for (const part of parts) bytes += jsonBytes(part);
  if (bytes > limit) throw new ExcelLimitError("RequestPayloadSizeLimitExceeded", bytes);
  return bytes;
}

/** Throws Excel's error when a read asks for too many cells (before reading). */
export function checkReadCells(rows: number, cols: number, limit = READ_CELL_LIMIT): void {
  const cells = rows * cols;
  if (cells > limit) throw new ExcelLimitError("RangeExceedsLimit", cells);
}

/** Throws Excel's error when a response is over the limit; returns the bytes. */
export function checkResponse(values: unknown, limit = PAYLOAD_LIMIT_BYTES): number {
  const bytes = jsonBytes(values);
  if (bytes > limit) throw new ExcelLimitError("ResponsePayloadSizeLimitExceeded", bytes);
  return bytes;
}
