/**
 * What the Metrics tab runs, as data: a metric with its options and the
 * source columns, turned into (a) the arguments of the same core function the
 * OPS.* formula calls, (b) the live formula text, (c) the request-size
 * estimate of that formula, (d) the presented result sheet, (e) a saved
 * definition for Refresh. Pure: no host, no React.
 */
import type { Grid, OpsError } from "../../../core/errors";
import { isOpsError } from "../../../core/errors";
import { retention, type Period, type Mode } from "../../../core/metrics/retention";
import { funnel, type FunnelOrder } from "../../../core/metrics/funnel";
import { payrate, type PayrateMeasure } from "../../../core/metrics/payrate";
import { tier, type TierMethod } from "../../../core/metrics/tier";
import { renewal, type RenewalMeasure } from "../../../core/metrics/renewal";
import { CHUNK_TARGET_BYTES, jsonBytes } from "../../../core/payload/limits";
export { PAYLOAD_LIMIT_BYTES } from "../../../core/payload/limits";
import { metricSheet, metricTitle, presentMetric, provenanceNote, type MetricKind, type MetricResult } from "../../../core/presentation";
import { placeMetric, type PastTheGrid, type Place, type PlacedBlock } from "../../../core/presentation/place";
import { tIn, type Locale } from "../../../core/i18n";
import type { SheetSpec } from "../../../core/tablespec/types";
import { parseRange, rangeA1 } from "../../../core/tablespec/a1";
import { joinAddress, type ReadValue, type TableInfo } from "../../host/WorkbookHost";
import type { ColumnMapping, Role } from "./columnMapping";

export interface MetricOptions {
  period: Period;
  /** As typed: "", "8" or "1,2,4". */
  periods: string;
  mode: Mode;
  segments: boolean;
  steps: string[];
  windowDays: string;
  order: FunnelOrder;
  payEvent: string;
  payMeasure: PayrateMeasure;
  tierMethod: TierMethod;
  /** As typed: "" (defaults) or "0.5,0.8,0.95". */
  cutoffs: string;
  renewalMeasure: RenewalMeasure;
  /** RETENTION's start list (e.g. sign-ups): a table name ("" = none) and its user and date headers. */
  startTable: string;
  startUser: string;
  startDate: string;
}

/** The start list's columns as read (RETENTION start_ids, start_dates). */
export interface StartList {
  ids: ReadValue[];
  dates: ReadValue[];
}

export const DEFAULT_OPTIONS: MetricOptions = {
  period: "day",
  periods: "",
  mode: "classic",
  segments: false,
  steps: [],
  windowDays: "14",
  order: "ordered",
  payEvent: "",
  payMeasure: "rate",
  tierMethod: "pareto",
  cutoffs: "",
  renewalMeasure: "revenue",
  startTable: "",
  startUser: "",
  startDate: "",
};

/** A live formula is offered only below this estimate: well under Excel's 5,000,000-byte request limit. */
export const LIVE_SAFE_BYTES = CHUNK_TARGET_BYTES;

/** Roles each metric reads (required first), given its options. */
export function rolesFor(metric: MetricKind, options: MetricOptions): { required: Role[]; optional: Role[] } {
  switch (metric) {
    case "retention":
      return { required: options.segments ? ["user", "date", "segment"] : ["user", "date"], optional: [] };
    case "funnel":
      return { required: options.segments ? ["user", "event", "segment"] : ["user", "event"], optional: ["date"] };
    case "payrate":
      return { required: options.payEvent ? ["user", "event"] : ["user", "amount"], optional: options.payEvent ? ["amount"] : [] };
    case "tier":
      return { required: ["user", "amount"], optional: [] };
    case "renewal":
      return { required: ["user", "date", "amount"], optional: [] };
  }
}

/** The columns to read, in role order, with the role of each. */
export function columnsToRead(metric: MetricKind, options: MetricOptions, mapping: ColumnMapping): { roles: Role[]; columns: number[] } | { missing: Role[] } {
  const { required, optional } = rolesFor(metric, options);
  const missing = required.filter((r) => mapping[r] === null);
  if (missing.length > 0) return { missing };
  const roles = [...required, ...optional.filter((r) => mapping[r] !== null)];
  return { roles, columns: roles.map((r) => mapping[r]!) };
}

/** "8" → 8, "1,2,4" → [[1,2,4]], "" → null; anything else is passed as typed (the core explains). */
function periodsArg(text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  const parts = t.split(/[,，;\s]+/).filter((p) => p !== "");
  const nums = parts.map(Number);
  if (nums.some((n) => !Number.isFinite(n))) return t;
  return nums.length === 1 ? nums[0] : [nums];
}

