import { useCallback, useEffect, useState } from "react";
import type { DependencyReport } from "../../../core/sharing/scan";
import { OPS_FORMULAS_SHEET } from "../../../core/sharing/formulasSheet";
import { useHost } from "../../host/HostContext";
import type { FrozenState } from "../../host/WorkbookHost";
import { usePaneT } from "../../i18n";
import { shortDetail } from "../../errors";
import type { ShareTabProps } from "./ShareTab.types";

export type ShareBusy = "scan" | "freeze" | "restore" | null;

/** Local date as YYYY-MM-DD. */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function useShareTab({ today }: ShareTabProps) {
  const host = useHost();
  const { t, locale } = usePaneT();
  const [report, setReport] = useState<DependencyReport | null>(null);
  const [busy, setBusy] = useState<ShareBusy>(null);
  const [error, setError] = useState<string | null>(null);
  const [frozen, setFrozen] = useState<FrozenState | null>(null);
  const [copySheets, setCopySheets] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const date = today ?? isoToday();

  const fail = (e: unknown) => {
    const detail = shortDetail(e);
    setError(detail ? `${t("shareError")} ${t("errorDetails", { message: detail })}` : t("shareError"));
  };

  const refreshFrozen = useCallback(async () => {
    try {
      setFrozen(await host.hasFrozenFormulas());
    } catch {
      setFrozen(null);
    }
  }, [host]);

  useEffect(() => {
    void refreshFrozen();
  }, [refreshFrozen]);

  const run = async (kind: Exclude<ShareBusy, null>, work: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const scan = () =>
    run("scan", async () => {
      setReport(await host.scanAddinDependencies(locale));
    });

  const freeze = () => {
    setConfirming(false);
    return run("freeze", async () => {
      const r = await host.freezeOpsValues({ frozenAt: date, copySheets, locale });
      const parts = [r.frozen === 0 ? t("shareFrozenNone") : t(r.frozen === 1 ? "shareFrozenDoneOne" : "shareFrozenDone", { count: r.frozen, date })];
      if (r.copies.length > 0) parts.push(t("shareFrozenCopies", { sheets: r.copies.join(", ") }));
      setResult(parts.join(" "));
      await refreshFrozen();
      if (report) setReport(await host.scanAddinDependencies(locale));
    });
  };

  const restore = () =>
    run("restore", async () => {
      const r = await host.restoreOpsFormulas();
      // An older freeze whose copies could not be told: nothing was changed, and the pane says why.
      if (r.undecided && r.undecided.length > 0) {
        setResult(t("shareRestoreUndecided", { sheets: r.undecided.join(", "), hidden: OPS_FORMULAS_SHEET }));
        await refreshFrozen();
        return;
      }
      // Restore undoes what Freeze did: formulas written back (in place), value copies deleted (in copies).
      const parts: string[] = [];
      if (r.restored > 0 || r.removedCopies.length === 0)
        parts.push(r.restored === 0 && r.missing === 0 ? t("shareRestoredNothing") : t(r.restored === 1 ? "shareRestoredOne" : "shareRestored", { count: r.restored }));
      if (r.removedCopies.length > 0) parts.push(t("shareRemovedCopies", { sheets: r.removedCopies.join(", ") }));
      if (r.missing > 0) parts.push(t(r.missing === 1 ? "shareRestoredMissingOne" : "shareRestoredMissing", { count: r.missing }));
      setResult(parts.join(" "));
      await refreshFrozen();
      if (report) setReport(await host.scanAddinDependencies(locale));
    });

  return {
    report,
    busy,
    error,
    dismissError: () => setError(null),
    frozen,
    copySheets,
    setCopySheets,
    confirming,
    askFreeze: () => setConfirming(true),
    cancelFreeze: () => setConfirming(false),
    date,
    result,
    scan,
    freeze,
    restore,
  };
}
