/**
 * The edge between core results and Excel: the one place where an OpsError
 * becomes a CustomFunctions.Error, and where spilled results are made safe
 * (rectangular, no null/undefined, finite numbers only).
 */
import { Grid, OpsError, isOpsError, opsError } from "../core/errors";

type ExcelCell = number | string | boolean | CustomFunctions.Error;

/**
 * Maps an OpsError to CustomFunctions.Error, always with its message. The
 * manifest requires CustomFunctionsRuntime 1.2, the set that brings
 * CustomFunctions.Error with a message, so Excel loads the functions only
 * where the typed error exists. The one path left is a runtime without the
 * global at all (the bundle loaded outside Excel's custom-function runtime):
 * a plain Error there still ends the call as #VALUE! with the text, instead
 * of a TypeError.
 */
export function toExcelError(error: OpsError): CustomFunctions.Error {
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.Error !== "function") {
    throw new Error(`${error.code} ${error.message}`);
  }
  return new CustomFunctions.Error(error.code as CustomFunctions.ErrorCode, error.message);
}

/** A cell Excel can take as it is. */
function isSafeCell(cell: unknown): cell is string | boolean | number {
  return typeof cell === "string" || typeof cell === "boolean" || (typeof cell === "number" && Number.isFinite(cell));
}

function toExcelCell(cell: unknown): ExcelCell {
  if (isOpsError(cell)) return toExcelError(cell);
  return isSafeCell(cell) ? cell : "";
}

/**
 * Makes a result grid rectangular, padding with "" and replacing
 * null/undefined/non-finite values. A row that is already safe and full
 * width is passed on as it is, not copied: a 100k-row spill would otherwise
 * allocate 100k arrays twice. Core results are never mutated after they are
 * returned, so sharing their rows is safe.
 */
export function toExcelGrid(grid: Grid): ExcelCell[][] {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0) || 1;
  if (grid.length === 0) return [[""]];
  return grid.map((row) => {
    if (row.length === width && row.every(isSafeCell)) return row as ExcelCell[];
    const out = new Array<ExcelCell>(width);
    for (let c = 0; c < width; c++) out[c] = toExcelCell(row[c]);
    return out;
  });
}

/** A whole-call result: an error is thrown, a grid is returned safe. */
export function spill(result: Grid | OpsError): ExcelCell[][] {
  if (isOpsError(result)) throw toExcelError(result);
  return toExcelGrid(result);
}

/** A single-number result: an error is thrown. */
export function single(result: number | OpsError): number {
  if (isOpsError(result)) throw toExcelError(result);
  if (!Number.isFinite(result)) throw toExcelError(opsError("#NUM!", "resultNotFinite"));
  return result;
}