const numberOrText = (text: string): unknown => (text.trim() === "" ? null : Number.isFinite(Number(text)) ? Number(text) : text);

/** Sums `amount` per user (TIER grades customers, an event table has many rows per customer). */
function totalsByUser(users: readonly ReadValue[], amounts: readonly ReadValue[]): { names: string[]; values: number[] } {
  const sums = new Map<string, number>();
  for (let i = 0; i < users.length; i++) {
    const u = String(users[i] ?? "").trim();
    if (u === "") continue;
    const a = amounts[i];
    sums.set(u, (sums.get(u) ?? 0) + (typeof a === "number" && Number.isFinite(a) ? a : 0));
  }
  return { names: [...sums.keys()], values: [...sums.values()] };
}

/** Runs the metric with the core function OPS.* uses, on columns read from the source (one array per role). */
export function computeMetric(metric: MetricKind, options: MetricOptions, data: Partial<Record<Role, ReadValue[]>>, start?: StartList, locale: Locale = "en"): MetricResult | OpsError {
  const col = (r: Role) => (data[r] ? [data[r]!] : null); // a row vector: the core reads it without copying rows
  switch (metric) {
    case "retention": {
      const g = retention(col("user"), col("date"), options.period, periodsArg(options.periods), options.mode, options.segments ? col("segment") : null, start ? [start.ids] : null, start ? [start.dates] : null);
      return isOpsError(g) ? g : { metric, grid: g, period: options.period };
    }
    case "funnel": {
      const g = funnel(
        options.steps.map((s) => [s]),
        col("user"),
        col("event"),
        col("date"),
        numberOrText(options.windowDays),
        options.order,
        options.segments ? col("segment") : null,
      );
      return isOpsError(g) ? g : { metric, grid: g };
    }
    case "payrate": {
      const users = data.user ?? [];
      const events = data.event;
      const amounts = data.amount;
      const payerRows: number[] = [];
      for (let i = 0; i < users.length; i++) {
        const paid = options.payEvent ? String(events?.[i] ?? "").trim() === options.payEvent : typeof amounts?.[i] === "number" && (amounts[i] as number) > 0;
        if (paid) payerRows.push(i);
      }
      const payers = [payerRows.map((i) => users[i]!)];
      const paidAmounts = amounts ? [payerRows.map((i) => amounts[i] ?? "")] : null;
      const v = payrate(payers, [users], paidAmounts, options.payMeasure);
      return isOpsError(v) ? v : { metric, grid: [[v]], measure: options.payMeasure };
    }
    case "tier": {
      const { names, values } = totalsByUser(data.user ?? [], data.amount ?? []);
      const cutoffs = periodsArg(options.cutoffs);
      const g = tier([values], options.tierMethod, cutoffs, null, null);
      if (isOpsError(g)) return g;
      const header = [tIn(locale, "mxHeaderCustomer"), tIn(locale, "mxHeaderValue"), tIn(locale, "mxHeaderTier")];
      const labels = g.length === 1 && values.length > 1 ? g[0]! : g.map((r) => r[0]!);
      return { metric, grid: [header, ...names.map((n, i) => [n, values[i]!, labels[i] ?? ""])] };
    }
    case "renewal": {
      const g = renewal(col("user"), col("date"), col("amount"), options.period === "day" ? "day" : options.period, periodsArg(options.periods), options.renewalMeasure);
      return isOpsError(g) ? g : { metric, grid: g, period: options.period };
    }
  }
}

// ---------------------------------------------------------------------------
// Live formula
// ---------------------------------------------------------------------------

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A column of the source as a formula reference: Table[Header], or an absolute range of the region. */
export function columnRef(source: TableInfo, column: number): string {
  if (source.name) {
    const header = source.headers[column] ?? "";
    return `${source.name}[${header.replace(/([[\]#'])/g, "'$1")}]`;
  }
  const r = parseRange(source.address);
  return joinAddress(source.sheet, rangeA1(r.row1 + 1, r.col1 + column, r.row2, r.col1 + column, true));
}

function arrayConstant(text: string): string | null {
  const v = periodsArg(text);
  if (v === null) return null;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `{${(v[0] as number[]).join(",")}}`;
  return quote(String(v));
}

