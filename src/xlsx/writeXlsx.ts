/**
 * Renders a WorkbookSpec to a real .xlsx with ExcelJS (Node only: the demo,
 * tests, exports). ExcelJS writes cells (values, formulas without "=", number
 * formats, styles), merges, column widths, frozen panes, conditional formats,
 * data validations, page setup, header/footer and tab colours; ooxml.ts then
 * adds what ExcelJS cannot write reliably: Excel tables, charts, defined names
 * (including print areas / print titles) and stopIfTrue.
 *
 * Native formulas are stored without cached results and the workbook asks for
 * a full recalculation on load, so Excel (and LibreOffice) compute them when
 * the file is opened. OPS.* formulas are stored as Excel saves a custom
 * function (see CONTRIBUTING.md, "Excel file format"): the name as
 * `_xldudf_OPS_<NAME>`, the cell as a dynamic-array formula (`cm` → the
 * XLDAPR cell metadata, `t="array"` with the `ref` of its spill), and the
 * results the core functions compute (src/core/sharing/evaluateOps.ts) as
 * cached values over the whole spill, so a reader without the add-in sees
 * numbers instead of #NAME? or blanks until something recalculates them.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { a1, parseRange } from "../core/tablespec/a1";
import { STYLE_DEFS } from "../core/tablespec/palette";
import { cellKey, decimalRule, forEachCell, keyCol, keyRow, mergeAreas, orderedRules, titleRows } from "../core/tablespec/walk";
import { sanitizeSheetName } from "../core/tablespec/sheetNames";
import type {
  CellFormat,
  CellSpec,
  ConditionalFormatSpec,
  DataValidationSpec,
  SheetSpec,
  StyleToken,
  WorkbookSpec,
} from "../core/tablespec/types";
import type { CellOut } from "../core/errors";
import { isOpsError } from "../core/errors";
import { usesOps } from "../core/sharing/formulaText";
import { sheetCells } from "../core/sharing/cells";
import { opsEvaluator, type EvalResult } from "../core/sharing/evaluateOps";
import { toFileFormula } from "./formulas";
import {
  postProcess,
  qualify,
  type DefinedNamePart,
  type DynamicArrayPart,
  type SheetExtras,
  type TablePart,
  type WorkbookExtras,
} from "./ooxml";

export interface XlsxOptions {
  /** Document dates (created/modified); fixed dates make the output reproducible. */
  date?: Date;
}

const argb = (color: string): string => `FF${color.replace(/^#/, "").toUpperCase()}`;

type Style = Partial<ExcelJS.Style>;

function styleFor(token: StyleToken | undefined, numFmt: string | undefined): Style {
  const style: Style = {};
  if (token) {
    const def = STYLE_DEFS[token];
    style.font = {
      name: "Calibri",
      family: 2,
      size: def.size ?? 11,
      ...(def.bold ? { bold: true } : {}),
      ...(def.italic ? { italic: true } : {}),
      ...(def.fontColor ? { color: { argb: argb(def.fontColor) } } : {}),
    };
    if (def.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(def.fill) } };
    if (def.wrap || def.horizontal || def.vertical) {
      style.alignment = {
        ...(def.wrap ? { wrapText: true } : {}),
        ...(def.horizontal ? { horizontal: def.horizontal } : {}),
        ...(def.vertical ? { vertical: def.vertical === "center" ? "middle" : def.vertical } : {}),
      };
    }
    if (def.borderBottom || def.borderTop) {
      style.border = {
        ...(def.borderBottom ? { bottom: { style: "thin", color: { argb: argb(def.borderBottom) } } } : {}),
        ...(def.borderTop ? { top: { style: "thin", color: { argb: argb(def.borderTop) } } } : {}),
      };
    }
  }
  if (numFmt) style.numFmt = numFmt;
  return style;
}

function dxf(format: CellFormat): Style {
  const style: Style = {};
  if (format.fontColor || format.bold !== undefined) {
    style.font = {
      ...(format.fontColor ? { color: { argb: argb(format.fontColor) } } : {}),
      ...(format.bold !== undefined ? { bold: format.bold } : {}),
    };
  }
  if (format.fill) {
    // Conditional formats (dxf) paint solid fills with bgColor.
    style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill) }, bgColor: { argb: argb(format.fill) } };
  }
  return style;
}

/** Computes an OPS formula of a sheet (the spec's own evaluator). */
type OpsEvaluate = (sheet: string, formula: string) => EvalResult;

