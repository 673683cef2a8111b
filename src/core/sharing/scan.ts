/**
 * What still depends on the add-in: the list the pane shows before sharing,
 * so nothing surprises a recipient without OpsKit.
 *
 * - `ops`: every cell whose formula calls an OPS function (OPS.NAME( or the
 *   `_xldudf_OPS_NAME(` form a file keeps for an unknown add-in function),
 *   case-insensitive, string literals ignored. Without the add-in these show
 *   #NAME?.
 * - `dependants`: cells whose formula refers to an OPS cell or to the area its
 *   result spills into (A1, A1:B9, whole columns/rows, A1#, on the same or
 *   another sheet). `guarded` when the formula wraps it in IFERROR/IFNA (it
 *   shows its fallback instead of an error — like the KPI and Summary links).
 *
 * One level of dependants is listed, on purpose: those are the cells where
 * the link to the add-in is visible and where a fix goes (freeze the values,
 * or guard the reference). A cell further down the chain only fails because
 * one of these fails, so listing it again would lengthen the list without
 * telling the user anything new; the pane says so. After freezing, the OPS
 * cells hold values, and every dependant computes from them natively.
 *
 * Not seen (text scanning, not an engine): references through defined names,
 * structured table references, INDIRECT/OFFSET; charts, conditional formats
 * and validations over OPS results. Pure, and light (no metric code): the
 * pane scans the open workbook with it. dependencies.ts adds the spec scan.
 */
import { tIn, type Locale } from "../i18n";
import { a1, parseA1, rangeA1 } from "../tablespec/a1";
import { blankStrings, formulaRefs, opsFunctions, overlaps } from "./formulaText";

export interface FormulaCell {
  sheet: string;
  /** A1 address of the cell, e.g. "B5". */
  address: string;
  formula: string;
}

export interface OpsDependency extends FormulaCell {
  /** OPS functions the formula calls, e.g. ["RETENTION"]. */
  functions: string[];
  /** The area the result occupies (the anchor, or its spill), e.g. "B5:G19". */
  area: string;
  message: string;
}

export interface Dependant extends FormulaCell {
  /** The OPS cells it refers to, as Sheet!A1 of their anchors. */
  uses: string[];
  guarded: boolean;
  message: string;
}

export interface DependencyReport {
  ops: OpsDependency[];
  dependants: Dependant[];
  /** Sheets holding an OPS cell or a dependant, in workbook order. */
  sheets: string[];
}

/** Spill size of an OPS cell, when known. */
export type SpillSize = (cell: FormulaCell) => { rows: number; cols: number } | undefined;

export interface ScanOptions {
  locale?: Locale;
  /** Spill extents of the OPS cells (e.g. from Excel, or the evaluator); default: the anchor alone. */
  spill?: SpillSize;
}

const GUARD = /(^|[^A-Za-z0-9_.])(IFERROR|IFNA|_xlfn\.IFNA)\s*\(/i;
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Scans plain formula cells (e.g. read from Excel with Office.js). */
export function scanFormulaCells(cells: readonly FormulaCell[], options: ScanOptions = {}): DependencyReport {
  const locale = options.locale ?? "en";
  const ops: OpsDependency[] = [];
  const areas: { sheet: string; anchor: { row: number; col: number }; rect: { row1: number; col1: number; row2: number; col2: number }; label: string }[] = [];
  for (const cell of cells) {
    const functions = opsFunctions(cell.formula);
    if (functions.length === 0) continue;
    const { row, col } = parseA1(cell.address);
    const size = options.spill?.(cell);
    const rows = Math.max(1, size?.rows ?? 1);
    const cols = Math.max(1, size?.cols ?? 1);
    const rect = { row1: row, col1: col, row2: row + rows - 1, col2: col + cols - 1 };
    const area = rows === 1 && cols === 1 ? a1(row, col) : rangeA1(row, col, rect.row2, rect.col2);
    const names = functions.map((f) => `OPS.${f}`).join(", ");
    ops.push({ ...cell, functions, area, message: tIn(locale, "shareDepOps", { functions: names }) });
    areas.push({ sheet: cell.sheet.toLowerCase(), anchor: { row, col }, rect, label: `${quoteSheet(cell.sheet)}!${a1(row, col)}` });
  }

  const opsKeys = new Set(ops.map((o) => `${o.sheet.toLowerCase()}!${o.address.replace(/\$/g, "").toUpperCase()}`));
  const dependants: Dependant[] = [];
  if (areas.length > 0) {
    for (const cell of cells) {
      if (opsKeys.has(`${cell.sheet.toLowerCase()}!${cell.address.replace(/\$/g, "").toUpperCase()}`)) continue;
      const uses: string[] = [];
      for (const ref of formulaRefs(cell.formula)) {
        const sheet = (ref.sheet ?? cell.sheet).toLowerCase();
        for (const area of areas) {
          if (area.sheet !== sheet || uses.includes(area.label)) continue;
          const hit = ref.spill
            ? ref.row1 === area.anchor.row && ref.col1 === area.anchor.col
            : overlaps(ref, area.rect);
          if (hit) uses.push(area.label);
        }
      }
      if (uses.length === 0) continue;
      const guarded = GUARD.test(blankStrings(cell.formula));
      dependants.push({
        ...cell,
        uses,
        guarded,
        message: tIn(locale, guarded ? "shareDepGuarded" : "shareDepDependant", { refs: uses.join(", ") }),
      });
    }
  }

  const order: string[] = [];
  for (const c of cells) if (!order.includes(c.sheet)) order.push(c.sheet);
  const involved = new Set([...ops, ...dependants].map((c) => c.sheet));
  return { ops, dependants, sheets: order.filter((s) => involved.has(s)) };
}

