/**
 * Renders a WorkbookSpec into the open workbook with Office.js.
 *
 * Sync budget: one `context.sync` loads what exists (sheet, table and defined
 * names) for the whole workbook, then ONE sync per sheet writes everything of
 * that sheet (values and formulas as whole 2-D ranges, number formats, styles
 * batched by token, merges, widths, freeze panes, tables, conditional formats,
 * validations, charts, print settings, tab colour). The first sheet's batch
 * also creates every sheet (so cross-sheet formulas always find their target),
 * the last one adds the defined names. N sheets → N + 1 syncs while each sheet's
 * values fit in one request; a sheet whose values and formats measure more
 * than `requestBytes` (default CHUNK_TARGET_BYTES, under Excel's 5 MB request
 * limit) is written in row slices, one sync per slice (chunks.ts): syncs grow
 * with the bytes, never with the row count of a small sheet.
 *
 * Never overwrites silently: an existing sheet name becomes "Name (2)" unless
 * onExisting is "replace", which deletes the old sheet first (and puts the new
 * one at its position). No Excel.run here: the caller owns the context
 * (see host.ts).
 */
import { columnLetters as a1Column, rangeA1 } from "../core/tablespec/a1";
import { CHART_COLORS, widthCharsToPoints } from "../core/tablespec/palette";
import type {
  ChartSpec,
  ColorScalePoint,
  ColorScaleSpec,
  DataBarSpec,
  ConditionalFormatSpec,
  DataValidationSpec,
  DefinedNameSpec,
  PrintSpec,
  SheetSpec,
  WorkbookSpec,
} from "../core/tablespec/types";
import { resolveSheetNames, uniqueSheetName, type OnExisting } from "../core/tablespec/sheetNames";
import { SheetWriteError } from "../core/tablespec/writeError";
import {
  blockArrays,
  chartCorner,
  columnGroups,
  isQualified,
  mergeAreas,
  rangeSize,
  rectAddress,
  renameSheetRefs,
  renameSheetRefsInSheet,
  styleRectangles,
} from "./layout";
import { applyConditionalFormat, applyStyle } from "./styles";
import { splitBlockArrays } from "./chunks";
import { CHUNK_TARGET_BYTES } from "../core/payload/limits";
import { decimalRule, orderedRules, titleRows } from "../core/tablespec/walk";

/** The shared spec helpers, also under this module's names (tests, the pane). */
export { orderedRules, titleRows };
/** The sheet-name rules live in core (the pane uses them without this chunk); re-exported for the writer's callers. */
export { resolveSheetNames, type OnExisting };

export interface WriteOptions {
  onExisting: OnExisting;
  /** Called after each sheet is written; index counts sheets done (1..total). */
  onProgress?: (sheetName: string, index: number, total: number) => void;
  /** Bytes of values + formats per request before a sheet's values are split (default CHUNK_TARGET_BYTES). */
  requestBytes?: number;
}

export interface WrittenSheet {
  kind: string;
  /** The name in the spec. */
  requested: string;
  /** The name the sheet has in the workbook. */
  actual: string;
}

export interface WriteResult {
  written: WrittenSheet[];
}

/**
 * Loads the existing sheet names (one sync) and resolves the final names
 * BEFORE generating, so formulas can refer to the sheets by their final names.
 */
export async function planSheetNames<K extends string>(
  context: Excel.RequestContext,
  desired: Readonly<Record<K, string>>,
  onExisting: OnExisting,
): Promise<Record<K, string>> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return resolveSheetNames(
    desired,
    sheets.items.map((s) => s.name),
    onExisting,
  );
}

interface Existing {
  sheets: { name: string; position: number; visible: boolean }[];
  tables: { name: string; sheet: string }[];
  names: string[];
}

interface SheetPlan {
  spec: SheetSpec;
  requested: string;
  actual: string;
  /** Name of the existing sheet this one replaces (onExisting = "replace"). */
  replaces?: { name: string; position: number };
}

