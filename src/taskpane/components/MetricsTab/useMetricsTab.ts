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
import { tIn } from "../../../core/i18n";
import { useHost } from "../../host/HostContext";
import type { ReadProgress, ReadValue, TableInfo } from "../../host/WorkbookHost";
import { useSheetWriter } from "../../hooks/useSheetWriter";
import { plainError } from "../../errors";
import { usePaneT } from "../../i18n";
import { emptyMapping, mapColumns, ROLES, type ColumnMapping, type Role } from "./columnMapping";
import {
  DEFAULT_OPTIONS,
  LIVE_SAFE_BYTES,
  columnsToRead,
  computeMetric,
  computedSheet,
  estimatePayload,
  liveFormula,
  liveSheet,
  mappingFromDefinition,
  parseDefinitions,
  serializeDefinitions,
  sourceLabel,
  type MetricDefinition,
  type MetricOptions,
  type StartList,
} from "./metricJob";
import { useMetricsT } from "./metricsT";
import type { MetricsTabProps } from "./MetricsTab.types";

export type Output = "live" | "computed";

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
  const busy = writer.busy || phase.kind === "reading" || phase.kind === "computing";
  const canRun = source !== null && missing.length === 0 && !startIncomplete && !busy && (output === "computed" || liveAllowed) && (metric !== "funnel" || options.steps.length > 0);

  const saveDefinition = async (def: MetricDefinition) => {
    const next = [...definitions.filter((d) => d.sheet.toLowerCase() !== def.sheet.toLowerCase()), def];
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

  /** Reads, computes and writes one computed sheet; resolves to the sheet written (null when cancelled or refused). */
  const compute = async (src: TableInfo, m: MetricKind, opts: MetricOptions, map: ColumnMapping, desiredName: string, list: readonly TableInfo[]): Promise<string | null> => {
    const result = await readAndCompute(src, m, opts, map, list);
    if (!result) return null;
    const when = stamp(new Date());
    const created = await writer.write({
      desired: { metric: desiredName },
      build: (names) => ({ sheets: [computedSheet(result, names.metric, sheetLocale, src, when)] }),
      after: async (sheets) => {
        const sheet = sheets[0]!;
        const columns: Partial<Record<Role, string>> = {};
        for (const r of ROLES) if (map[r] !== null) columns[r] = src.headers[map[r]!]!;
        await saveDefinition({ id: `${sheet}-${Date.now()}`, metric: m, options: opts, source: { table: src.name, sheet: src.sheet, address: src.address }, columns, sheet, computedAt: when, rows: src.rows, locale: sheetLocale });
        setStale((old) => new Set([...old].filter((n) => n !== src.name.toLowerCase())));
      },
    });
    return created?.[0] ?? null;
  };

  const run = async () => {
    if (!source || !canRun) return;
    if (output === "computed") {
      await compute(source, metric, options, mapping, metricTitle(metric, sheetLocale), tables);
      return;
    }
    const formula = liveFormula(metric, options, source, mapping, start ?? undefined);
    const title = `${metricTitle(metric, sheetLocale)} (live)`;
    const note = tIn(sheetLocale, "mxLiveFrom", { source: sourceLabel(source), rows: source.rows });
    // The data is small (the estimate is safe): compute once so the spill area gets its formats and charts.
    const shape = await readAndCompute(source, metric, options, mapping, tables);
    if (!shape) return;
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
    await compute(src, def.metric, def.options, map, def.sheet, list);
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
