/**
 * A mock Excel.RequestContext built with office-addin-mock. Collections keep
 * their `items` unreadable until loaded and synced (office-addin-mock returns
 * "Error, property was not loaded" otherwise), so the writer's load/sync
 * discipline is exercised. Every object the writer reaches (ranges, tables,
 * conditional formats, validations, charts, page layout) is an
 * OfficeMockObject recording what was set; methods append to `log` in call
 * order and `syncs` counts context.sync calls.
 *
 * Excel's request limits are enforced at each sync, the way Excel on the web
 * does (src/core/payload/limits.ts): the JSON of every values / formulas /
 * numberFormat array queued since the last sync is measured and a batch over
 * 5,000,000 bytes fails with RequestPayloadSizeLimitExceeded; a range read
 * (load "values" on a sheet created with `values`) of more than 5,000,000
 * cells fails with RangeExceedsLimit and a response over 5,000,000 bytes with
 * ResponsePayloadSizeLimitExceeded. `requestBytes` / `responseBytes` keep the
 * measured size of each sync.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseRange } from "../../src/core/tablespec/a1";
import { PAYLOAD_LIMIT_BYTES, checkReadCells, jsonBytes, ExcelLimitError } from "../../src/core/payload/limits";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

export interface MockRange {
  address: string;
  mock: OfficeMockObject;
}

export interface MockChart {
  type: string;
  source: string;
  mock: OfficeMockObject;
  series: { name?: string; mock: OfficeMockObject; calls: string[] }[];
  position?: [string, string];
  axes: { type: string; group: string; mock: OfficeMockObject }[];
}

export interface MockSheet {
  name: string;
  mock: OfficeMockObject;
  ranges: MockRange[];
  conditionalFormats: { address: string; type: string; mock: OfficeMockObject }[];
  tables: { address: string; hasHeaders: boolean; mock: OfficeMockObject }[];
  charts: MockChart[];
  names: { name: string; ref: string }[];
  merges: string[];
  freeze: string[];
  printCalls: string[];
  deleted: boolean;
}

export interface MockExcel {
  context: Excel.RequestContext;
  syncs: () => number;
  /** Sync count at the moment each "sheet written" event happened (filled by tests through onProgress). */
  log: string[];
  sheets: MockSheet[];
  sheet(name: string): MockSheet;
  workbookNames: { name: string; ref: string }[];
  /** Ranges written on a sheet, by address. */
  range(sheet: string, address: string): Obj;
  /** Measured request bytes of each sync (values, formulas and number formats queued since the previous one). */
  requestBytes: number[];
  /** Measured response bytes of each sync (range values read). */
  responseBytes: number[];
}

interface ExistingSheet {
  name: string;
  visibility?: "Visible" | "Hidden";
  tables?: string[];
  /** Cell values from A1, readable with getRange(address).load("values"). */
  values?: unknown[][];
  /** Names of charts already on the sheet (charts.load("items/name")). */
  charts?: string[];
  /** Current width in points of every column (getRange("C:C").load("format/columnWidth")); default 48. */
  columnWidth?: number;
}

export interface MockExcelOptions {
  /** Request / response limit in bytes (default Excel's 5,000,000). */
  payloadLimit?: number;
}

