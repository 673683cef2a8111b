/**
 * The demo workbook prepared for sharing (`npm run demo` writes it to
 * demo/OpsKit-sample-shared.xlsx): the sample workbook with an Overview sheet
 * in front, every OPS.* formula frozen to its value (computed in TypeScript
 * by the same core functions the add-in runs; the originals kept in the
 * hidden "OpsKit formulas" sheet) and print settings on every sheet. It opens
 * without the add-in with no #NAME? anywhere. The data sheet (Activity: 3,000
 * event rows, about 70 pages) is hidden: nothing in the copy refers to it any
 * more, and a printout of the workbook is the plan, not the raw data (anyone
 * who wants the rows unhides the sheet). The values are frozen on the day
 * the demo is dated from. Pure.
 */
import type { WorkbookSpec } from "../tablespec/types";
import { buildDemoWorkbook, demoData, DEMO_TODAY, type DemoData } from "../generators/demo";
import { expectedTiering } from "../generators/tiering";
import { freezeOpsFormulas } from "./freeze";
import { generateOverview, overviewNoteRange } from "./overview";
import { withPrintSettings } from "./print";

/** The freeze date of the demo with the default clock (the demo's DEMO_TODAY). */
export const SHARED_DEMO_FROZEN_AT = DEMO_TODAY;

/** Sheet kinds holding raw data: hidden in the shared copy, so they stay out of its printout. */
export const DATA_SHEET_KINDS: readonly string[] = ["activity"];

export function buildSharedDemoWorkbook(data: DemoData = demoData(), frozenAt: string = data.today): WorkbookSpec {
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
  const overview = generateOverview(data.plan, ctx, {
    tierSummary: expectedTiering(customers, {}).summary,
    frozenAt,
  });
  const sheets = workbook.sheets.map((s) => (DATA_SHEET_KINDS.includes(s.kind) ? { ...s, hidden: true } : s));
  return withPrintSettings({ ...workbook, sheets: [overview, ...sheets] }, { locale: ctx.locale, asOf: frozenAt });
}