/** The OPS.* formula the live output writes (English, comma-separated). */
export function liveFormula(metric: MetricKind, options: MetricOptions, source: TableInfo, mapping: ColumnMapping, start?: { source: TableInfo; user: number; date: number }): string {
  const ref = (r: Role) => (mapping[r] === null ? "" : columnRef(source, mapping[r]!));
  const args = (list: (string | null)[]) => {
    while (list.length > 0 && (list[list.length - 1] === null || list[list.length - 1] === "")) list.pop();
    return list.map((a) => a ?? "").join(", ");
  };
  switch (metric) {
    case "retention":
      return `=OPS.RETENTION(${args([
        ref("user"),
        ref("date"),
        quote(options.period),
        arrayConstant(options.periods),
        quote(options.mode),
        options.segments ? ref("segment") : null,
        start ? columnRef(start.source, start.user) : null,
        start ? columnRef(start.source, start.date) : null,
      ])})`;
    case "funnel":
      return `=OPS.FUNNEL(${args([`{${options.steps.map(quote).join(";")}}`, ref("user"), ref("event"), mapping.date === null ? null : ref("date"), options.windowDays.trim() || null, quote(options.order), options.segments ? ref("segment") : null])})`;
    case "payrate": {
      const paid = options.payEvent ? `${ref("event")}=${quote(options.payEvent)}` : `${ref("amount")}>0`;
      const amounts = mapping.amount === null ? null : `FILTER(${ref("amount")},${paid})`;
      return `=OPS.PAYRATE(${args([`FILTER(${ref("user")},${paid})`, ref("user"), amounts, quote(options.payMeasure)])})`;
    }
    case "tier":
      return `=OPS.TIER(${args([ref("amount"), quote(options.tierMethod), arrayConstant(options.cutoffs)])})`;
    case "renewal":
      return `=OPS.RENEWAL(${args([ref("user"), ref("date"), ref("amount"), quote(options.period), arrayConstant(options.periods), quote(options.renewalMeasure)])})`;
  }
}

export interface PayloadEstimate {
  /** Estimated JSON bytes of the ranges the formula sends to the custom function. */
  bytes: number;
  rows: number;
  safe: boolean;
}

/** What a live formula over these columns would send to the custom function, from the measured sample. */
export function estimatePayload(source: TableInfo, columns: readonly number[]): PayloadEstimate {
  // Excel passes each range argument as a column of one-cell rows: [[v],[v],…] per argument.
  const n = source.sample.length;
  let sampleBytes = 0;
  for (const c of columns) sampleBytes += jsonBytes(source.sample.map((row) => [row[c] ?? ""]));
  const bytes = n === 0 ? 0 : Math.round((sampleBytes / n) * source.rows);
  return { bytes, rows: source.rows, safe: bytes <= LIVE_SAFE_BYTES };
}

// ---------------------------------------------------------------------------
// Sheets and definitions
// ---------------------------------------------------------------------------

export const sourceLabel = (source: TableInfo): string => source.name || joinAddress(source.sheet, source.address);

/** The computed result as a sheet: title, where it came from, the presented grid and charts. */
export function computedSheet(result: MetricResult, name: string, locale: Locale, source: TableInfo, when: string): SheetSpec {
  return metricSheet(result, { locale, name, note: provenanceNote(locale, sourceLabel(source), source.rows, when) });
}

/**
 * The live-formula sheet: title, note, the formula at A4. With `shape` (the
 * result computed once from the same data), the spill area gets the same
 * presentation as a computed sheet: number formats, heat-map or data bars and
 * charts over the cells the formula spills into (formats only, no values).
 */
export function liveSheet(metric: MetricKind, formula: string, name: string, locale: Locale, noteText: string, shape?: MetricResult): SheetSpec {
  const p = shape ? presentMetric(shape, { locale, anchor: "A4", cells: "formatsOnly" }) : null;
  return {
    kind: `metric-${metric}-live`,
    name,
    blocks: [
      { anchor: "A1", rows: [[{ value: metricTitle(metric, locale), style: "title" }], [{ value: noteText, style: "note" }]] },
      ...(p ? p.blocks : []),
      { anchor: "A4", rows: [[{ formula }]] }, // after the formats: the formula cell wins
    ],
    columns: p ? p.columns : [{ index: 0, width: 14 }],
    ...(p && p.colorScales.length ? { colorScales: p.colorScales } : {}),
    ...(p && p.dataBars.length ? { dataBars: p.dataBars } : {}),
    ...(p && p.charts.length ? { charts: p.charts } : {}),
  };
}

/** A computed result written at a chosen place: where, and the cells and chart areas it covers (a refresh rewrites them). */
export interface SavedPlace extends Place {
  /** The cells the block wrote (cleared before a refresh rewrites the block). */
  cells: string[];
  /** The areas under its charts. */
  charts: string[];
}

