/**
 * State and logic of the Metrics tab. Talks to the workbook only through
 * WorkbookHost: lists tables, reads the chosen columns in chunks (progress,
 * Cancel), computes with the core functions, writes through the shared sheet
 * writer (overwrite prompt included), saves each computed sheet's definition
 * and marks it stale when its source table changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isOpsError } from "../../../core/errors";
import { isAbortError } from "../../../core/payload/chunks";
import { metricTitle, type MetricKind } from "../../../core/presentation";
import { columnName, isPastTheGrid, overlaps, parsePlace, rectAddress, rectMinus, rectOf, type PastTheGrid, type Place, type PlacedBlock, type Rect } from "../../../core/presentation/place";
import { tIn } from "../../../core/i18n";
import { useHost } from "../../host/HostContext";
import { joinAddress, type ReadProgress, type ReadValue, type TableInfo } from "../../host/WorkbookHost";
import { useSheetWriter } from "../../hooks/useSheetWriter";
import { plainError } from "../../errors";
import { usePaneT } from "../../i18n";
import { emptyMapping, mapColumns, ROLES, type ColumnMapping, type Role } from "./columnMapping";
import {
  DEFAULT_OPTIONS,
  LIVE_SAFE_BYTES,
  chartPrefixOf,
  columnsToRead,
  computeMetric,
  computedBlock,
  computedSheet,
  liveBlock,
  sameOutput,
  estimatePayload,
  liveFormula,
  liveSheet,
  mappingFromDefinition,
  parseDefinitions,
  serializeDefinitions,
  sourceLabel,
  type MetricDefinition,
  type MetricOptions,
  type SavedPlace,
  type StartList,
} from "./metricJob";
import { useMetricsT } from "./metricsT";
import type { MetricsTabProps } from "./MetricsTab.types";

export type Output = "live" | "computed";
/** Where the result goes: a sheet of its own (default), or a chosen place of an existing sheet. */
export type Target = "newSheet" | "place";

/** Where a computed result is written (Refresh passes the saved place and definition id). */
type Destination = { kind: "sheet"; desired: string } | { kind: "place"; place: Place; previous?: SavedPlace; id?: string };

/** Any sheet name: checks that the typed text is a cell when it names no sheet (the active sheet is asked for at Compute). */
const ANY_SHEET = "Sheet1";

