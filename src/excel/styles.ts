/**
 * Style tokens and conditional-format colours → Office.js range formats.
 * The look itself (colours, sizes) lives in src/core/tablespec/palette.ts,
 * shared with the ExcelJS adapter. Only queues property writes: no sync, no load.
 */
import { STYLE_DEFS, type StyleDef } from "../core/tablespec/palette";
import type { CellFormat, StyleToken } from "../core/tablespec/types";

export { STYLE_DEFS };

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

/** Queues the formats of a style on a range (any size). `multiRow` adds the inside borders. */
export function applyStyleDef(range: Excel.Range, def: StyleDef, multiRow: boolean): void {
  const format = range.format;
  if (def.fill) format.fill.color = def.fill;
  if (def.fontColor) format.font.color = def.fontColor;
  if (def.bold !== undefined) format.font.bold = def.bold;
  if (def.italic !== undefined) format.font.italic = def.italic;
  if (def.size !== undefined) format.font.size = def.size;
  if (def.wrap !== undefined) format.wrapText = def.wrap;
  if (def.horizontal) format.horizontalAlignment = H_ALIGN[def.horizontal];
  if (def.vertical) format.verticalAlignment = V_ALIGN[def.vertical];
  const border = (side: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "InsideHorizontal", color: string): void => {
    const b = format.borders.getItem(side);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = color;
  };
  if (def.borderBottom) {
    border("EdgeBottom", def.borderBottom);
    if (multiRow) border("InsideHorizontal", def.borderBottom);
  }
  if (def.borderTop) {
    border("EdgeTop", def.borderTop);
    if (multiRow) border("InsideHorizontal", def.borderTop);
  }
}

export function applyStyle(range: Excel.Range, token: StyleToken, multiRow: boolean): void {
  applyStyleDef(range, STYLE_DEFS[token], multiRow);
}

/** A conditional format's look (fill, font colour, bold). */
export function applyConditionalFormat(format: Excel.ConditionalRangeFormat, cf: CellFormat): void {
  if (cf.fill) format.fill.color = cf.fill;
  if (cf.fontColor) format.font.color = cf.fontColor;
  if (cf.bold !== undefined) format.font.bold = cf.bold;
}
