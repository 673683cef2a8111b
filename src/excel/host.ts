/**
 * The one place that opens Excel.run for writing sheets. Everything else in
 * src/excel takes a RequestContext from its caller.
 */
import type { SheetSpec, WorkbookSpec } from "../core/tablespec/types";
import { planSheetNames, writeBlock, writeSheets, type OnExisting, type WriteBlockOptions, type WriteOptions, type WriteResult } from "./writeWorkbook";
import type { Locale } from "../core/i18n";
import type { DependencyReport } from "../core/sharing/scan";
import {
  freezeWorkbook,
  restoreWorkbook,
  scanWorkbook,
  type FreezeInExcelOptions,
  type FreezeInExcelResult,
  type RestoreInExcelResult,
} from "./sharing";

/**
 * The Excel API set the writer needs (page layout, conditional-format
 * stopIfTrue, data validation, chart series axis groups).
 */
export const WRITER_REQUIREMENT = { set: "ExcelApi", version: "1.9" } as const;

/** False on hosts too old for the writer (check before offering "Write sheets"). */
export function canWriteSheets(): boolean {
  return Office.context.requirements.isSetSupported(WRITER_REQUIREMENT.set, WRITER_REQUIREMENT.version);
}

/** Writes a spec whose sheet names are already final (see planSheetNames). */
export function runWriteSheets(spec: WorkbookSpec, options: WriteOptions): Promise<WriteResult> {
  return Excel.run((context) => writeSheets(context, spec, options));
}

/** Writes a block into an existing sheet (a metric result at a chosen place); see writeBlock. */
export function runWriteBlock(spec: SheetSpec, options: WriteBlockOptions): Promise<void> {
  return Excel.run((context) => writeBlock(context, spec, options));
}

/** Resolves the final sheet names against the open workbook (one sync). */
export function runPlanSheetNames<K extends string>(
  desired: Readonly<Record<K, string>>,
  onExisting: OnExisting,
): Promise<Record<K, string>> {
  return Excel.run((context) => planSheetNames(context, desired, onExisting));
}

/**
 * Plan names, build the spec with them, write it — all in one Excel.run
 * (1 sync to plan, then writeSheets' own budget).
 */
export function runPlanAndWrite<K extends string>(
  desired: Readonly<Record<K, string>>,
  build: (names: Record<K, string>) => WorkbookSpec,
  options: WriteOptions,
): Promise<WriteResult> {
  return Excel.run(async (context) => {
    const names = await planSheetNames(context, desired, options.onExisting);
    return writeSheets(context, build(names), options);
  });
}

/** Lists what depends on the add-in, for the pane's "Prepare for sharing" (3 syncs). */
export function runScanAddinDependencies(locale: Locale): Promise<DependencyReport> {
  return Excel.run((context) => scanWorkbook(context, locale));
}

/** Freezes OPS.* results to values; the original formulas go to the hidden sheet (4 syncs). */
export function runFreezeOpsFormulas(options: FreezeInExcelOptions): Promise<FreezeInExcelResult> {
  return Excel.run((context) => freezeWorkbook(context, options));
}

/** One-click restore of the frozen OPS.* formulas (2 syncs). */
export function runRestoreOpsFormulas(): Promise<RestoreInExcelResult> {
  return Excel.run((context) => restoreWorkbook(context));
}
