/**
 * A block's arrays cut into row slices, each written by one request under
 * Excel's payload limit (measured: JSON bytes of the formulas and number
 * formats sent). Pure: used by writeWorkbook.ts and, to measure the same
 * requests, by the in-memory workbook.
 */
import { parseRange, rangeA1 } from "../core/tablespec/a1";
import { CHUNK_TARGET_BYTES, jsonBytes } from "../core/payload/limits";
import { sliceRowsByBytes } from "../core/payload/chunks";
import type { CellValue } from "../core/tablespec/types";
import type { BlockArrays } from "./layout";

export interface WriteChunk {
  address: string;
  formulas: (CellValue | null)[][];
  numberFormats?: (string | null)[][];
  /** Measured JSON bytes of formulas + number formats. */
  bytes: number;
}

export function splitBlockArrays(arrays: BlockArrays, targetBytes = CHUNK_TARGET_BYTES): WriteChunk[] {
  const { formulas, numberFormats } = arrays;
  const r = parseRange(arrays.address);
  const slices = sliceRowsByBytes(
    formulas.length,
    (i) => jsonBytes(formulas[i]) + (numberFormats ? jsonBytes(numberFormats[i]) + 1 : 0),
    targetBytes,
  );
  if (slices.length === 1) return [{ address: arrays.address, formulas, numberFormats, bytes: slices[0]!.bytes }];
  return slices.map((s) => ({
    address: rangeA1(r.row1 + s.first, r.col1, r.row1 + s.first + s.count - 1, r.col2),
    formulas: formulas.slice(s.first, s.first + s.count),
    numberFormats: numberFormats?.slice(s.first, s.first + s.count),
    bytes: s.bytes,
  }));
}