const lower = (s: string): string => s.toLowerCase();

/** Decides names, replacements and renamed references. Pure (exported for tests). */
export function planWrite(
  spec: WorkbookSpec,
  existing: Existing,
  onExisting: OnExisting,
): { sheets: SheetPlan[]; names: DefinedNameSpec[]; tableNames: Map<string, string>; placeholder: boolean } {
  const existingByName = new Map(existing.sheets.map((s) => [lower(s.name), s]));
  const chosen: string[] = [];
  const plans: SheetPlan[] = [];
  const renames = new Map<string, string>();
  for (const sheet of spec.sheets) {
    const taken = onExisting === "keepBoth" ? [...existing.sheets.map((s) => s.name), ...chosen] : chosen;
    const actual = uniqueSheetName(sheet.name, taken);
    chosen.push(actual);
    const plan: SheetPlan = { spec: sheet, requested: sheet.name, actual };
    const old = onExisting === "replace" ? existingByName.get(lower(actual)) : undefined;
    if (old) plan.replaces = { name: old.name, position: old.position };
    // References follow a renamed sheet (unless an earlier sheet of the spec already has that name).
    const requestedBefore = plans.some((p) => lower(p.requested) === lower(sheet.name));
    if (actual !== sheet.name && !requestedBefore) renames.set(sheet.name, actual);
    plans.push(plan);
  }
  for (const plan of plans) plan.spec = renameSheetRefsInSheet(plan.spec, renames);
  const names = (spec.names ?? []).map((n) => ({ ...n, refersTo: renameSheetRefs(n.refersTo, renames) }));

  // Table names are unique across the workbook and may not equal a defined name.
  const replaced = new Set(plans.filter((p) => p.replaces).map((p) => lower(p.replaces!.name)));
  const takenTables = new Set([
    ...existing.tables.filter((t) => !replaced.has(lower(t.sheet))).map((t) => lower(t.name)),
    ...existing.names.map(lower),
  ]);
  const tableNames = new Map<string, string>();
  for (const plan of plans) {
    for (const t of plan.spec.tables ?? []) {
      let name = t.name;
      for (let i = 2; takenTables.has(lower(name)); i++) name = `${t.name}_${i}`;
      takenTables.add(lower(name));
      tableNames.set(t.name, name);
    }
  }

  // Excel cannot delete its last visible sheet: keep a placeholder while replacing all of them.
  const visibleLeft = existing.sheets.filter((s) => s.visible && !replaced.has(lower(s.name))).length;
  return { sheets: plans, names, tableNames, placeholder: replaced.size > 0 && visibleLeft === 0 };
}

const PLACEHOLDER = "OpsKit temp";

