/**
 * What ExcelJS cannot write (or writes unreliably), added to its .xlsx by
 * editing the zip: Excel tables (xl/tables), charts (xl/charts + xl/drawings,
 * DrawingML c:chartSpace), workbook defined names (including print areas and
 * print titles), stopIfTrue on conditional-format rules, and dynamic-array
 * formulas (the cell's cm="1" pointing at the XLDAPR cell metadata of
 * xl/metadata.xml, <f t="array" ref="spill">). Parts, rels and
 * [Content_Types].xml overrides are added alongside ExcelJS's own.
 */
import JSZip from "jszip";
import { a1, parseA1, parseRange, sheetRef } from "../core/tablespec/a1";
import { CHART_COLORS } from "../core/tablespec/palette";
import type { ChartSpec } from "../core/tablespec/types";

export interface TablePart {
  name: string;
  /** Header + data (+ totals row when totalsRow). */
  ref: string;
  columns: string[];
  style?: string;
  totalsRow: boolean;
}

/** A formula cell stored as a dynamic array: its address and the range its result spills over. */
export interface DynamicArrayPart {
  address: string;
  ref: string;
}

export interface SheetExtras {
  name: string;
  tables: TablePart[];
  charts: ChartSpec[];
  /** Priorities of the conditional-format rules that stop evaluation when true. */
  stopIfTrue: number[];
  /** Formula cells to mark as dynamic arrays (ExcelJS has written them as plain formulas). */
  dynamicArrays?: DynamicArrayPart[];
}

export interface DefinedNamePart {
  name: string;
  /** Formula text as stored (no leading "="). */
  formula: string;
  /** 0-based sheet index for a sheet-scoped name (print area/titles). */
  localSheetId?: number;
}

export interface WorkbookExtras {
  sheets: SheetExtras[];
  definedNames: DefinedNamePart[];
}

const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingml: "http://schemas.openxmlformats.org/drawingml/2006/main",
  sheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const REL_TYPE = {
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
  table: `${NS.rel}/table`,
  sheetMetadata: `${NS.rel}/sheetMetadata`,
} as const;

const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
} as const;

/**
 * xl/metadata.xml as Excel writes it for dynamic arrays: one XLDAPR metadata
 * type, its future-metadata record (xda:dynamicArrayProperties fDynamic="1"
 * under the ext uri MS-XLSX gives it) and one cell-metadata record; cells
 * point at that record with cm="1" (1-based).
 */
export const DYNAMIC_ARRAY_METADATA =
  XML_HEAD +
  `<metadata xmlns="${NS.main}" ` +
  `xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
  `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" ` +
  `merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">` +
  `<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/**
 * Marks formula cells as dynamic arrays: `<c r="B5" …><f>…` becomes
 * `<c r="B5" … cm="1"><f t="array" ref="B5:H12">…`. Throws when a cell is not
 * a plain formula cell in the part (a writer bug, not a user error).
 */
export function markDynamicArrays(sheetXml: string, arrays: readonly DynamicArrayPart[]): string {
  const refs = new Map(arrays.map((a) => [a.address, a.ref]));
  const done = new Set<string>();
  const xml = sheetXml.replace(/<c r="([A-Z]+\d+)"([^>]*)><f>/g, (m, address: string, attrs: string) => {
    const ref = refs.get(address);
    if (ref === undefined) return m;
    done.add(address);
    return `<c r="${address}"${attrs} cm="1"><f t="array" ref="${ref}">`;
  });
  const missing = arrays.filter((a) => !done.has(a.address)).map((a) => a.address);
  if (missing.length > 0) throw new Error(`xlsx: no formula cell to mark as a dynamic array at ${missing.join(", ")}`);
  return xml;
}



export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = xmlUnescape(m[2]!);
  return out;
}

async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f ? f.async("string") : undefined;
}

/** Absolute, sheet-qualified reference for a chart series ("B2:B9" → 'Sheet'!$B$2:$B$9). */
export function qualify(sheetName: string, range: string): string {
  if (range.includes("!")) return range.replace(/^=/, "");
  const r = parseRange(range);
  const addr =
    r.row1 === r.row2 && r.col1 === r.col2
      ? a1(r.row1, r.col1, true, true)
      : `${a1(r.row1, r.col1, true, true)}:${a1(r.row2, r.col2, true, true)}`;
  return sheetRef(sheetName, addr);
}

const hex = (color: string): string => color.replace(/^#/, "").toUpperCase();

function richTitle(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1400" b="1"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

/** An axis title (c:title with rich text), smaller than the chart title. */
function axisTitle(text: string | undefined): string {
  if (text === undefined || text === "") return "";
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1000" b="0"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

const numFmt = (format: string | undefined, fallback: string, linked: boolean): string =>
  format !== undefined ? `<c:numFmt formatCode="${xmlEscape(format)}" sourceLinked="0"/>` : `<c:numFmt formatCode="${fallback}" sourceLinked="${linked ? 1 : 0}"/>`;

interface AxisExtras {
  title?: string;
  format?: string;
  /** "l" for the category axis of a horizontal bar chart. */
  pos?: "b" | "l";
}

function catAx(id: number, cross: number, hidden: boolean, extras: AxisExtras = {}): string {
  return (
    `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="${extras.pos === "l" ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="${hidden ? 1 : 0}"/><c:axPos val="${extras.pos ?? "b"}"/>${axisTitle(extras.title)}${numFmt(extras.format, "General", true)}` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function valAx(id: number, cross: number, opts: { right: boolean; percent: boolean; gridlines: boolean; extras?: AxisExtras }): string {
  const scaling = opts.percent
    ? `<c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>`
    : `<c:scaling><c:orientation val="minMax"/></c:scaling>`;
  const pos = opts.right ? "r" : (opts.extras?.pos ?? "l");
  return (
    `<c:valAx><c:axId val="${id}"/>${scaling}<c:delete val="0"/><c:axPos val="${pos}"/>` +
    (opts.gridlines ? `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` : "") +
    axisTitle(opts.extras?.title) +
    numFmt(opts.extras?.format, opts.percent ? "0%" : "General", !opts.percent) +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="${opts.right ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`
  );
}

