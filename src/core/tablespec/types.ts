/**
 * TableSpec: a declarative description of a worksheet that a generator
 * returns and the two adapters (src/excel for Office.js, src/xlsx for
 * ExcelJS) render. Pure data: no Office or ExcelJS types here.
 *
 * Addresses are A1 strings on the sheet itself ("A1", "B2:K40"). Formulas are
 * written as Excel stores them in English: leading "=", comma separators,
 * English function names (WORKDAY, SUMIF, ...), A1 references; a reference
 * to another sheet quotes its name ('Settings'!$A$2:$A$40).
 */

export type CellValue = string | number | boolean;

/** Style tokens, so generators say what a cell is and the adapters decide how it looks. */
export type StyleToken =
  | "title"      // sheet title line
  | "subtitle"   // explanation under the title
  | "header"     // column header
  | "input"      // a cell the user is expected to edit (cutoffs, dates, targets)
  | "computed"   // a formula the user should not need to touch
  | "total"      // a totals / summary line
  | "note"       // small grey explanatory text
  | "warning";   // a check that failed (e.g. a task without exactly one A)

export interface CellSpec {
  /** A constant. Dates are Excel serial numbers with a date numberFormat. */
  value?: CellValue;
  /** A native Excel formula starting with "=". Wins over value when both are set. */
  formula?: string;
  /** Excel number format code, e.g. "0.0%", "yyyy-mm-dd", "#,##0". */
  numberFormat?: string;
  style?: StyleToken;
  /** Horizontal merge: how many columns this cell spans (titles). */
  mergeAcross?: number;
}

/** A rectangular block of cells whose top-left cell is `anchor`; null = leave the cell empty. */
export interface BlockSpec {
  anchor: string;
  rows: (CellSpec | null)[][];
}

export interface ColumnSpec {
  /** 0-based column index. */
  index: number;
  /** Width in characters (Excel's column width unit). */
  width?: number;
  hidden?: boolean;
}

/** An Excel table (ListObject) over a range whose first row is the header. */
export interface TableObjectSpec {
  name: string;
  range: string;
  style?: string; // e.g. "TableStyleMedium2"
  showTotals?: boolean;
}

export interface CellFormat {
  fill?: string;      // "#RRGGBB"
  fontColor?: string; // "#RRGGBB"
  bold?: boolean;
}

export type ConditionalFormatSpec =
  | {
      /** A formula rule written for the top-left cell of `range`, relative references move with the cell. */
      kind: "expression";
      range: string;
      formula: string;
      format: CellFormat;
      stopIfTrue?: boolean;
      /** Earlier rules win (priority 1 = first). */
      priority?: number;
    }
  | {
      kind: "cellValue";
      range: string;
      operator: "lessThan" | "greaterThan" | "between" | "equal" | "greaterThanOrEqual" | "lessThanOrEqual";
      formula1: string;
      formula2?: string;
      format: CellFormat;
      priority?: number;
    };

/** One end (or the middle) of a colour scale: the lowest / highest value, a number, or a percentile. */
export interface ColorScalePoint {
  type: "lowest" | "highest" | "number" | "percentile";
  /** For "number" and "percentile" (0..100). */
  value?: number;
  color: string; // "#RRGGBB"
}

/** A two- or three-colour scale over a range (Excel's colour-scale conditional format): the heat-map. */
export interface ColorScaleSpec {
  range: string;
  min: ColorScalePoint;
  mid?: ColorScalePoint;
  max: ColorScalePoint;
}

/** In-cell data bars over a range (Excel's data-bar conditional format), solid fill. */
export interface DataBarSpec {
  range: string;
  color: string; // "#RRGGBB"
  /** Fixed bounds (e.g. 0 and 1 for shares); omitted = the lowest / highest value. */
  min?: number;
  max?: number;
}

export type DataValidationSpec =
  | { kind: "list"; range: string; values: string[]; allowBlank?: boolean; prompt?: string }
  | { kind: "listFormula"; range: string; source: string; allowBlank?: boolean; prompt?: string }
  | { kind: "decimal"; range: string; min?: number; max?: number; allowBlank?: boolean; prompt?: string }
  | { kind: "date"; range: string; allowBlank?: boolean; prompt?: string };

/**
 * A native chart. "pareto": columns for values plus a line on a secondary
 * axis; "column" / "bar": vertical / horizontal clustered bars; "line": one
 * line per `columns` series. A series' values (and the categories) are one
 * column or one row of cells.
 */
export interface ChartSpec {
  kind: "pareto" | "column" | "line" | "bar";
  title: string;
  /** Category labels (e.g. customer names), a one-column (or one-row) range. */
  categories: string;
  /** Axis titles (category axis, value axis). */
  axisTitles?: { category?: string; value?: string };
  /** Number format of the primary value axis, e.g. "0%" (default: the cells' own). */
  valueFormat?: string;
  /** Number format of the category labels, e.g. "yyyy-mm-dd" (default: the cells' own). */
  categoryFormat?: string;
  /** Colours of the `columns` series in order (default CHART_COLORS), e.g. a sequential ramp for cohorts. */
  seriesColors?: string[];
  /** Column series (primary axis). */
  columns: { name: string; values: string }[];
  /** Line series on the secondary axis (e.g. cumulative share 0..1). */
  lines?: { name: string; values: string }[];
  /** Where the chart's top-left corner sits, and its size in cells. */
  anchor: string;
  widthCells: number;
  heightCells: number;
  /** The chart's name in Excel (a block written at a chosen place names its charts, so a refresh can replace them). */
  name?: string;
}

export interface PrintSpec {
  orientation?: "portrait" | "landscape";
  fitToWidth?: boolean;
  /** Fit the whole print area on one page (wide and tall), e.g. a one-page overview. */
  onePage?: boolean;
  /** Rows repeated at the top of every printed page, e.g. "1:3". */
  repeatRows?: string;
  area?: string;
  header?: string;
  footer?: string;
}

export interface SheetSpec {
  /** Which generator made it (schedule, raci, contingency, kpi, tiering, summary, intake, settings, ...). */
  kind: string;
  /** Desired sheet name (≤ 31 characters, none of : \ / ? * [ ]). */
  name: string;
  blocks: BlockSpec[];
  columns?: ColumnSpec[];
  freeze?: { rows: number; columns: number };
  tables?: TableObjectSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
  /** Colour scales (heat-maps); on cells no other conditional format covers. */
  colorScales?: ColorScaleSpec[];
  /** Data bars; on cells no other conditional format covers. */
  dataBars?: DataBarSpec[];
  validations?: DataValidationSpec[];
  charts?: ChartSpec[];
  print?: PrintSpec;
  /** Sheet tab colour "#RRGGBB". */
  tabColor?: string;
  /** A hidden sheet (e.g. the original OPS formulas kept when values are frozen for sharing). */
  hidden?: boolean;
}

/** A workbook-level defined name, e.g. Holidays → 'Settings'!$A$2:$A$60. */
export interface DefinedNameSpec {
  name: string;
  refersTo: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  names?: DefinedNameSpec[];
}
