import { useEffect, useMemo, useState } from "react";
import { defaultSheetNames } from "../../../core/generators/context";
import { generateTiering } from "../../../core/generators/tiering";
import { isRangeAddress } from "../../../core/plan/indicatorFormulas";
import type { TierMethod } from "../../../core/metrics/tier";
import { PREVIEW_LABELS, START_CUTOFFS, previewTiers } from "../../../core/metrics/tierPreview";
import { useHost } from "../../host/HostContext";
import type { ReadValue } from "../../host/WorkbookHost";
import { useSheetWriter } from "../../hooks/useSheetWriter";
import { usePaneT } from "../../i18n";
import { plainError } from "../../errors";
import type { TieringTabProps } from "./TieringTab.types";

export function useTieringTab({ sheetLocale }: TieringTabProps) {
  const host = useHost();
  const { t, locale } = usePaneT();
  const writer = useSheetWriter();
  const [namesAddress, setNamesAddress] = useState("");
  const [valuesAddress, setValuesAddress] = useState("");
  const [names, setNames] = useState<ReadValue[][] | null>(null);
  const [values, setValues] = useState<ReadValue[][] | null>(null);
  const [method, setMethodState] = useState<TierMethod>("pareto");
  const [cutoffs, setCutoffs] = useState<(number | undefined)[]>([...START_CUTOFFS.pareto]);
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
    setCutoffs([...START_CUTOFFS[m]]);
  };

  // Every method is written (the sheet's Tier column has a native formula for each).
  const canWrite = preview.kind === "counts" && !writer.busy;
  const writeSheet = async () => {
    if (preview.kind !== "counts") return;
    const lang = sheetLocale ?? locale;
    const all = defaultSheetNames(lang);
    await writer.write({
      desired: { tiering: all.tiering },
      build: (final) => ({
        sheets: [generateTiering(preview.customers, { method, cutoffs: cutoffs as number[], labels: [...PREVIEW_LABELS] }, { locale: lang, sheetNames: { ...all, ...final } })],
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
  };
}