export async function writeSheets(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  options: WriteOptions,
): Promise<WriteResult> {
  const wb = context.workbook;

  // Sync 1 (whole workbook): what exists.
  const sheetColl = wb.worksheets;
  sheetColl.load("items/name,items/position,items/visibility");
  const nameColl = wb.names;
  nameColl.load("items/name");
  const tableColl = wb.tables;
  tableColl.load("items/name,items/worksheet/name");
  await context.sync();

  const existing: Existing = {
    sheets: sheetColl.items.map((s) => ({ name: s.name, position: s.position, visible: s.visibility === "Visible" })),
    tables: tableColl.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    names: nameColl.items.map((n) => n.name),
  };
  const plan = planWrite(spec, existing, options.onExisting);
  const existingNames = new Set(existing.names.map(lower));
  const total = plan.sheets.length;
  const written: WrittenSheet[] = plan.sheets.map((p) => ({ kind: p.spec.kind, requested: p.requested, actual: p.actual }));

  // Queued into the first batch: create (or replace) every sheet.
  let placeholder: Excel.Worksheet | undefined;
  if (plan.placeholder) {
    const free = uniqueSheetName(PLACEHOLDER, [...existing.sheets.map((s) => s.name), ...plan.sheets.map((p) => p.actual)]);
    placeholder = sheetColl.add(free);
  }
  const created: Excel.Worksheet[] = plan.sheets.map((p) => {
    if (p.replaces) {
      sheetColl.getItem(p.replaces.name).delete();
      const ws = sheetColl.add(p.actual);
      ws.position = p.replaces.position;
      return ws;
    }
    return sheetColl.add(p.actual);
  });
  placeholder?.delete();

  const addNames = (): void => {
    for (const n of plan.names) {
      const ref = n.refersTo.startsWith("=") ? n.refersTo : `=${n.refersTo}`;
      if (!existingNames.has(lower(n.name))) wb.names.add(n.name, ref);
      else if (options.onExisting === "replace") {
        wb.names.getItem(n.name).delete();
        wb.names.add(n.name, ref);
      } else {
        // keepBoth: the workbook name belongs to the older sheets; ours are scoped to our sheets.
        for (const ws of created) ws.names.add(n.name, ref);
      }
    }
  };

  if (total === 0) {
    addNames();
    await context.sync();
    return { written };
  }

  const budget = options.requestBytes ?? CHUNK_TARGET_BYTES;
  for (let i = 0; i < total; i++) {
    const p = plan.sheets[i]!;
    const ws = created[i]!;
    await queueValues(context, ws, p.spec, p.actual, budget);
    fillSheet(context, ws, p.spec, plan.tableNames);
    if (i === total - 1) {
      addNames();
      // A hidden sheet cannot be the active one.
      const firstVisible = plan.sheets.findIndex((q) => !q.spec.hidden);
      if (firstVisible >= 0) created[firstVisible]!.activate();
    }
    await syncSheet(context, p.actual);
    options.onProgress?.(p.actual, i + 1, total);
  }
  return { written };
}

/**
 * Values and formulas of a sheet's blocks: one 2-D write per block, or per row
 * slice of a large block (number formats first, so Excel's automatic
 * formatting on entry does not fight ours); syncs whenever the pending batch
 * would pass `budget` bytes. The last batch is left queued for the caller.
 */
async function queueValues(context: Excel.RequestContext, ws: Excel.Worksheet, spec: SheetSpec, sheetName: string, budget: number): Promise<void> {
  let pending = 0;
  for (const block of spec.blocks) {
    const arrays = blockArrays(block);
    if (!arrays) continue;
    for (const chunk of splitBlockArrays(arrays, budget)) {
      if (pending > 0 && pending + chunk.bytes > budget) {
        await syncSheet(context, sheetName);
        pending = 0;
      }
      const range = ws.getRange(chunk.address);
      if (chunk.numberFormats) range.numberFormat = chunk.numberFormats;
      range.formulas = chunk.formulas;
      pending += chunk.bytes;
    }
  }
}

export interface WriteBlockOptions {
  /** The cells of an earlier block of ours, removed first (contents, formats, conditional formats). */
  clear?: readonly string[];
  /** Ranges whose contents the user agreed to replace. */
  overwrite?: readonly string[];
  /** Charts named `${chartPrefix} …` are deleted first. */
  chartPrefix?: string;
  /** Bytes of values + formats per request (default CHUNK_TARGET_BYTES). */
  requestBytes?: number;
}

/**
 * Writes a block into an existing sheet (`spec.name`) at the addresses the
 * spec gives (a metric result at a chosen place): the rest of the sheet stays
 * as it is. Sync 1 loads the sheet's charts and the current widths of the
 * spec's columns; then our earlier block's cells (`clear`) and charts
 * (`chartPrefix`) go, the contents of `overwrite` are cleared, the values
 * are written in slices under the request limit (one sync per slice), and
 * the last sync carries styles, merges, conditional formats, validations,
 * charts (named) and widths — widened where narrower than the spec asks,
 * never narrowed. No freeze panes, print, tab colour or visibility: the
 * sheet is the user's.
 */