/** A new id for a definition or a placed block's charts (short: it is part of Excel chart names). */
const newId = (): string => `m${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** The parts of `rects` outside an earlier block of ours (its cells and chart areas): what must be checked for user content. */
export function freshAreas(rects: readonly Rect[], previous?: SavedPlace): Rect[] {
  const ours = previous ? [...previous.cells, ...previous.charts].map(rectOf) : [];
  return rects.flatMap((r) => ours.reduce<Rect[]>((left, o) => left.flatMap((piece) => rectMinus(piece, o)), [r]));
}

export type RunPhase =
  | { kind: "idle" }
  | { kind: "reading"; progress: ReadProgress }
  | { kind: "computing" }
  | { kind: "cancelled" }
  | { kind: "error"; title: string; message: string };

/** "2026-12-03 14:05" in local time. */
export function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** "3.4 MB" (decimal megabytes, as Microsoft states the 5 MB limit). */
export function formatBytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1_000_000);
}

/** Distinct event names of the sample, in first-seen order (at most 40). */
export function eventNames(source: TableInfo | null, column: number | null): string[] {
  if (!source || column === null) return [];
  const seen = new Set<string>();
  for (const row of source.sample) {
    const v = String(row[column] ?? "").trim();
    if (v !== "") seen.add(v);
    if (seen.size >= 40) break;
  }
  return [...seen];
}

export function useMetricsTab(props: MetricsTabProps) {
  const host = useHost();
  const { t } = usePaneT();
  const { mt, locale } = useMetricsT();
  const writer = useSheetWriter();
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [source, setSource] = useState<TableInfo | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>(emptyMapping());
  const [ambiguous, setAmbiguous] = useState<Partial<Record<Role, number[]>>>({});
  const [metric, setMetric] = useState<MetricKind>("retention");
  const [options, setOptions] = useState<MetricOptions>(DEFAULT_OPTIONS);
  const [output, setOutput] = useState<Output>("computed");
  const [target, setTarget] = useState<Target>("newSheet");
  const [placeText, setPlaceText] = useState("");
  const [placing, setPlacing] = useState(false);
  const [placedAt, setPlacedAt] = useState<string | null>(null);
  const [placeAsk, setPlaceAsk] = useState<{ place: string; body: string } | null>(null);
  const placeAnswer = useRef<((replace: boolean) => void) | null>(null);
  const [phase, setPhase] = useState<RunPhase>({ kind: "idle" });
  const [definitions, setDefinitions] = useState<MetricDefinition[]>([]);
  const [stale, setStale] = useState<ReadonlySet<string>>(new Set());
  const [loadError, setLoadError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const sheetLocale = props.sheetLocale ?? locale;

  const choose = useCallback((info: TableInfo | null) => {
    setSource(info);
    const report = mapColumns(info?.headers ?? []);
    setMapping(report.mapping);
    setAmbiguous(report.ambiguous);
    setOptions((o) => ({ ...o, steps: [] }));
  }, []);

  const loadTables = useCallback(async () => {
    try {
      const list = await host.listTables();
      setTables(list);
      setLoadError(null);
      return list;
    } catch (e) {
      setLoadError(plainError(t, "read", e));
      return [];
    }
  }, [host, t]);

  useEffect(() => {
    void loadTables().then((list) => {
      if (list.length === 1) choose(list[0]!);
    });
    void host.loadMetricDefinitions().then((text) => setDefinitions(parseDefinitions(text)), () => undefined);
  }, [host, loadTables, choose]);

  // Stale marks: one onChanged subscription per source table of a computed sheet.
  const watched = useMemo(() => [...new Set(definitions.map((d) => d.source.table).filter((n) => n !== ""))].sort().join("\n"), [definitions]);
  useEffect(() => {
    const names = watched === "" ? [] : watched.split("\n");
    const offs: (() => void)[] = [];
    let live = true;
    for (const name of names) {
      host.onTableChanged(name, () => setStale((old) => new Set([...old, name.toLowerCase()]))).then(
        (off) => (live ? offs.push(off) : off()),
        () => undefined,
      );
    }
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [host, watched]);

  const pickTable = (name: string) => choose(tables.find((x) => x.name === name) ?? null);
  const useSelection = async () => {
    try {
      const region = await host.selectedRegion();
      choose(region);
    } catch (e) {
      setLoadError(plainError(t, "read", e));
    }
  };

  const setRole = (role: Role, column: number | null) => {
    setMapping((m) => ({ ...m, [role]: column }));
    setAmbiguous((a) => {
      const next = { ...a };
      delete next[role];
      return next;
    });
  };
  const setOption = <K extends keyof MetricOptions>(key: K, value: MetricOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const chooseMetric = (m: MetricKind) => {
    setMetric(m);
    if (m === "renewal" || m === "retention") setOptions((o) => ({ ...o, period: m === "renewal" && o.period === "day" ? "month" : o.period }));
  };
  const addStep = (name: string) => name && setOptions((o) => ({ ...o, steps: [...o.steps, name] }));
  const moveStep = (i: number, by: -1 | 1) =>
    setOptions((o) => {
      const steps = [...o.steps];
      const j = i + by;
      if (j < 0 || j >= steps.length) return o;
      [steps[i], steps[j]] = [steps[j]!, steps[i]!];
      return { ...o, steps };
    });
  const removeStep = (i: number) => setOptions((o) => ({ ...o, steps: o.steps.filter((_, k) => k !== i) }));

  /** RETENTION's start list: the table and the positions of its user and date columns (null when not used or incomplete). */
  const startOf = (list: readonly TableInfo[], m: MetricKind, opts: MetricOptions) => {
    if (m !== "retention" || opts.startTable === "") return null;
    const table = list.find((x) => x.name === opts.startTable);
    if (!table) return null;
    const user = table.headers.indexOf(opts.startUser);
    const date = table.headers.indexOf(opts.startDate);
    return user < 0 || date < 0 ? null : { source: table, user, date };
  };
  const start = startOf(tables, metric, options);
  const startIncomplete = metric === "retention" && options.startTable !== "" && start === null;
  const startTable = tables.find((x) => x.name === options.startTable) ?? null;
  const pickStartTable = (name: string) => {
    const table = tables.find((x) => x.name === name);
    const found = table ? mapColumns(table.headers).mapping : null;
    setOptions((o) => ({
      ...o,
      startTable: table ? name : "",
      startUser: table && found?.user != null ? table.headers[found.user]! : "",
      startDate: table && found?.date != null ? table.headers[found.date]! : "",
    }));
  };

  const plan = source ? columnsToRead(metric, options, mapping) : null;
  const missing = plan && "missing" in plan ? plan.missing : [];
  const mainEstimate = source && plan && "columns" in plan ? estimatePayload(source, plan.columns) : null;
  const startBytes = start ? estimatePayload(start.source, [start.user, start.date]).bytes : 0;
  const estimate = mainEstimate ? { ...mainEstimate, bytes: mainEstimate.bytes + startBytes, safe: mainEstimate.bytes + startBytes <= LIVE_SAFE_BYTES } : null;
  const liveAllowed = estimate !== null && estimate.safe;
  // Validated at each keystroke without asking the workbook: a cell typed without its sheet ("B4") is
  // valid, and its sheet (the active one) is asked for at Compute (placeAtCompute).
  const placeValid = target === "newSheet" || parsePlace(placeText, ANY_SHEET) !== null;
  const busy = writer.busy || placing || phase.kind === "reading" || phase.kind === "computing";
  const canRun = source !== null && missing.length === 0 && !startIncomplete && !busy && placeValid && (output === "computed" || liveAllowed) && (metric !== "funnel" || options.steps.length > 0);

  /** Asks before cells holding data are replaced (the overwrite prompt, Replace / Cancel). */
  const askPlace = (place: string, body: string) =>
    new Promise<boolean>((resolve) => {
      placeAnswer.current = resolve;
      setPlaceAsk({ place, body });
    });
  const answerPlace = (replace: boolean) => {
    const resolve = placeAnswer.current;
    placeAnswer.current = null;
    setPlaceAsk(null);
    resolve?.(replace);
  };

  /**
   * Writes a laid-out block at its place: refuses one past Excel's grid or
   * over a table, checks the cells it writes, the live formula's spill area
   * and the areas under its charts for values (outside an earlier block of
   * ours being rewritten), asks before replacing any, then writes. Resolves
   * to the sheet's name as the workbook spells it, null when refused or cancelled.
   */
  const writeAtPlace = async (place: Place, layout: PlacedBlock | PastTheGrid, chartPrefix: string, previous?: SavedPlace): Promise<string | null> => {
    const label = joinAddress(place.sheet, place.cell);
    const refuse = (message: string) => {
      setPhase({ kind: "error", title: mt("placeError"), message });
      return null;
    };
    if (isPastTheGrid(layout)) return refuse(mt("placePastGrid", { place: label, row: new Intl.NumberFormat(locale).format(layout.lastRow), column: columnName(layout.lastColumn) }));
    const written = [...layout.cells, ...(layout.spill ? [layout.spill] : [])].map(rectOf);
    const table = tables.find((x) => x.sheet.toLowerCase() === place.sheet.toLowerCase() && written.some((r) => overlaps(r, rectOf(x.address))));
    if (table) return refuse(mt("placeOverTable", { place: label, table: table.name }));
    const spill = layout.spill ? rectAddress(rectOf(layout.spill)) : null;
    const areas = [
      ...(spill ? [{ range: spill, kind: "spill" as const }] : []),
      ...layout.cells.map((range) => ({ range: rectAddress(rectOf(range)), kind: "cells" as const })).filter((a) => a.range !== spill),
      ...layout.charts.map((range) => ({ range: rectAddress(rectOf(range)), kind: "charts" as const })),
    ].flatMap((a) => freshAreas([rectOf(a.range)], previous).map((r) => ({ range: rectAddress(r), kind: a.kind })));
    setPlacing(true);
    try {
      const check = await host.inspectCells(place.sheet, areas.map((a) => a.range));
      if (check.sheet === null) return refuse(mt("placeNoSheet", { sheet: place.sheet }));
      const used = areas.map((a, i) => ({ ...a, used: check.used[i] ?? "" })).filter((a) => a.used !== "");
      if (used.length > 0) {
        const spilled = used.filter((a) => a.kind === "spill").map((a) => a.used);
        const body = [mt("placeOccupiedBody", { place: label, ranges: used.map((a) => a.used).join(", ") }), ...(spilled.length ? [mt("placeOccupiedSpill", { ranges: spilled.join(", ") })] : [])].join(" ");
        if (!(await askPlace(label, body))) return null;
      }
      // Cells under the charts keep their content (the chart covers them); written cells and the spill area are emptied.
      const overwrite = used.filter((a) => a.kind !== "charts").map((a) => a.used);
      await host.writeBlock({ ...layout.spec, name: check.sheet }, { ...(previous ? { clear: previous.cells } : {}), overwrite, chartPrefix });
      setPlacedAt(joinAddress(check.sheet, place.cell));
      return check.sheet;
    } catch (e) {
      return refuse(plainError(t, "write", e));
    } finally {
      setPlacing(false);
    }
  };

  const saveDefinition = async (def: MetricDefinition) => {
    const next = [...definitions.filter((d) => !sameOutput(d, def)), def];
    setDefinitions(next);
    await host.saveMetricDefinitions(serializeDefinitions(next));
  };

  /** Reads the columns in chunks (progress, Cancel) and computes; null when cancelled or failed (the phase says why). */
  const readAndCompute = async (src: TableInfo, m: MetricKind, opts: MetricOptions, map: ColumnMapping, list: readonly TableInfo[]) => {
    const wanted = columnsToRead(m, opts, map);
    if ("missing" in wanted) return null;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: "reading", progress: { done: 0, total: src.rows, requests: 0 } });
    let data: Partial<Record<Role, ReadValue[]>>;
    let startList: StartList | undefined;
    try {
      const read = await host.readColumns(src, wanted.columns, { signal: controller.signal, onProgress: (progress) => setPhase({ kind: "reading", progress }) });
      data = Object.fromEntries(wanted.roles.map((r, i) => [r, read.columns[i]!]));
      const startAt = startOf(list, m, opts);
      if (startAt) {
        setPhase({ kind: "reading", progress: { done: 0, total: startAt.source.rows, requests: 0 } });
        const s = await host.readColumns(startAt.source, [startAt.user, startAt.date], { signal: controller.signal, onProgress: (progress) => setPhase({ kind: "reading", progress }) });
        startList = { ids: s.columns[0]!, dates: s.columns[1]! };
      }
    } catch (e) {
      setPhase(isAbortError(e) ? { kind: "cancelled" } : { kind: "error", title: t("errorTitle"), message: plainError(t, "read", e) });
      return null;
    } finally {
      abort.current = null;
    }
    setPhase({ kind: "computing" });
    await new Promise((r) => setTimeout(r, 0)); // let the pane show "Computing…"
    const result = computeMetric(m, opts, data, startList, sheetLocale);
    if (isOpsError(result)) {
      setPhase({ kind: "error", title: mt("metricError"), message: `${result.code} ${result.message}` });
      return null;
    }
    setPhase({ kind: "idle" });
    return result;
  };

  /** Reads, computes and writes one computed result (a sheet, or a block at a place); resolves to the sheet written (null when cancelled or refused). */
  const compute = async (src: TableInfo, m: MetricKind, opts: MetricOptions, map: ColumnMapping, to: Destination, list: readonly TableInfo[]): Promise<string | null> => {
    setPlacedAt(null);
    const result = await readAndCompute(src, m, opts, map, list);
    if (!result) return null;
    const when = stamp(new Date());
    const columns: Partial<Record<Role, string>> = {};
    for (const r of ROLES) if (map[r] !== null) columns[r] = src.headers[map[r]!]!;
    const define = async (sheet: string, id: string, place?: SavedPlace) => {
      await saveDefinition({ id, metric: m, options: opts, source: { table: src.name, sheet: src.sheet, address: src.address }, columns, sheet, ...(place ? { place } : {}), computedAt: when, rows: src.rows, locale: sheetLocale });
      setStale((old) => new Set([...old].filter((n) => n !== src.name.toLowerCase())));
    };
    if (to.kind === "place") {
      const id = to.id ?? newId();
      const layout = computedBlock(result, to.place, sheetLocale, src, when, chartPrefixOf(id));
      const sheet = await writeAtPlace(to.place, layout, chartPrefixOf(id), to.previous);
      if (sheet === null || isPastTheGrid(layout)) return null;
      await define(sheet, id, { sheet, cell: to.place.cell, cells: layout.cells, charts: layout.charts });
      return sheet;
    }
    const created = await writer.write({
      desired: { metric: to.desired },
      build: (names) => ({ sheets: [computedSheet(result, names.metric, sheetLocale, src, when)] }),
      after: async (sheets) => define(sheets[0]!, `${sheets[0]!}-${Date.now()}`),
    });
    return created?.[0] ?? null;
  };

  /**
   * The typed place with its sheet: a cell typed without one ("B4") is that
   * cell of the sheet the user is on now, as in Excel's Name Box (asked once,
   * here, so a later Refresh writes to the same sheet whichever is active
   * then). Null when the workbook cannot say (the phase shows the read error).
   */
  const placeAtCompute = async (): Promise<Place | null> => {
    const typed = parsePlace(placeText);
    if (typed) return typed;
    setPlacedAt(null);
    setPlacing(true);
    try {
      const active = await host.activeSheetName();
      const place = parsePlace(placeText, active);
      if (!place) throw new Error(`No active sheet for ${placeText.trim()}`);
      return place;
    } catch (e) {
      setPhase({ kind: "error", title: t("errorTitle"), message: plainError(t, "read", e) });
      return null;
    } finally {
      setPlacing(false);
    }
  };

  const run = async () => {
    if (!source || !canRun) return;
    let to: Destination = { kind: "sheet", desired: metricTitle(metric, sheetLocale) };
    if (target === "place") {
      const place = await placeAtCompute();
      if (!place) return;
      to = { kind: "place", place };
    }
    if (output === "computed") {
      await compute(source, metric, options, mapping, to, tables);
      return;
    }
    setPlacedAt(null);
    const formula = liveFormula(metric, options, source, mapping, start ?? undefined);
    const title = `${metricTitle(metric, sheetLocale)} (live)`;
    const note = tIn(sheetLocale, "mxLiveFrom", { source: sourceLabel(source), rows: source.rows });
    // The data is small (the estimate is safe): compute once so the spill area gets its formats and charts.
    const shape = await readAndCompute(source, metric, options, mapping, tables);
    if (!shape) return;
    if (to.kind === "place") {
      const prefix = chartPrefixOf(newId());
      await writeAtPlace(to.place, liveBlock(metric, formula, to.place, sheetLocale, note, shape, prefix), prefix);
      return;
    }
    await writer.write({ desired: { metric: title }, build: (names) => ({ sheets: [liveSheet(metric, formula, names.metric, sheetLocale, note, shape)] }) });
  };

  const cancel = () => abort.current?.abort();

  const [refreshError, setRefreshError] = useState<string | null>(null);
  const refresh = async (def: MetricDefinition) => {
    setRefreshError(null);
    const list = await loadTables();
    const src = def.source.table ? list.find((x) => x.name.toLowerCase() === def.source.table.toLowerCase()) : undefined;
    if (!src) {
      setRefreshError(mt("refreshFailed", { sheet: def.sheet, reason: mt("sourceGone", { source: def.source.table || def.source.address }) }));
      return;
    }
    const map = mappingFromDefinition(def, src.headers);
    const wanted = columnsToRead(def.metric, def.options, map);
    if ("missing" in wanted) {
      setRefreshError(mt("refreshFailed", { sheet: def.sheet, reason: mt("mappingMissing", { roles: wanted.missing.map((r) => mt(`role_${r}`)).join(", ") }) }));
      return;
    }
    await compute(src, def.metric, def.options, map, def.place ? { kind: "place", place: def.place, previous: def.place, id: def.id } : { kind: "sheet", desired: def.sheet }, list);
  };

  return {
    mt,
    locale,
    tables,
    loadTables,
    loadError,
    source,
    pickTable,
    useSelection,
    mapping,
    ambiguous,
    setRole,
    missing,
    metric,
    chooseMetric,
    options,
    setOption,
    events: eventNames(source, mapping.event),
    startTable,
    pickStartTable,
    startIncomplete,
    addStep,
    moveStep,
    removeStep,
    output,
    setOutput,
    target,
    setTarget,
    placeText,
    setPlaceText,
    placeValid,
    placeAsk,
    answerPlace,
    placedAt,
    estimate,
    liveAllowed,
    safeBytes: LIVE_SAFE_BYTES,
    canRun,
    busy,
    run,
    cancel,
    phase,
    writer,
    definitions,
    stale,
    refresh,
    refreshError,
    open: (sheet: string) => host.activateSheet(sheet).catch(() => undefined),
  };
}
