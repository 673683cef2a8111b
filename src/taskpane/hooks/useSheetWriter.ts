/**
 * Writing sheets from the pane, the same way for the plan and for the
 * tiering sheet: find which desired names exist, ask replace / keep both
 * (never overwrite silently), resolve the final names BEFORE building (the
 * generators' cross-sheet formulas use them), write with per-sheet progress,
 * and refuse a second start while one is running (no double click).
 */
import { useCallback, useRef, useState } from "react";
import { resolveSheetNames, type OnExisting } from "../../core/tablespec/sheetNames";
import type { WorkbookSpec } from "../../core/tablespec/types";
import { useHost } from "../host/HostContext";
import { usePaneT } from "../i18n";
import { plainError } from "../errors";

export type SheetState = "waiting" | "writing" | "done";

export interface SheetWriterState {
  phase: "idle" | "asking" | "writing" | "done" | "error";
  /** Existing sheet names that the write would hit (while asking). */
  conflicts: string[];
  /** One entry per sheet of the spec, in order (while and after writing). */
  progress: { sheet: string; state: SheetState }[];
  /** Names of the sheets created by the last write. */
  created: string[];
  /** Plain-words error of the last attempt. */
  error: string | null;
}

export interface SheetJob<K extends string> {
  /** Desired sheet name per kind (the generators' default names). */
  desired: Record<K, string>;
  /** Builds the spec once the final names are known; may throw (e.g. PlanValidationError). */
  build: (names: Record<K, string>) => WorkbookSpec;
  /** Runs after a successful write (e.g. save the plan). */
  after?: (created: string[]) => Promise<void> | void;
}

const IDLE: SheetWriterState = { phase: "idle", conflicts: [], progress: [], created: [], error: null };

export function useSheetWriter() {
  const host = useHost();
  const { t } = usePaneT();
  const [state, setState] = useState<SheetWriterState>(IDLE);
  const busy = useRef(false);
  const answer = useRef<((choice: OnExisting | null) => void) | null>(null);

  const write = useCallback(
    async <K extends string>(job: SheetJob<K>): Promise<string[] | null> => {
      if (busy.current) return null;
      busy.current = true;
      setState({ ...IDLE, phase: "writing" });
      let stage: "write" | "generate" = "write";
      try {
        const existing = await host.listSheets();
        const taken = new Set(existing.map((n) => n.toLowerCase()));
        const conflicts = Object.values<string>(job.desired).filter((name) => taken.has(name.toLowerCase()));
        let onExisting: OnExisting = "keepBoth";
        if (conflicts.length > 0) {
          setState({ ...IDLE, phase: "asking", conflicts });
          const choice = await new Promise<OnExisting | null>((resolve) => (answer.current = resolve));
          answer.current = null;
          if (choice === null) {
            setState(IDLE);
            return null;
          }
          onExisting = choice;
        }
        const names = resolveSheetNames(job.desired, existing, onExisting);
        stage = "generate";
        const spec = job.build(names);
        stage = "write";
        const progress = spec.sheets.map((s) => ({ sheet: s.name, state: "waiting" as SheetState }));
        setState({ ...IDLE, phase: "writing", progress });
        const created = await host.writeSheets(spec, {
          onExisting,
          onProgress: ({ index, sheet, state: sheetState }) =>
            setState((old) => ({
              ...old,
              progress: old.progress.map((p, i) => (i === index ? { sheet, state: sheetState } : i < index ? { ...p, state: "done" } : p)),
            })),
        });
        setState((old) => ({ ...old, phase: "done", progress: old.progress.map((p, i) => ({ sheet: created[i] ?? p.sheet, state: "done" })), created }));
        await job.after?.(created);
        return created;
      } catch (e) {
        setState((old) => ({ ...old, phase: "error", error: plainError(t, stage, e) }));
        return null;
      } finally {
        busy.current = false;
      }
    },
    [host, t],
  );

  /** The user's answer to the overwrite prompt (null = cancel). */
  const choose = useCallback((choice: OnExisting | null) => answer.current?.(choice), []);
  const dismissError = useCallback(() => setState((old) => ({ ...old, phase: old.created.length > 0 ? "done" : "idle", error: null })), []);

  return { state, write, choose, dismissError, busy: state.phase === "writing" || state.phase === "asking" };
}
