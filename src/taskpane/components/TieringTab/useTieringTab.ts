import { useEffect, useMemo, useState } from "react";
import { defaultSheetNames } from "../../../core/generators/context";
import { generateTiering, type TieringCustomer } from "../../../core/generators/tiering";
import { isOpsError } from "../../../core/errors";
import { isRangeAddress } from "../../../core/plan/indicatorFormulas";
import { DEFAULT_CUTOFFS, DEFAULT_LABELS, tier, type TierMethod } from "../../../core/metrics/tier";
import { useHost } from "../../host/HostContext";
import type { ReadValue } from "../../host/WorkbookHost";
import { useSheetWriter } from "../../hooks/useSheetWriter";
import { usePaneT } from "../../i18n";
import { plainError } from "../../errors";
import type { TieringTabProps } from "./TieringTab.types";

export const LABELS: readonly string[] = DEFAULT_LABELS;
/** Starting cutoffs per method (thresholds: revenue at least 100k / 30k / 5k). */
export const START_CUTOFFS: Record<TierMethod, number[]> = {
  pareto: [...DEFAULT_CUTOFFS.pareto],
  rank: [...DEFAULT_CUTOFFS.rank],
  threshold: [100000, 30000, 5000],
};

export interface TierCount {
  label: string;
  count: number;
  value: number;
  share: number;
}

export type Preview =
  | { kind: "empty" }
  | { kind: "problem"; message: string }
  | { kind: "counts"; counts: TierCount[]; customers: TieringCustomer[] };

const column = (values: ReadValue[][] | null): ReadValue[] => (values ?? []).map((row) => row[0] ?? "");
const isBlank = (v: ReadValue) => v === "" || v === null || v === undefined;

/** Tier counts for the preview, computed with OPS.TIER's own code (src/core/metrics/tier.ts). */
export function previewTiers(
  names: ReadValue[][] | null,
  values: ReadValue[][] | null,
  method: TierMethod,
  cutoffs: (number | undefined)[],
  defaultName: (n: number) => string,
): Preview | { kind: "mismatch"; names: number; values: number } | { kind: "noNumbers" } | { kind: "badCutoffs"; detail: string } {
  const valueColumn = column(values);
  if (valueColumn.length === 0) return { kind: "empty" };
  const nameColumn = names ? column(names) : null;
  if (nameColumn && nameColumn.length !== valueColumn.length) return { kind: "mismatch", names: nameColumn.length, values: valueColumn.length };
  if (!valueColumn.some((v) => typeof v === "number" && Number.isFinite(v))) return { kind: "noNumbers" };
  if (cutoffs.some((c) => c === undefined || !Number.isFinite(c))) return { kind: "badCutoffs", detail: "" };

  // Text cells (a header row) are left out of the tiering, blanks too.
  const rows: { name: string; value: number }[] = [];
  valueColumn.forEach((v, i) => {
    const name = nameColumn ? String(nameColumn[i] ?? "").trim() : "";
    if (typeof v === "number" && Number.isFinite(v)) rows.push({ name: name || defaultName(i + 1), value: v });
  });
  const result = tier(
    rows.map((r) => [r.value]),
    method,
    [cutoffs as number[]],
    [LABELS as string[]],
  );
  if (isOpsError(result)) return { kind: "badCutoffs", detail: result.message };
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  const counts: TierCount[] = LABELS.map((label) => ({ label, count: 0, value: 0, share: 0 }));
  result.forEach((line, i) => {
    const idx = LABELS.indexOf(String(line[0]));
    const c = counts[idx];
    if (c) {
      c.count++;
      c.value += rows[i]!.value;
    }
  });
  for (const c of counts) c.share = total !== 0 ? c.value / total : 0;
  return { kind: "counts", counts, customers: rows.map((r) => ({ name: r.name, value: r.value })) };
}

export function useTieringTab({ sheetLocale }: TieringTabProps) {
  const host = useHost();
  const { t, locale } = usePaneT();
  const writer = useSheetWriter();
  const [namesAddress, setNamesAddress] = useState("");
  const [valuesAddress, setValuesAddress] = useState("");
  const [names, setNames] = useState<ReadValue[][] | null>(null);
  const [values, setValues] = useState<ReadValue[][] | null>(null);
  const [method, setMethodState] = useState<TierMethod>("pareto");
  const [cutoffs, setCutoffs] = useState<(number | undefined)[]>(START_CUTOFFS.pareto);
  const [readError, setReadError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  // A typed address is read from the workbook; one taken from the selection comes with its values.
  // A new range (from the selection, typed or cleared) replaces what the last read said went wrong.
  const loadRange = (address: string, given: ReadValue[][] | undefined, set: (v: ReadValue[][] | null) => void) => {
    setReadError(null);
    if (given) return set(given);
    if (!isRangeAddress(address)) return set(null);
    host.readRange(address).then(
      (v) => {
        set(v);
        setReadError(null);
      },
      (e) => {
        set(null);
        setReadError(plainError(t, "read", e));
      },
    );
  };

  const preview = useMemo(
    () => previewTiers(namesAddress.trim() === "" ? null : names, values, method, cutoffs, (n) => t("customerN", { n })),
    [names, values, method, cutoffs, namesAddress, t],
  );

  useEffect(() => {
    setOpenError(null);
    // A sheet was written from the ranges now shown: an older read error no longer applies.
    if (writer.state.created.length > 0) setReadError(null);
  }, [writer.state.created]);

  const setMethod = (m: TierMethod) => {
    setMethodState(m);
    setCutoffs(START_CUTOFFS[m]);
  };

  const canWrite = preview.kind === "counts" && method === "pareto" && !writer.busy;
  const writeSheet = async () => {
    if (preview.kind !== "counts" || method !== "pareto") return;
    const lang = sheetLocale ?? locale;
    const all = defaultSheetNames(lang);
    await writer.write({
      desired: { tiering: all.tiering },
      build: (final) => ({
        sheets: [generateTiering(preview.customers, { cutoffs: cutoffs as number[], labels: [...LABELS] }, { locale: lang, sheetNames: { ...all, ...final } })],
      }),
    });
  };

  const open = async (sheet: string) => {
    try {
      await host.activateSheet(sheet);
    } catch (e) {
      setOpenError(plainError(t, "activate", e));
    }
  };

  return {
    namesAddress,
    valuesAddress,
    setNamesRange: (address: string, given?: ReadValue[][]) => {
      setNamesAddress(address);
      loadRange(address, given, setNames);
    },
    setValuesRange: (address: string, given?: ReadValue[][]) => {
      setValuesAddress(address);
      loadRange(address, given, setValues);
    },
    method,
    setMethod,
    cutoffs,
    setCutoff: (i: number, v: number | undefined) => setCutoffs((old) => old.map((c, j) => (j === i ? v : c))),
    preview,
    readError,
    canWrite,
    writeSheet,
    writer,
    open,
    openError,
    isBlank,
  };
}
