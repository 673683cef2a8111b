/**
 * The demo workbook prepared for sharing (`npm run demo` writes it to
 * demo/OpsKit-sample-shared.xlsx): the sample workbook with an Overview sheet
 * in front, every OPS.* formula frozen to its value (computed in TypeScript
 * by the same core functions the add-in runs; the originals kept in the
 * hidden "OpsKit formulas" sheet) and print settings on every sheet. It opens
 * without the add-in with no #NAME? anywhere. Pure.
 */
import type { WorkbookSpec } from "../tablespec/types";
import { samplePlan } from "../plan/fromTemplate";
import { buildDemoWorkbook, demoData, type DemoData } from "../generators/demo";
import { expectedTiering } from "../generators/tiering";
import { freezeOpsFormulas } from "./freeze";
import { generateOverview, overviewNoteRange } from "./overview";
import { withPrintSettings } from "./print";

/** A fixed freeze date, so the demo file is the same on every run (after the sample activity's 90 days). */
export const SHARED_DEMO_FROZEN_AT = "2026-06-01";

export function buildSharedDemoWorkbook(data: DemoData = demoData(), frozenAt: string = SHARED_DEMO_FROZEN_AT): WorkbookSpec {
  const { ctx, customers } = data;
  const live = buildDemoWorkbook(data);
  const { workbook, skipped } = freezeOpsFormulas(live, {
    frozenAt,
    locale: ctx.locale,
    noteCell: { sheet: ctx.sheetNames.overview, address: overviewNoteRange(frozenAt, ctx.locale) },
  });
  if (skipped.length > 0) {
    // The demo's formulas are all plain OPS calls over constant data: anything left live is a bug here.
    throw new Error(`shared demo: OPS formulas left live: ${skipped.map((s) => `${s.sheet}!${s.address} (${s.reason})`).join("; ")}`);
  }
  const overview = generateOverview(samplePlan(ctx.locale), ctx, {
    tierSummary: expectedTiering(customers, {}).summary,
    frozenAt,
  });
  return withPrintSettings({ ...workbook, sheets: [overview, ...workbook.sheets] }, { locale: ctx.locale, asOf: frozenAt });
}
