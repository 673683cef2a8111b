/**
 * WorkbookHost for Excel: the ONLY file of the task pane that calls Office.js.
 * Sheet writing is delegated to src/excel (runWriteSheets → writeSheets).
 *
 * The plan is kept in a custom XML part of the workbook
 *   <plan xmlns="urn:opskit:plan">{JSON, XML-escaped}</plan>
 * which travels with the file (ExcelApi 1.5). Where custom XML parts are not
 * available, it falls back to the document settings (Office.context.document.settings).
 */
import type { SheetSpec, WorkbookSpec } from "../../core/tablespec/types";
import type { Locale } from "../../core/i18n";
import {
  splitAddress,
  type FreezeOpsOptions,
  type FrozenState,
  type ReadValue,
  type SelectedRange,
  type WorkbookHost,
  type WriteSheetsOptions,
  type TableInfo,
  type CellsCheck,
  type WriteBlockOptions,
} from "./WorkbookHost";

const SAMPLE_ROWS = 200;

/** Loads a source's header, row count and sample from a range (header row first); one sync. */
async function describeRange(context: Excel.RequestContext, range: Excel.Range, name: string, sheet: string): Promise<TableInfo> {
  range.load("address,rowCount,columnCount");
  await context.sync();
  const head = range.getRow(0);
  const sample = range.getOffsetRange(1, 0).getResizedRange(Math.min(SAMPLE_ROWS, range.rowCount - 1) - range.rowCount, 0);
  head.load("values");
  if (range.rowCount > 1) sample.load("values");
  await context.sync();
  return {
    name,
    sheet,
    address: splitAddress(range.address).range,
    headers: (head.values[0] ?? []).map((v) => String(v ?? "")),
    rows: range.rowCount - 1,
    sample: range.rowCount > 1 ? cleanValues(sample.values) : [],
  };
}

export const PLAN_NAMESPACE = "urn:opskit:plan";
export const PLAN_SETTING = "opskit.plan";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The saved metric definitions (Metrics tab, Refresh), in their own custom XML part. */
export const METRICS_NAMESPACE = "urn:opskit:metrics";
export const METRICS_SETTING = "opskit.metrics";

function partXml(root: string, ns: string, text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${ns}">${escapeXml(text)}</${root}>`;
}

function textFromXml(xml: string, root: string, ns: string): string | null {
  try {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const el = doc.documentElement;
    if (!el || el.localName !== root || el.namespaceURI !== ns) return null;
    return el.textContent ?? "";
  } catch {
    return null;
  }
}

/** The text inside <plan>, or null when the XML is not ours. */
export function planFromXml(xml: string): string | null {
  return textFromXml(xml, "plan", PLAN_NAMESPACE);
}

/** Reads our custom XML part (root element `root` in namespace `ns`), else the document setting. */
async function loadPart(root: string, ns: string, setting: string): Promise<string | null> {
  if (customXmlSupported()) {
    const fromXml = await Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(ns);
      // Only the ids: the part's XML is fetched with getXml below, no other property is read.
      parts.load("items/id");
      await context.sync();
      // parts was loaded with "items/id" and synced above; the lint rule does not follow a path load.
      // eslint-disable-next-line office-addins/load-object-before-read
      const part = parts.items[0];
      if (!part) return null;
      const xml = part.getXml();
      await context.sync();
      // getXml returns a ClientResult: its value is there after sync, there is nothing to load.
      // eslint-disable-next-line office-addins/load-object-before-read
      return textFromXml(xml.value, root, ns);
    });
    if (fromXml !== null) return fromXml;
  }
  const value: unknown = Office.context.document.settings.get(setting);
  return typeof value === "string" ? value : null;
}