export async function writeBlock(context: Excel.RequestContext, spec: SheetSpec, options: WriteBlockOptions = {}): Promise<void> {
  const ws = context.workbook.worksheets.getItem(spec.name);
  // A navigation property, not a loaded value (the lint rule reads it as one).
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const charts = ws.charts;
  charts.load("items/name");
  const columns = (spec.columns ?? []).map((c) => {
    const letters = a1Column(c.index);
    const range = ws.getRange(`${letters}:${letters}`);
    range.load("format/columnWidth");
    return { spec: c, range };
  });
  await syncSheet(context, spec.name);

  if (options.chartPrefix) {
    // charts was loaded with "items/name" and synced above.
    for (const chart of charts.items) if (chart.name.startsWith(`${options.chartPrefix} `)) chart.delete();
  }
  for (const address of options.clear ?? []) {
    const old = ws.getRange(address);
    old.conditionalFormats.clearAll();
    old.clear("All");
  }
  for (const address of options.overwrite ?? []) ws.getRange(address).clear("Contents");

  await queueValues(context, ws, spec, spec.name, options.requestBytes ?? CHUNK_TARGET_BYTES);
  // Widths: only wider (the user's columns are never narrowed).
  const widths = new Map<number, number>();
  for (const c of columns) widths.set(c.spec.index, c.range.format.columnWidth);
  fillSheet(context, ws, { ...spec, freeze: undefined, print: undefined, tabColor: undefined, hidden: undefined }, new Map(), widths);
  await syncSheet(context, spec.name);
}

/** One sync of a sheet's batch; a failure is a SheetWriteError naming the sheet (Excel's error kept as cause and code). */
async function syncSheet(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    // One sync per sheet (or per slice of a large sheet), by design (see the header).
    await context.sync();
  } catch (e) {
    throw new SheetWriteError(sheet, e instanceof Error ? e.message : String(e), e);
  }
}

/** Queues every write of one sheet; no load, no sync. */
function fillSheet(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: SheetSpec,
  tableNames: ReadonlyMap<string, string>,
  /** Writing into a user's sheet: the current width (points) of each column the spec sizes; set only where ours is wider. */
  currentWidths?: ReadonlyMap<number, number>,
): void {
  // Values and formulas were queued by writeSheets (in slices under the request limit).
  for (const area of mergeAreas(sheet)) ws.getRange(rectAddress(area)).merge(false);

  for (const [token, rects] of styleRectangles(sheet)) {
    for (const r of rects) applyStyle(ws.getRange(rectAddress(r)), token, r.row2 > r.row1);
  }

  if (currentWidths) {
    for (const c of sheet.columns ?? []) {
      const now = currentWidths.get(c.index);
      if (c.width === undefined || (now !== undefined && now >= widthCharsToPoints(c.width))) continue;
      const letters = a1Column(c.index);
      ws.getRange(`${letters}:${letters}`).format.columnWidth = widthCharsToPoints(c.width);
    }
  } else {
    for (const g of columnGroups(sheet)) {
      const range = ws.getRange(g.address);
      if (g.width !== undefined) range.format.columnWidth = widthCharsToPoints(g.width);
      if (g.hidden) range.columnHidden = true;
    }
  }

  if (sheet.freeze) {
    const { rows, columns } = sheet.freeze;
    if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(rangeA1(0, 0, rows - 1, columns - 1));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else if (columns > 0) ws.freezePanes.freezeColumns(columns);
  }

  for (const t of sheet.tables ?? []) {
    const table = ws.tables.add(t.range, true);
    table.name = tableNames.get(t.name) ?? t.name;
    if (t.style) table.style = t.style;
    if (t.showTotals) table.showTotals = true;
  }

  addConditionalFormats(ws, sheet.conditionalFormats ?? []);
  for (const scale of sheet.colorScales ?? []) addColorScale(ws, scale);
  for (const bar of sheet.dataBars ?? []) addDataBar(ws, bar);
  for (const v of sheet.validations ?? []) addValidation(ws, v);
  for (const chart of sheet.charts ?? []) addChart(context, ws, chart);
  if (sheet.print) setPrint(ws, sheet.print);
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (sheet.hidden) ws.visibility = "Hidden";
}