/** A cached value as ExcelJS writes it: an error cell for an OpsError, nothing for "". */
function cachedValue(v: CellOut | undefined): ExcelJS.CellValue {
  if (v === undefined || v === "") return null;
  if (isOpsError(v)) return { error: v.code as ExcelJS.CellErrorValue["error"] };
  return v;
}

/**
 * The OPS formulas of a sheet as dynamic arrays with their cached results.
 * The spill is the evaluated grid; when it would cover a cell the spec fills
 * (Excel shows #SPILL!) or the formula cannot be evaluated here (an OPS call
 * inside another formula, a range holding formulas), the anchor alone is the
 * array and carries no cached value, so Excel computes it.
 */
function writeOpsFormulas(ws: ExcelJS.Worksheet, sheet: SheetSpec, evaluate: OpsEvaluate): DynamicArrayPart[] {
  const out: DynamicArrayPart[] = [];
  const grid = sheetCells(sheet);
  const anchors = [...grid].filter(([, c]) => c.formula !== undefined && c.formula !== "" && usesOps(c.formula)).sort((x, y) => x[0] - y[0]);
  for (const [key, cell] of anchors) {
    const row = keyRow(key);
    const col = keyCol(key);
    const address = a1(row, col);
    const formula = toFileFormula(cell.formula!);
    const result = evaluate(sheet.name, cell.formula!);
    const values: CellOut[][] | null = result.kind === "value" ? result.grid : result.kind === "error" ? [[result.error]] : null;
    const rows = values?.length ?? 1;
    const cols = values ? Math.max(1, ...values.map((r) => r.length)) : 1;
    let blocked = false;
    for (let r = 0; r < rows && !blocked; r++)
      for (let c = 0; c < cols && !blocked; c++) {
        if (r === 0 && c === 0) continue;
        const other = grid.get(cellKey(row + r, col + c));
        if (other && ((other.formula !== undefined && other.formula !== "") || other.value !== undefined)) blocked = true;
      }
    if (!values || blocked) {
      ws.getCell(row + 1, col + 1).value = { formula } as ExcelJS.CellFormulaValue;
      out.push({ address, ref: address });
      continue;
    }
    const first = cachedValue(values[0]?.[0]);
    ws.getCell(row + 1, col + 1).value = (first === null ? { formula } : { formula, result: first }) as ExcelJS.CellFormulaValue;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (r === 0 && c === 0) continue;
        const v = cachedValue(values[r]?.[c]);
        if (v !== null) ws.getCell(row + r + 1, col + c + 1).value = v;
      }
    out.push({ address, ref: rows === 1 && cols === 1 ? address : `${address}:${a1(row + rows - 1, col + cols - 1)}` });
  }
  return out;
}

/** Writes the blocks; returns the final cell specs by position (later blocks win). */
function writeCells(ws: ExcelJS.Worksheet, sheet: SheetSpec): Map<number, CellSpec> {
  const grid = new Map<number, CellSpec>();
  const styles = new Map<string, Style>();
  forEachCell(sheet, (r, c, cell) => {
    grid.set(cellKey(r, c), cell);
    const target = ws.getCell(r + 1, c + 1);
    if (cell.formula !== undefined && cell.formula !== "") {
      target.value = { formula: toFileFormula(cell.formula) } as ExcelJS.CellFormulaValue;
    } else if (cell.value !== undefined && !(typeof cell.value === "number" && !Number.isFinite(cell.value))) {
      target.value = cell.value;
    }
    if (cell.style || cell.numberFormat) {
      const key = `${cell.style ?? ""}|${cell.numberFormat ?? ""}`;
      let style = styles.get(key);
      if (!style) styles.set(key, (style = styleFor(cell.style, cell.numberFormat)));
      target.style = style;
    }
  });
  for (const m of mergeAreas(sheet)) ws.mergeCells(m.row1 + 1, m.col1 + 1, m.row2 + 1, m.col2 + 1);
  return grid;
}