/** Saves our custom XML part: the new part first, then the old ones go (a failed add keeps what was saved). */
async function savePart(root: string, ns: string, setting: string, text: string): Promise<void> {
  if (customXmlSupported()) {
    await Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(ns);
      parts.load("items/id");
      await context.sync();
      const added = context.workbook.customXmlParts.add(partXml(root, ns, text));
      added.load("id");
      await context.sync();
      // parts was loaded with "items/id" and synced above; the lint rule does not follow a path load.
      // eslint-disable-next-line office-addins/load-object-before-read
      for (const part of parts.items) if (part.id !== added.id) part.delete();
      await context.sync();
    });
    return;
  }
  Office.context.document.settings.set(setting, text);
  await settingsSave();
}

function customXmlSupported(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.5");
}

function settingsSave(): Promise<void> {
  return new Promise((resolve, reject) =>
    Office.context.document.settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? "settings.saveAsync failed")),
    ),
  );
}

/** Cell values as read from Excel; errors and nulls become "". */
function cleanValues(values: unknown[][]): ReadValue[][] {
  return values.map((row) => row.map((v) => (typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : "")));
}

export const officeHost: WorkbookHost = {
  kind: "office",

  listSheets() {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  },

  async writeSheets(spec: WorkbookSpec, options: WriteSheetsOptions) {
    const total = spec.sheets.length;
    if (total > 0) options.onProgress?.({ sheet: spec.sheets[0]!.name, index: 0, total, state: "writing" });
    // The sheet writer is a separate chunk, fetched the first time sheets are written.
    const { runWriteSheets } = await import(/* webpackChunkName: "excel-writer" */ "../../excel/host");
    const result = await runWriteSheets(spec, {
      onExisting: options.onExisting,
      onProgress: (sheet, done) => {
        // src/excel reports after each sheet (done = 1..total); the next one starts then.
        options.onProgress?.({ sheet, index: done - 1, total, state: "done" });
        const next = spec.sheets[done];
        if (next) options.onProgress?.({ sheet: next.name, index: done, total, state: "writing" });
      },
    });
    return result.written.map((w) => w.actual);
  },

  inspectCells(sheetName: string, ranges: readonly string[]): Promise<CellsCheck> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return { sheet: null, used: [] };
      // Only the used part of each range comes back (values only): a small response whatever the block's size.
      const used = ranges.map((r) => {
        const u = sheet.getRange(r).getUsedRangeOrNullObject(true);
        u.load("address");
        return u;
      });
      await context.sync();
      return { sheet: sheet.name, used: used.map((u) => (u.isNullObject ? "" : splitAddress(u.address).range)) };
    });
  },

  async writeBlock(spec: SheetSpec, options: WriteBlockOptions = {}) {
    const { runWriteBlock } = await import(/* webpackChunkName: "excel-writer" */ "../../excel/host");
    await runWriteBlock(spec, options);
  },

  activateSheet(name: string) {
    return Excel.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  },

  activeSheetName() {
    return Excel.run(async (context) => {
      // Only the name, in one sync.
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
  },

  loadPlan() {
    return loadPart("plan", PLAN_NAMESPACE, PLAN_SETTING);
  },

  savePlan(text: string) {
    // The new custom XML part is written before the old one is removed.
    return savePart("plan", PLAN_NAMESPACE, PLAN_SETTING, text);
  },

  loadMetricDefinitions() {
    return loadPart("metrics", METRICS_NAMESPACE, METRICS_SETTING);
  },

  saveMetricDefinitions(text: string) {
    return savePart("metrics", METRICS_NAMESPACE, METRICS_SETTING, text);
  },

  getSelectedRange(): Promise<SelectedRange> {
    return Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address,values");
      await context.sync();
      return { address: range.address, values: cleanValues(range.values) };
    });
  },

  readRange(address: string) {
    return Excel.run(async (context) => {
      const { sheet, range } = splitAddress(address);
      const target = sheet === "" ? context.workbook.worksheets.getActiveWorksheet().getRange(range) : context.workbook.worksheets.getItem(sheet).getRange(range);
      target.load("values");
      await context.sync();
      return cleanValues(target.values);
    });
  },

  async scanAddinDependencies(locale: Locale) {
    const { runScanAddinDependencies } = await import(/* webpackChunkName: "excel-writer" */ "../../excel/host");
    return runScanAddinDependencies(locale);
  },

  async freezeOpsValues(options: FreezeOpsOptions) {
    const { runFreezeOpsFormulas } = await import(/* webpackChunkName: "excel-writer" */ "../../excel/host");
    const result = await runFreezeOpsFormulas({ frozenAt: options.frozenAt, copySheets: options.copySheets, locale: options.locale });
    return { frozen: result.frozen.length, copies: result.copies.map((c) => c.to) };
  },

  async restoreOpsFormulas() {
    const { runRestoreOpsFormulas } = await import(/* webpackChunkName: "excel-writer" */ "../../excel/host");
    const result = await runRestoreOpsFormulas();
    return {
      restored: result.restored.length,
      missing: result.missing.length,
      removedCopies: result.removedCopies,
      ...(result.undecided ? { undecided: result.undecided } : {}),
    };
  },

  listTables() {
    return Excel.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      await context.sync();
      const out: TableInfo[] = [];
      for (const t of tables.items) {
        // One table at a time: its header, size and sample (2 syncs each).
        out.push(await describeRange(context, t.getRange(), t.name, t.worksheet.name));
      }
      return out;
    });
  },

  selectedRegion() {
    return Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      const tables = selected.getTables(false);
      tables.load("items/name,items/worksheet/name");
      // A navigation property, not a loaded value (the lint rule reads it as one).
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const sheet = selected.worksheet;
      sheet.load("name");
      await context.sync();
      // tables was loaded with "items/name,items/worksheet/name" and synced above; the lint rule
      // does not follow a path load.
      // eslint-disable-next-line office-addins/load-object-before-read
      const table = tables.items[0];
      if (table) return describeRange(context, table.getRange(), table.name, table.worksheet.name);
      const region = selected.getCell(0, 0).getSurroundingRegion();
      region.load("rowCount");
      await context.sync();
      if (region.rowCount < 1) return null;
      return describeRange(context, region, "", sheet.name);
    });
  },

  async readColumns(source, columns, options) {
    // One Excel.run (one sync) per chunk: each request stays under the payload limit.
    // The chunking code is fetched with the Metrics tab's first read (the pane's start-up stays small).
    const { readSourceColumns } = await import(/* webpackChunkName: "read-columns" */ "./readColumns");
    return readSourceColumns(source, columns, (address) => officeHost.readRange(address), options);
  },

  onTableChanged(table, listener) {
    return Excel.run(async (context) => {
      const item = context.workbook.tables.getItem(table);
      const handler = item.onChanged.add(async () => listener());
      await context.sync();
      return () => {
        void Excel.run(handler.context, async (ctx) => {
          handler.remove();
          await ctx.sync();
        });
      };
    });
  },

  async hasFrozenFormulas(): Promise<FrozenState | null> {
    const { OPS_FORMULAS_SHEET, frozenSummary, readFormulaRecords } = await import(/* webpackChunkName: "excel-writer" */ "../../core/sharing/formulasSheet");
    const read = await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      // The names, in the same sync: an older freeze's copies are recognised by them.
      sheets.load("items/name");
      const sheet = sheets.getItemOrNullObject(OPS_FORMULAS_SHEET);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("values");
      await context.sync();
      if (sheet.isNullObject) return null;
      // The records are read from A1: the used range of the sheet OpsKit wrote starts there.
      const names = sheets.items.map((s) => s.name);
      return { values: used.isNullObject ? [] : (used.values as unknown[][]), names };
    });
    if (read === null) return null;
    const { records, legacy } = readFormulaRecords(read.values);
    return frozenSummary(records, legacy ? { sheetNames: read.names } : undefined);
  },
};