const CF_OPERATOR = {
  lessThan: "LessThan",
  greaterThan: "GreaterThan",
  between: "Between",
  equal: "EqualTo",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
} as const;

const withEquals = (f: string): string => (f.startsWith("=") ? f : `=${f}`);

function addConditionalFormats(ws: Excel.Worksheet, rules: readonly ConditionalFormatSpec[]): void {
  // Office.js puts each new rule at the top priority: add the last-priority rule first.
  for (const rule of orderedRules(rules).reverse()) {
    const range = ws.getRange(rule.range);
    if (rule.kind === "expression") {
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = withEquals(rule.formula);
      applyConditionalFormat(cf.custom.format, rule.format);
      if (rule.stopIfTrue) cf.stopIfTrue = true;
    } else {
      const cf = range.conditionalFormats.add("CellValue");
      cf.cellValue.rule = {
        formula1: withEquals(rule.formula1),
        ...(rule.formula2 !== undefined ? { formula2: withEquals(rule.formula2) } : {}),
        operator: CF_OPERATOR[rule.operator],
      };
      applyConditionalFormat(cf.cellValue.format, rule.format);
    }
  }
}

const COLOR_POINT = { lowest: "LowestValue", highest: "HighestValue", number: "Number", percentile: "Percentile" } as const;

function colorCriterion(p: ColorScalePoint): Excel.ConditionalColorScaleCriterion {
  return { type: COLOR_POINT[p.type], formula: p.value === undefined ? null : String(p.value), color: p.color } as Excel.ConditionalColorScaleCriterion;
}

/** A colour-scale rule (the heat-map): ExcelApi 1.6. */
function addColorScale(ws: Excel.Worksheet, spec: ColorScaleSpec): void {
  const cf = ws.getRange(spec.range).conditionalFormats.add("ColorScale");
  cf.colorScale.criteria = {
    minimum: colorCriterion(spec.min),
    ...(spec.mid ? { midpoint: colorCriterion(spec.mid) } : {}),
    maximum: colorCriterion(spec.max),
  };
}

/** A solid data-bar rule, fixed bounds when given: ExcelApi 1.6. */
function addDataBar(ws: Excel.Worksheet, spec: DataBarSpec): void {
  const cf = ws.getRange(spec.range).conditionalFormats.add("DataBar");
  cf.dataBar.barDirection = "LeftToRight";
  cf.dataBar.positiveFormat.fillColor = spec.color;
  cf.dataBar.positiveFormat.gradientFill = false;
  cf.dataBar.lowerBoundRule = spec.min === undefined ? { type: "LowestValue" } : { type: "Number", formula: String(spec.min) };
  cf.dataBar.upperBoundRule = spec.max === undefined ? { type: "HighestValue" } : { type: "Number", formula: String(spec.max) };
}

function addValidation(ws: Excel.Worksheet, v: DataValidationSpec): void {
  const dv = ws.getRange(v.range).dataValidation;
  switch (v.kind) {
    case "list":
      // Office.js takes the choices comma-separated; a comma inside a choice cannot be expressed.
      dv.rule = { list: { inCellDropDown: true, source: v.values.map((s) => s.replace(/,/g, " ")).join(",") } };
      break;
    case "listFormula":
      dv.rule = { list: { inCellDropDown: true, source: withEquals(v.source) } };
      break;
    case "decimal": {
      const rule = decimalRule(v);
      dv.rule = {
        decimal:
          rule.operator === "between"
            ? { formula1: rule.formula1, formula2: rule.formula2, operator: "Between" }
            : { formula1: rule.formula1, operator: rule.operator === "greaterThanOrEqual" ? "GreaterThanOrEqualTo" : "LessThanOrEqualTo" },
      };
      break;
    }
    case "date":
      dv.rule = { date: { formula1: "1900-01-01", formula2: "9999-12-31", operator: "Between" } };
      break;
  }
  dv.ignoreBlanks = v.allowBlank ?? true;
  if (v.prompt) dv.prompt = { showPrompt: true, message: v.prompt, title: "" };
}

