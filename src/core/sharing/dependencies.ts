/**
 * What still depends on the add-in, in a WorkbookSpec: scanAddinDependencies.
 * The rules (OPS cells, one level of dependants, guarded links, what text
 * scanning cannot see) are scan.ts's; this adds the spill sizes of the OPS
 * cells, computed by evaluating them on the spec's own data (opsEvaluator).
 * In the open workbook the pane uses scan.ts with Excel's spill ranges instead.
 */
import type { WorkbookSpec } from "../tablespec/types";
import { specFormulaCells } from "./cells";
import { opsEvaluator } from "./evaluateOps";
import { scanFormulaCells, type DependencyReport, type ScanOptions } from "./scan";

export * from "./scan";

/**
 * Scans a WorkbookSpec. Spill extents come from `options.spill`, else from
 * evaluating the OPS formulas on the spec's own data (opsEvaluator); a formula
 * that cannot be evaluated counts as its anchor cell alone.
 */
export function scanAddinDependencies(spec: WorkbookSpec, options: ScanOptions = {}): DependencyReport {
  let spill = options.spill;
  if (!spill) {
    const evaluate = opsEvaluator(spec, { locale: options.locale ?? "en" });
    spill = (cell) => {
      const result = evaluate(cell.sheet, cell.formula);
      if (result.kind !== "value") return undefined;
      return { rows: result.grid.length, cols: Math.max(1, ...result.grid.map((r) => r.length)) };
    };
  }
  return scanFormulaCells(specFormulaCells(spec), { ...options, spill });
}
