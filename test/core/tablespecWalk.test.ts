/**
 * The shared SheetSpec walk (src/core/tablespec/walk.ts) that both writers
 * and the sharing code use: cell order, keys, merges, rule order, print-title
 * rows and the decimal-validation operator, each as a table.
 */
import {
  cellKey,
  decimalRule,
  DECIMAL_EXTREMES,
  forEachCell,
  keyCol,
  keyRow,
  mergeAreas,
  orderedRules,
  titleRows,
  unionRect,
} from "../../src/core/tablespec/walk";
import type { ConditionalFormatSpec, SheetSpec } from "../../src/core/tablespec/types";

const sheet: SheetSpec = {
  kind: "t",
  name: "T",
  blocks: [
    { anchor: "B2", rows: [[{ value: 1 }, null, { value: 3, mergeAcross: 2 }], [null, { value: 5 }]] },
    { anchor: "C2", rows: [[{ numberFormat: "0%" }]] }, // a later block over an empty cell
  ],
};

describe("forEachCell", () => {
  it("visits every non-null cell, block by block, 0-based", () => {
    const seen: [number, number, unknown][] = [];
    forEachCell(sheet, (r, c, cell) => seen.push([r, c, cell.value ?? cell.numberFormat]));
    expect(seen).toEqual([
      [1, 1, 1],
      [1, 3, 3],
      [2, 2, 5],
      [1, 2, "0%"],
    ]);
  });
});

describe("cell keys", () => {
  it.each([
    [0, 0, 0],
    [1, 2, 16386],
    [1_048_575, 16_383, 1_048_575 * 16384 + 16_383],
  ])("(%i, %i) → %i and back", (row, col, key) => {
    expect(cellKey(row, col)).toBe(key);
    expect([keyRow(key), keyCol(key)]).toEqual([row, col]);
  });
});

describe("rectangles and merges", () => {
  it("unionRect", () => {
    expect(unionRect(null, null)).toBeNull();
    expect(unionRect({ row1: 1, col1: 1, row2: 1, col2: 1 }, null)).toEqual({ row1: 1, col1: 1, row2: 1, col2: 1 });
    expect(unionRect({ row1: 1, col1: 4, row2: 2, col2: 5 }, { row1: 0, col1: 6, row2: 3, col2: 6 })).toEqual({ row1: 0, col1: 4, row2: 3, col2: 6 });
  });

  it("mergeAreas: a cell spanning n columns", () => {
    expect(mergeAreas(sheet)).toEqual([{ row1: 1, col1: 3, row2: 1, col2: 4 }]);
  });
});

describe("orderedRules", () => {
  const rule = (range: string, priority?: number): ConditionalFormatSpec => ({ kind: "expression", range, formula: "=TRUE", format: {}, ...(priority ? { priority } : {}) });
  it("priority 1 first, then the rest in spec order", () => {
    expect(orderedRules([rule("a"), rule("b", 2), rule("c"), rule("d", 1)]).map((r) => r.range)).toEqual(["d", "b", "a", "c"]);
  });
});

describe("titleRows", () => {
  it.each([
    ["1:3", "$1:$3"],
    ["$4:$4", "$4:$4"],
    ["A4:K4", "$4:$4"],
    ["B2:C5", "$2:$5"],
  ])("%s → %s", (rows, out) => expect(titleRows(rows)).toBe(out));
});

describe("decimalRule", () => {
  it.each([
    // min        max          rule
    [0, 10, { operator: "between", formula1: 0, formula2: 10 }],
    [0, undefined, { operator: "greaterThanOrEqual", formula1: 0 }],
    [undefined, 1, { operator: "lessThanOrEqual", formula1: 1 }],
    [undefined, undefined, { operator: "between", formula1: DECIMAL_EXTREMES.min, formula2: DECIMAL_EXTREMES.max }],
  ])("min %s, max %s", (min, max, expected) => {
    expect(decimalRule({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) })).toEqual(expected);
  });
});