/** A range of the chart's sheet, or of another sheet when qualified ('Other'!A1:A9). */
function chartRange(context: Excel.RequestContext, ws: Excel.Worksheet, address: string): Excel.Range {
  if (!isQualified(address)) return ws.getRange(address);
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  return context.workbook.worksheets.getItem(sheet).getRange(address.slice(bang + 1));
}

function addChart(context: Excel.RequestContext, ws: Excel.Worksheet, spec: ChartSpec): void {
  const lines = spec.lines ?? [];
  const main = spec.kind === "line" ? "Line" : spec.kind === "bar" ? "BarClustered" : "ColumnClustered";
  const first = spec.columns[0] ?? lines[0];
  if (!first) return;
  const categories = chartRange(context, ws, spec.categories);
  // A series of one row (retention curves) is read by rows, else Excel makes one series per cell.
  const byRows = !isQualified(first.values) && rangeSize(first.values).rows === 1 && rangeSize(first.values).cols > 1;
  const chart = ws.charts.add(main, chartRange(context, ws, first.values), byRows ? "Rows" : "Columns");
  if (spec.name) chart.name = spec.name;
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.setPosition(spec.anchor, chartCorner(spec.anchor, spec.widthCells, spec.heightCells));

  spec.columns.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(chartRange(context, ws, s.values));
    series.setXAxisValues(categories);
    const color = spec.seriesColors?.[i] ?? CHART_COLORS.columns[i % CHART_COLORS.columns.length]!;
    if (spec.kind === "line") series.format.line.color = color;
    else {
      series.format.fill.setSolidColor(color);
      if (spec.kind === "pareto") series.gapWidth = 40;
    }
  });
  lines.forEach((s, i) => {
    const series = spec.columns.length === 0 && i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(chartRange(context, ws, s.values));
    series.setXAxisValues(categories);
    series.chartType = "LineMarkers";
    if (spec.columns.length > 0) series.axisGroup = "Secondary";
    series.format.line.color = CHART_COLORS.lines[i % CHART_COLORS.lines.length]!;
  });
  if (spec.axisTitles?.category !== undefined) chart.axes.getItem("Category", "Primary").title.text = spec.axisTitles.category;
  if (spec.axisTitles?.value !== undefined || spec.valueFormat !== undefined) {
    const axis = chart.axes.getItem("Value", "Primary");
    if (spec.axisTitles?.value !== undefined) axis.title.text = spec.axisTitles.value;
    if (spec.valueFormat !== undefined) axis.numberFormat = spec.valueFormat;
  }
  if (spec.categoryFormat !== undefined) chart.axes.getItem("Category", "Primary").numberFormat = spec.categoryFormat;
  if (spec.kind === "pareto" && lines.length > 0 && spec.columns.length > 0) {
    const axis = chart.axes.getItem("Value", "Secondary");
    axis.minimum = 0;
    axis.maximum = 1;
    axis.numberFormat = "0%";
  }
}

function setPrint(ws: Excel.Worksheet, print: PrintSpec): void {
  const layout = ws.pageLayout;
  if (print.orientation) layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // One page wide, as many pages tall as needed (0 = automatic, as in the file format).
  if (print.fitToWidth || print.onePage) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.onePage ? 1 : 0 };
  if (print.repeatRows) layout.setPrintTitleRows(titleRows(print.repeatRows));
  if (print.area) layout.setPrintArea(print.area);
  if (print.header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = print.header;
  if (print.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}