function addConditionalFormats(ws: ExcelJS.Worksheet, rules: readonly ConditionalFormatSpec[]): number[] {
  const stopIfTrue: number[] = [];
  orderedRules(rules).forEach((rule, i) => {
    const priority = i + 1;
    if (rule.kind === "expression") {
      ws.addConditionalFormatting({
        ref: rule.range,
        rules: [{ type: "expression", priority, formulae: [toFileFormula(rule.formula)], style: dxf(rule.format) }],
      });
      if (rule.stopIfTrue) stopIfTrue.push(priority);
    } else {
      const formulae = [toFileFormula(rule.formula1)];
      if (rule.formula2 !== undefined) formulae.push(toFileFormula(rule.formula2));
      ws.addConditionalFormatting({
        ref: rule.range,
        rules: [
          {
            type: "cellIs",
            priority,
            // ExcelJS's typings list only four operators; it writes any ST_ConditionalFormattingOperator.
            operator: rule.operator as ExcelJS.CellIsOperators,
            formulae,
            style: dxf(rule.format),
          },
        ],
      });
    }
  });
  return stopIfTrue;
}

const CFVO = { lowest: "min", highest: "max", number: "num", percentile: "percentile" } as const;

/** Colour scales (heat-maps) and solid data bars, numbered after the sheet's other rules. */
function addScalesAndBars(ws: ExcelJS.Worksheet, sheet: SheetSpec, firstPriority: number): void {
  let priority = firstPriority;
  for (const scale of sheet.colorScales ?? []) {
    const points = [scale.min, ...(scale.mid ? [scale.mid] : []), scale.max];
    ws.addConditionalFormatting({
      ref: scale.range,
      rules: [
        {
          type: "colorScale",
          priority: priority++,
          cfvo: points.map((p) => ({ type: CFVO[p.type], ...(p.value !== undefined ? { value: p.value } : {}) })),
          color: points.map((p) => ({ argb: argb(p.color) })),
        },
      ],
    });
  }
  for (const bar of sheet.dataBars ?? []) {
    const rule: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
      type: "dataBar",
      priority: priority++,
      gradient: false,
      cfvo: [bar.min === undefined ? { type: "min" } : { type: "num", value: bar.min }, bar.max === undefined ? { type: "max" } : { type: "num", value: bar.max }],
      color: { argb: argb(bar.color) },
    };
    ws.addConditionalFormatting({ ref: bar.range, rules: [rule] });
  }
}