/** The computed result as a block at a chosen place of an existing sheet (see core/presentation/place.ts). */
export function computedBlock(result: MetricResult, place: Place, locale: Locale, source: TableInfo, when: string, chartPrefix: string): PlacedBlock | PastTheGrid {
  return placeMetric(result, place, { locale, note: provenanceNote(locale, sourceLabel(source), source.rows, when), chartPrefix });
}

/** The live formula as a block at a chosen place: the formula at the grid's top-left, formats and charts over its spill area. */
export function liveBlock(metric: MetricKind, formula: string, place: Place, locale: Locale, noteText: string, shape: MetricResult, chartPrefix: string): PlacedBlock | PastTheGrid {
  return placeMetric(shape, place, { locale, title: metricTitle(metric, locale), note: noteText, formula, chartPrefix });
}

/** Names a block's charts: "OpsKit <id>" (Excel chart names; a refresh deletes the charts with this prefix). */
export const chartPrefixOf = (id: string): string => `OpsKit ${id}`;

/** A computed sheet's (or placed block's) definition, saved in the workbook for Refresh. */
export interface MetricDefinition {
  id: string;
  metric: MetricKind;
  options: MetricOptions;
  /** The source by name (a table) or address, and its columns by header. */
  source: { table: string; sheet: string; address: string };
  columns: Partial<Record<Role, string>>;
  /** The result sheet's name; for a block at a chosen place, the sheet it is on. */
  sheet: string;
  /** Set when the result was written at a chosen place of an existing sheet; absent = a sheet of its own. */
  place?: SavedPlace;
  computedAt: string;
  rows: number;
  locale: Locale;
}

/** How the pane names a definition's output: the sheet, or the place ("Report!B4"). */
export const outputLabel = (def: Pick<MetricDefinition, "sheet" | "place">): string => (def.place ? joinAddress(def.place.sheet, def.place.cell) : def.sheet);

/** Same output as another definition (one definition per result sheet or per place). */
export const sameOutput = (a: Pick<MetricDefinition, "sheet" | "place">, b: Pick<MetricDefinition, "sheet" | "place">): boolean =>
  outputLabel(a).toLowerCase() === outputLabel(b).toLowerCase() && !a.place === !b.place;

const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === "string");

/** A saved place as read back; undefined when absent or unreadable (the definition is then a result sheet's, as before places existed). */
function readPlace(x: unknown): SavedPlace | undefined {
  const p = x as Partial<SavedPlace> | null | undefined;
  if (!p || typeof p !== "object" || typeof p.sheet !== "string" || typeof p.cell !== "string" || !/^[A-Z]{1,3}\d+$/.test(p.cell)) return undefined;
  return { sheet: p.sheet, cell: p.cell, cells: strings(p.cells) ? p.cells : [], charts: strings(p.charts) ? p.charts : [] };
}

export const DEFINITIONS_FORMAT = "opskit.metrics";

export function serializeDefinitions(defs: readonly MetricDefinition[]): string {
  // Version 2 adds `place` (a result at a chosen place); a version-1 definition has none and means a result sheet.
  return JSON.stringify({ format: DEFINITIONS_FORMAT, version: 2, definitions: defs });
}

/** Reads saved definitions; never throws (unreadable text or entries are left out). */
export function parseDefinitions(text: string | null): MetricDefinition[] {
  if (!text) return [];
  try {
    const data = JSON.parse(text) as { format?: unknown; definitions?: unknown };
    if (data?.format !== DEFINITIONS_FORMAT || !Array.isArray(data.definitions)) return [];
    return data.definitions.filter(
      (d): d is MetricDefinition =>
        typeof d === "object" && d !== null && typeof (d as MetricDefinition).id === "string" && typeof (d as MetricDefinition).sheet === "string" && typeof (d as MetricDefinition).metric === "string" && typeof (d as MetricDefinition).source?.table === "string",
    ).map((d) => {
      const place = readPlace(d.place);
      const out: MetricDefinition = { ...d, options: { ...DEFAULT_OPTIONS, ...d.options } };
      if (place) out.place = place;
      else delete out.place;
      return out;
    });
  } catch {
    return [];
  }
}

/** Maps a definition's saved headers onto the source's current headers (a renamed column is missing). */
export function mappingFromDefinition(def: MetricDefinition, headers: readonly string[]): ColumnMapping {
  const find = (h: string | undefined) => (h === undefined ? null : (() => { const i = headers.findIndex((x) => x === h); return i < 0 ? null : i; })());
  return { user: find(def.columns.user), date: find(def.columns.date), event: find(def.columns.event), segment: find(def.columns.segment), amount: find(def.columns.amount) };
}

export type { Grid };