export function createMockExcel(
  existing: (string | ExistingSheet)[] = ["Sheet1"],
  existingNames: string[] = [],
  options: MockExcelOptions = {},
): MockExcel {
  const limit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
  const requestBytes: number[] = [];
  const responseBytes: number[] = [];
  /** Arrays already measured (or given as existing data), so each is counted once. */
  const counted = new WeakSet<object>();
  const pendingReads: { mock: OfficeMockObject; rows: number; cols: number }[] = [];
  const data = new Map<string, unknown[][]>();
  let syncCount = 0;
  const log: string[] = [];
  const sheets: MockSheet[] = [];
  const workbookNames: { name: string; ref: string }[] = existingNames.map((n) => ({ name: n, ref: "=#REF!" }));

  // The arrays behind `items`: mutated in place so later loads see the current state.
  const sheetItems: { name: string; position: number; visibility: string }[] = [];
  const tableItems: { name: string; worksheet: { name: string } }[] = [];
  const nameItems: { name: string }[] = workbookNames.map((n) => ({ name: n.name }));

  const renumber = (): void => sheetItems.forEach((s, i) => (s.position = i));

  const addressOf = new Map<OfficeMockObject, string>();
  const existingCharts = new Map<string, string[]>();
  /** Mocks outside the context's tree with a load queued (ranges, a sheet's charts): synced with the next context.sync. */
  const pendingLoads = new Set<OfficeMockObject>();
  const widths = new Map<string, number>();

  // One mock per address and sheet, so everything queued on "D4:D13" is seen together.
  function makeRange(sheet: MockSheet, address: string): OfficeMockObject {
    const known = sheet.ranges.find((r) => r.address === address);
    if (known) return known.mock;
    const source = data.get(sheet.name);
    let slice: unknown[][] | undefined;
    let size = { rows: 0, cols: 0 };
    if (source && /^[A-Z]+\d+:[A-Z]+\d+$/.test(address)) {
      const r = parseRange(address);
      size = { rows: r.row2 - r.row1 + 1, cols: r.col2 - r.col1 + 1 };
      // Like Excel, a read of too many cells fails before anything is copied.
      slice = size.rows * size.cols > 5_000_000 ? [] : source.slice(r.row1, r.row2 + 1).map((line) => {
        const out: unknown[] = [];
        for (let c = r.col1; c <= r.col2; c++) out.push(line[c] ?? "");
        return out;
      });
      counted.add(slice);
    }
    const range: OfficeMockObject = new OfficeMockObject({
      address,
      ...(slice ? { values: slice } : {}),
      load(this: OfficeMockObject, props?: unknown) {
        if (slice && typeof props === "string" && props.split(",").includes("values")) pendingReads.push({ mock: range, rows: size.rows, cols: size.cols });
        else pendingLoads.add(range);
        OfficeMockObject.prototype.load.call(this, props as string);
        return this;
      },
      clear: (applyTo?: string) => log.push(`clear ${sheet.name}!${address} ${applyTo ?? "All"}`),
      format: {
        columnWidth: widths.get(sheet.name) ?? 48,
        fill: {},
        font: {},
        borders: {
          getItem: (side: string) => new OfficeMockObject({ side }),
        },
      },
      dataValidation: {},
      conditionalFormats: {
        clearAll: () => log.push(`clear rules ${sheet.name}!${address}`),
        add: (type: string) => {
          const cf = new OfficeMockObject({
            type,
            custom: { rule: {}, format: { fill: {}, font: {} } },
            cellValue: { format: { fill: {}, font: {} } },
            colorScale: {},
            dataBar: { positiveFormat: {} },
          });
          sheet.conditionalFormats.push({ address, type, mock: cf });
          return cf;
        },
      },
      merge: (across: boolean) => {
        sheet.merges.push(`${address}${across ? " across" : ""}`);
      },
    });
    sheet.ranges.push({ address, mock: range });
    addressOf.set(range, address);
    return range;
  }

  function makeChart(sheet: MockSheet, type: string, source: OfficeMockObject): OfficeMockObject {
    const rec: MockChart = { type, source: addressOf.get(source) ?? "?", mock: undefined as never, series: [], axes: [] };
    const makeSeries = (name?: string): OfficeMockObject => {
      const calls: string[] = [];
      const s = new OfficeMockObject({
        format: { fill: { setSolidColor: (c: string) => calls.push(`fill ${c}`) }, line: {} },
        setValues: (r: OfficeMockObject) => calls.push(`values ${addressOf.get(r)}`),
        setXAxisValues: (r: OfficeMockObject) => calls.push(`categories ${addressOf.get(r)}`),
      });
      rec.series.push({ name, mock: s, calls });
      return s;
    };
    makeSeries(); // the series Excel creates from the source range
    const chart = new OfficeMockObject({
      title: {},
      legend: {},
      setPosition: (a: string, b: string) => (rec.position = [a, b]),
      series: {
        getItemAt: (i: number) => rec.series[i]!.mock,
        add: (name: string) => makeSeries(name),
      },
      axes: {
        getItem: (t: string, g: string) => {
          const known = rec.axes.find((a) => a.type === t && a.group === g);
          if (known) return known.mock;
          const axis = new OfficeMockObject({ type: t, title: {} });
          rec.axes.push({ type: t, group: g, mock: axis });
          return axis;
        },
      },
    });
    rec.mock = chart;
    sheet.charts.push(rec);
    return chart;
  }

  // Collections: loading "items/…" loads `items` (office-addin-mock only knows flat properties).
  const collectionLoad = function (this: OfficeMockObject, _props?: unknown) {
    OfficeMockObject.prototype.load.call(this, "items");
    return this;
  };

  function makeSheet(name: string): MockSheet {
    const sheet = {
      name,
      ranges: [],
      conditionalFormats: [],
      tables: [],
      charts: [],
      names: [],
      merges: [],
      freeze: [],
      printCalls: [],
      deleted: false,
    } as unknown as MockSheet;
    sheet.mock = new OfficeMockObject({
      name,
      getRange: (address: string) => makeRange(sheet, address),
      delete: () => {
        log.push(`delete ${sheet.name}`);
        sheet.deleted = true;
        const i = sheetItems.findIndex((s) => s.name === sheet.name);
        if (i >= 0) sheetItems.splice(i, 1);
        renumber();
      },
      activate: () => log.push(`activate ${sheet.name}`),
      freezePanes: {
        freezeAt: (r: string) => sheet.freeze.push(`at ${r}`),
        freezeRows: (n: number) => sheet.freeze.push(`rows ${n}`),
        freezeColumns: (n: number) => sheet.freeze.push(`columns ${n}`),
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          const t = new OfficeMockObject({ address });
          sheet.tables.push({ address, hasHeaders, mock: t });
          return t;
        },
      },
      charts: {
        items: (existingCharts.get(name) ?? []).map((chartName) => ({ name: chartName, delete: () => log.push(`delete chart ${chartName}`) })),
        load(this: OfficeMockObject, props?: unknown) {
          collectionLoad.call(this, props);
          pendingLoads.add(sheet.mock);
          return this;
        },
        add: (type: string, source: OfficeMockObject) => makeChart(sheet, type, source),
      },
      names: {
        add: (n: string, ref: string) => {
          sheet.names.push({ name: n, ref });
          log.push(`sheet name ${sheet.name}!${n}`);
        },
      },
      pageLayout: {
        headersFooters: { defaultForAllPages: {} },
        setPrintTitleRows: (r: string) => sheet.printCalls.push(`titles ${r}`),
        setPrintArea: (r: string) => sheet.printCalls.push(`area ${r}`),
      },
    });
    return sheet;
  }

  for (const e of existing) {
    const ex: ExistingSheet = typeof e === "string" ? { name: e } : e;
    if (ex.values) data.set(ex.name, ex.values);
    if (ex.charts) existingCharts.set(ex.name, ex.charts);
    if (ex.columnWidth !== undefined) widths.set(ex.name, ex.columnWidth);
    const sheet = makeSheet(ex.name);
    sheets.push(sheet);
    sheetItems.push({ name: ex.name, position: sheetItems.length, visibility: ex.visibility ?? "Visible" });
    for (const t of ex.tables ?? []) tableItems.push({ name: t, worksheet: { name: ex.name } });
  }

  const findLive = (name: string): MockSheet => {
    const s = sheets.find((x) => !x.deleted && x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
    return s;
  };


  const tree = {
    context: {
      workbook: {
        worksheets: {
          items: sheetItems,
          load: collectionLoad,
          add: (name: string) => {
            if (sheets.some((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase())) {
              throw new Error(`ItemAlreadyExists: worksheet ${name}`);
            }
            log.push(`add ${name}`);
            const sheet = makeSheet(name);
            sheets.push(sheet);
            sheetItems.push({ name, position: sheetItems.length, visibility: "Visible" });
            return sheet.mock;
          },
          getItem: (name: string) => findLive(name).mock,
        },
        names: {
          items: nameItems,
          load: collectionLoad,
          add: (name: string, ref: string) => {
            if (workbookNames.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
              throw new Error(`ItemAlreadyExists: name ${name}`);
            }
            workbookNames.push({ name, ref });
            nameItems.push({ name });
            log.push(`name ${name}`);
          },
          getItem: (name: string) => ({
            delete: () => {
              const i = workbookNames.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
              if (i < 0) throw new Error(`ItemNotFound: name ${name}`);
              workbookNames.splice(i, 1);
              nameItems.splice(i, 1);
              log.push(`delete name ${name}`);
            },
          }),
        },
        tables: {
          items: tableItems,
          load: collectionLoad,
        },
      },
      sync: async function (this: OfficeMockObject) {
        syncCount++;
        log.push(`sync ${syncCount}`);
        // The request: every array queued on a range since the last sync.
        let bytes = 0;
        for (const sheet of sheets) {
          for (const r of sheet.ranges) {
            const m = r.mock as unknown as Obj;
            for (const prop of ["values", "formulas", "numberFormat"]) {
              let v: unknown;
              try {
                v = m[prop];
              } catch {
                continue;
              }
              if (Array.isArray(v) && !counted.has(v)) {
                counted.add(v);
                bytes += jsonBytes(v);
              }
            }
          }
        }
        requestBytes.push(bytes);
        const reads = pendingReads.splice(0);
        if (bytes > limit) throw new ExcelLimitError("RequestPayloadSizeLimitExceeded", bytes);
        // The response: the values read.
        let out = 0;
        for (const read of reads) checkReadCells(read.rows, read.cols);
        for (const read of reads) {
          await read.mock.sync();
          out += jsonBytes((read.mock as unknown as Obj).values);
        }
        for (const mock of [...pendingLoads]) await mock.sync();
        pendingLoads.clear();
        responseBytes.push(out);
        if (out > limit) throw new ExcelLimitError("ResponsePayloadSizeLimitExceeded", out);
        await OfficeMockObject.prototype.sync.call(this);
      },
    },
  };

  const root = new OfficeMockObject(tree);
  return {
    context: root.context as unknown as Excel.RequestContext,
    syncs: () => syncCount,
    log,
    sheets,
    sheet: (name) => {
      const s = sheets.find((x) => !x.deleted && x.name === name);
      if (!s) throw new Error(`no live sheet ${name}; have ${sheets.map((x) => x.name).join(", ")}`);
      return s;
    },
    workbookNames,
    requestBytes,
    responseBytes,
    range: (sheet, address) => {
      const s = sheets.find((x) => !x.deleted && x.name === sheet);
      const r = s?.ranges.find((x) => x.address === address);
      if (!r) throw new Error(`no range ${address} on ${sheet}`);
      return r.mock as unknown as Obj;
    },
  };
}