interface DataValidationsApi {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** An explicit list as the file stores it: "a,b,c" in quotes, at most 255 characters. */
export function listFormula(values: readonly string[]): string {
  const text = values.map((v) => v.replace(/,/g, " ").replace(/"/g, '""')).join(",");
  if (text.length > 255) {
    throw new Error(`xlsx: a validation list is limited to 255 characters (got ${text.length}); use a listFormula range instead`);
  }
  return `"${text}"`;
}

function addValidation(ws: ExcelJS.Worksheet, v: DataValidationSpec): void {
  const common = {
    allowBlank: v.allowBlank ?? true,
    showErrorMessage: true,
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
  let validation: ExcelJS.DataValidation;
  switch (v.kind) {
    case "list":
      validation = { type: "list", formulae: [listFormula(v.values)], ...common };
      break;
    case "listFormula":
      validation = { type: "list", formulae: [toFileFormula(v.source)], ...common };
      break;
    case "decimal": {
      const rule = decimalRule(v);
      validation = { type: "decimal", operator: rule.operator, formulae: rule.operator === "between" ? [rule.formula1, rule.formula2] : [rule.formula1], ...common };
      break;
    }
    case "date":
      validation = {
        type: "date",
        operator: "between",
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(9999, 11, 31))],
        ...common,
      };
      break;
  }
  (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations.add(v.range, validation);
}

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Table column names: the header text, unique (case-insensitive), never empty. */
function tablePart(ws: ExcelJS.Worksheet, grid: Map<number, CellSpec>, t: NonNullable<SheetSpec["tables"]>[number]): TablePart {
  const r = parseRange(t.range);
  const seen = new Set<string>();
  const columns: string[] = [];
  for (let c = r.col1; c <= r.col2; c++) {
    const cell = grid.get(cellKey(r.row1, c));
    let name = cell && cell.formula === undefined && cell.value !== undefined && String(cell.value).trim() !== "" ? String(cell.value) : `Column${c - r.col1 + 1}`;
    const base = name;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${base}${i}`;
    seen.add(name.toLowerCase());
    columns.push(name);
    // Excel requires the header cell to hold exactly the column name, as text.
    if (cell?.formula !== undefined || cell?.value !== name) ws.getCell(r.row1 + 1, c + 1).value = name;
  }
  let ref = t.range;
  if (t.showTotals) {
    ref = `${a1(r.row1, r.col1)}:${a1(r.row2 + 1, r.col2)}`;
    if (!grid.has(cellKey(r.row2 + 1, r.col1))) ws.getCell(r.row2 + 2, r.col1 + 1).value = "Total";
  } else {
    ref = `${a1(r.row1, r.col1)}:${a1(r.row2, r.col2)}`;
  }
  return { name: t.name, ref, columns, style: t.style, totalsRow: !!t.showTotals };
}

function checkSheetNames(spec: WorkbookSpec): void {
  const seen = new Set<string>();
  for (const s of spec.sheets) {
    if (sanitizeSheetName(s.name) !== s.name) throw new Error(`xlsx: invalid sheet name "${s.name}"`);
    if (seen.has(s.name.toLowerCase())) throw new Error(`xlsx: duplicate sheet name "${s.name}"`);
    seen.add(s.name.toLowerCase());
  }
}

export async function workbookToXlsx(spec: WorkbookSpec, options: XlsxOptions = {}): Promise<Buffer> {
  checkSheetNames(spec);
  const wb = new ExcelJS.Workbook();
  wb.creator = "OpsKit";
  wb.lastModifiedBy = "OpsKit";
  if (options.date) {
    wb.created = options.date;
    wb.modified = options.date;
  }
  wb.calcProperties.fullCalcOnLoad = true;

  const extras: WorkbookExtras = { sheets: [], definedNames: [] };
  let evaluator: OpsEvaluate | undefined;
  const evaluate: OpsEvaluate = (sheet, formula) => (evaluator ??= opsEvaluator(spec))(sheet, formula);
  const printNames: DefinedNamePart[] = [];

  spec.sheets.forEach((sheet, index) => {
    const ws = wb.addWorksheet(sheet.name, {
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
      ...(sheet.hidden ? { state: "hidden" as const } : {}),
    });
    const grid = writeCells(ws, sheet);
    const dynamicArrays = writeOpsFormulas(ws, sheet, evaluate);

    for (const col of sheet.columns ?? []) {
      const column = ws.getColumn(col.index + 1);
      if (col.width !== undefined) column.width = col.width;
      if (col.hidden) column.hidden = true;
    }

    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
      const { rows, columns } = sheet.freeze;
      ws.views = [{ state: "frozen", xSplit: columns, ySplit: rows, topLeftCell: a1(rows, columns) }];
    }

    const stopIfTrue = addConditionalFormats(ws, sheet.conditionalFormats ?? []);
    addScalesAndBars(ws, sheet, (sheet.conditionalFormats?.length ?? 0) + 1);
    for (const v of sheet.validations ?? []) addValidation(ws, v);

    const print = sheet.print;
    if (print) {
      if (print.orientation) ws.pageSetup.orientation = print.orientation;
      if (print.fitToWidth || print.onePage) {
        ws.pageSetup.fitToPage = true;
        ws.pageSetup.fitToWidth = 1;
        ws.pageSetup.fitToHeight = print.onePage ? 1 : 0;
      }
      if (print.header !== undefined) ws.headerFooter.oddHeader = `&C${print.header}`;
      if (print.footer !== undefined) ws.headerFooter.oddFooter = `&C${print.footer}`;
      if (print.area) printNames.push({ name: "_xlnm.Print_Area", localSheetId: index, formula: qualify(sheet.name, print.area) });
      if (print.repeatRows) {
        printNames.push({ name: "_xlnm.Print_Titles", localSheetId: index, formula: `${quoteSheet(sheet.name)}!${titleRows(print.repeatRows)}` });
      }
    }

    const tables = (sheet.tables ?? []).map((t) => tablePart(ws, grid, t));
    const sheetExtras: SheetExtras = { name: sheet.name, tables, charts: sheet.charts ?? [], stopIfTrue, dynamicArrays };
    extras.sheets.push(sheetExtras);
  });

  extras.definedNames = [
    ...printNames,
    ...(spec.names ?? []).map((n) => ({ name: n.name, formula: toFileFormula(n.refersTo) })),
  ];

  const raw = await wb.xlsx.writeBuffer();
  return postProcess(Buffer.from(raw as ArrayBuffer), extras);
}

export async function writeXlsxFile(spec: WorkbookSpec, path: string, options: XlsxOptions = {}): Promise<void> {
  await fs.writeFile(path, await workbookToXlsx(spec, options));
}