function seriesRefs(sheet: string, categories: string, values: string, numericCategories = false): string {
  const cat = numericCategories ? "numRef" : "strRef";
  return (
    `<c:cat><c:${cat}><c:f>${xmlEscape(qualify(sheet, categories))}</c:f></c:${cat}></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(qualify(sheet, values))}</c:f></c:numRef></c:val>`
  );
}

function lineSeries(idx: number, sheet: string, categories: string, s: { name: string; values: string }, color: string, numericCategories = false): string {
  const c = hex(color);
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${c}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${c}"/></a:solidFill>` +
    `<a:ln><a:solidFill><a:srgbClr val="${c}"/></a:solidFill></a:ln></c:spPr></c:marker>` +
    seriesRefs(sheet, categories, s.values, numericCategories) +
    `<c:smooth val="0"/></c:ser>`
  );
}

/**
 * A DrawingML chart part: the `columns` series as clustered columns (or lines
 * for kind "line") on the primary axes, the `lines` series as lines on a
 * secondary value axis sharing the categories; for "pareto" the secondary
 * axis runs 0–100 %.
 */
export function chartXml(chart: ChartSpec, sheetName: string): string {
  const lines = chart.lines ?? [];
  const primaryIds = [500000001, 500000002] as const;
  const secondaryIds = [500000003, 500000004] as const;
  let idx = 0;
  const numericCategories = chart.categoryFormat !== undefined;
  const primarySeries = chart.columns.map((s, i) => {
    const color = chart.seriesColors?.[i] ?? CHART_COLORS.columns[i % CHART_COLORS.columns.length]!;
    if (chart.kind === "line") return lineSeries(idx++, sheetName, chart.categories, s, color, numericCategories);
    return (
      `<c:ser><c:idx val="${idx}"/><c:order val="${idx++}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${hex(color)}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
      seriesRefs(sheetName, chart.categories, s.values, numericCategories) +
      `</c:ser>`
    );
  });
  const onSecondary = chart.columns.length > 0;
  const lineSeriesXml = lines.map((s, i) =>
    lineSeries(idx++, sheetName, chart.categories, s, CHART_COLORS.lines[i % CHART_COLORS.lines.length]!),
  );

  let plot = "";
  if (chart.columns.length > 0) {
    plot +=
      chart.kind === "line"
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${primarySeries.join("")}` +
          `<c:marker val="1"/><c:axId val="${primaryIds[0]}"/><c:axId val="${primaryIds[1]}"/></c:lineChart>`
        : `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${primarySeries.join("")}` +
          `<c:gapWidth val="${chart.kind === "pareto" ? 40 : 150}"/>` +
          `<c:axId val="${primaryIds[0]}"/><c:axId val="${primaryIds[1]}"/></c:barChart>`;
  }
  if (lines.length > 0) {
    const ids = onSecondary ? secondaryIds : primaryIds;
    plot +=
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lineSeriesXml.join("")}` +
      `<c:marker val="1"/><c:axId val="${ids[0]}"/><c:axId val="${ids[1]}"/></c:lineChart>`;
  }
  const horizontal = chart.kind === "bar";
  plot += catAx(primaryIds[0], primaryIds[1], false, { title: chart.axisTitles?.category, format: chart.categoryFormat, pos: horizontal ? "l" : "b" });
  plot += valAx(primaryIds[1], primaryIds[0], {
    right: false,
    percent: chart.kind === "pareto" && !onSecondary,
    gridlines: true,
    extras: { title: chart.axisTitles?.value, format: chart.valueFormat, pos: horizontal ? "b" : "l" },
  });
  if (onSecondary && lines.length > 0) {
    plot += catAx(secondaryIds[0], secondaryIds[1], true);
    plot += valAx(secondaryIds[1], secondaryIds[0], { right: true, percent: chart.kind === "pareto", gridlines: false });
  }

  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>${richTitle(chart.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** A drawing part with one two-cell-anchored graphic frame per chart. */
export function drawingXml(charts: { chart: ChartSpec; relId: string }[]): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const { row, col } = parseA1(chart.anchor);
    const w = Math.max(1, chart.widthCells);
    const h = Math.max(1, chart.heightCells);
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${col + w}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + h}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(`Chart ${i + 1}`)}" descr="${xmlEscape(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.sheetDrawing}" xmlns:a="${NS.drawingml}" xmlns:r="${NS.rel}">${anchors.join("")}</xdr:wsDr>`;
}

/** Excel stores a line break in a table column name as _x000a_. */
function tableColumnName(name: string): string {
  return name.replace(/\r?\n/g, "_x000a_");
}

export function tableXml(id: number, t: TablePart): string {
  const r = parseRange(t.ref);
  const cols = t.columns
    .map((c, i) => {
      const label = t.totalsRow && i === 0 ? ` totalsRowLabel="Total"` : "";
      return `<tableColumn id="${i + 1}" name="${xmlEscape(tableColumnName(c))}"${label}/>`;
    })
    .join("");
  const dataRef = t.totalsRow ? `${t.ref.split(":")[0]}:${t.ref.split(":")[1]!.replace(/\d+$/, String(r.row2))}` : t.ref;
  const totals = t.totalsRow ? ` totalsRowCount="1"` : ` totalsRowShown="0"`;
  return (
    XML_HEAD +
    `<table xmlns="${NS.main}" id="${id}" name="${xmlEscape(t.name)}" displayName="${xmlEscape(t.name)}" ref="${t.ref}"${totals}>` +
    `<autoFilter ref="${dataRef}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${xmlEscape(t.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** Adds relationships to a .rels part (creating it when missing); returns their ids in order. */
async function addRels(zip: JSZip, relsPath: string, rels: { type: string; target: string }[]): Promise<string[]> {
  let xml = (await readText(zip, relsPath)) ?? XML_HEAD + `<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  const used = new Set([...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]!));
  const ids: string[] = [];
  let n = 1;
  let added = "";
  for (const rel of rels) {
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    used.add(id);
    ids.push(id);
    added += `<Relationship Id="${id}" Type="${rel.type}" Target="${xmlEscape(rel.target)}"/>`;
  }
  xml = xml.includes("</Relationships>")
    ? xml.replace("</Relationships>", `${added}</Relationships>`)
    : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${added}</Relationships>`);
  zip.file(relsPath, xml);
  return ids;
}

/** Inserts `fragment` before the first of `before` tags found (else before </worksheet>). */
function insertBefore(xml: string, fragment: string, before: string[]): string {
  let at = -1;
  for (const tag of before) {
    const i = xml.search(new RegExp(`<${tag}[\\s>/]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  return xml.slice(0, at) + fragment + xml.slice(at);
}

function freeNumber(zip: JSZip, pattern: (n: number) => string, start: number): number {
  let n = start;
  while (zip.file(pattern(n))) n++;
  return n;
}

/** Sheet name → worksheet part path ("xl/worksheets/sheet1.xml"), in workbook order. */
async function sheetParts(zip: JSZip): Promise<{ name: string; path: string }[]> {
  const workbook = (await readText(zip, "xl/workbook.xml")) ?? "";
  const rels = (await readText(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  const out: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const target = targets.get(a["r:id"] ?? "");
    if (!a.name || !target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    out.push({ name: a.name, path });
  }
  return out;
}

function addOverrides(contentTypes: string, parts: { path: string; type: string }[]): string {
  const add = parts
    .filter((p) => !contentTypes.includes(`PartName="/${p.path}"`))
    .map((p) => `<Override PartName="/${p.path}" ContentType="${p.type}"/>`)
    .join("");
  return contentTypes.replace("</Types>", `${add}</Types>`);
}

export async function postProcess(input: Buffer | ArrayBuffer | Uint8Array, extras: WorkbookExtras): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  const parts = await sheetParts(zip);
  const overrides: { path: string; type: string }[] = [];
  let tableId = 1;
  let chartNo = freeNumber(zip, (n) => `xl/charts/chart${n}.xml`, 1);
  let drawingNo = freeNumber(zip, (n) => `xl/drawings/drawing${n}.xml`, 1);
  let tableNo = freeNumber(zip, (n) => `xl/tables/table${n}.xml`, 1);
  let usesDynamicArrays = false;

  for (const sheet of extras.sheets) {
    const arrays = sheet.dynamicArrays ?? [];
    if (sheet.tables.length === 0 && sheet.charts.length === 0 && sheet.stopIfTrue.length === 0 && arrays.length === 0) continue;
    const part = parts.find((p) => p.name === sheet.name);
    if (!part) throw new Error(`xlsx: no worksheet part for sheet "${sheet.name}"`);
    let xml = (await readText(zip, part.path)) ?? "";
    const dir = part.path.slice(0, part.path.lastIndexOf("/"));
    const file = part.path.slice(part.path.lastIndexOf("/") + 1);
    const sheetRels = `${dir}/_rels/${file}.rels`;

    if (arrays.length > 0) {
      xml = markDynamicArrays(xml, arrays);
      usesDynamicArrays = true;
    }

    for (const priority of sheet.stopIfTrue) {
      xml = xml.replace(new RegExp(`<cfRule((?:(?!>)[^])*?) priority="${priority}"`), `<cfRule$1 priority="${priority}" stopIfTrue="1"`);
    }

    if (sheet.charts.length > 0) {
      const drawingPath = `xl/drawings/drawing${drawingNo++}.xml`;
      const chartRels: { type: string; target: string }[] = [];
      for (const chart of sheet.charts) {
        const chartPath = `xl/charts/chart${chartNo++}.xml`;
        zip.file(chartPath, chartXml(chart, sheet.name));
        overrides.push({ path: chartPath, type: CONTENT_TYPE.chart });
        chartRels.push({ type: REL_TYPE.chart, target: `../charts/${chartPath.split("/").pop()}` });
      }
      const drawingRelsPath = `xl/drawings/_rels/${drawingPath.split("/").pop()}.rels`;
      const chartIds = await addRels(zip, drawingRelsPath, chartRels);
      zip.file(drawingPath, drawingXml(sheet.charts.map((chart, i) => ({ chart, relId: chartIds[i]! }))));
      overrides.push({ path: drawingPath, type: CONTENT_TYPE.drawing });
      const [drawingRel] = await addRels(zip, sheetRels, [
        { type: REL_TYPE.drawing, target: `../drawings/${drawingPath.split("/").pop()}` },
      ]);
      xml = insertBefore(xml, `<drawing r:id="${drawingRel}"/>`, [
        "legacyDrawing",
        "legacyDrawingHF",
        "drawingHF",
        "picture",
        "oleObjects",
        "controls",
        "webPublishItems",
        "tableParts",
        "extLst",
      ]);
    }

    if (sheet.tables.length > 0) {
      const rels = sheet.tables.map((t) => {
        const path = `xl/tables/table${tableNo++}.xml`;
        zip.file(path, tableXml(tableId++, t));
        overrides.push({ path, type: CONTENT_TYPE.table });
        return { type: REL_TYPE.table, target: `../tables/${path.split("/").pop()}` };
      });
      const ids = await addRels(zip, sheetRels, rels);
      const partsXml = `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
      xml = insertBefore(xml, partsXml, ["extLst"]);
    }
    zip.file(part.path, xml);
  }

  if (extras.definedNames.length > 0) {
    let workbook = (await readText(zip, "xl/workbook.xml")) ?? "";
    const names = extras.definedNames
      .map((n) => {
        const scope = n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : "";
        return `<definedName name="${xmlEscape(n.name)}"${scope}>${xmlEscape(n.formula)}</definedName>`;
      })
      .join("");
    workbook = workbook.includes("</definedNames>")
      ? workbook.replace("</definedNames>", `${names}</definedNames>`)
      : workbook.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
    zip.file("xl/workbook.xml", workbook);
  }

  if (usesDynamicArrays) {
    if (zip.file("xl/metadata.xml")) throw new Error("xlsx: the package already has xl/metadata.xml");
    zip.file("xl/metadata.xml", DYNAMIC_ARRAY_METADATA);
    overrides.push({ path: "xl/metadata.xml", type: CONTENT_TYPE.sheetMetadata });
    await addRels(zip, "xl/_rels/workbook.xml.rels", [{ type: REL_TYPE.sheetMetadata, target: "metadata.xml" }]);
  }

  if (overrides.length > 0) {
    const ct = (await readText(zip, "[Content_Types].xml")) ?? "";
    zip.file("[Content_Types].xml", addOverrides(ct, overrides));
  }

  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
