/**
 * The plan workbook: the sheets the wizard writes, assembled from the chosen
 * generators into one WorkbookSpec. Pure core.
 *
 * Some sheets need others, because their formulas refer to them:
 *   schedule → settings (+ the workbook name Holidays that WORKDAY uses)
 *   raci     → schedule (task ids, names and owners are looked up there)
 *   summary  → kpi      (indicator rows link to the KPI table)
 * `withDependencies` adds those, and buildPlanWorkbook always applies it.
 * The requirement-intake sheet uses the Holidays name when the schedule is
 * written too. Kinds that are not made from a plan (tiering, metrics,
 * overview) are left out here: the tiering sheet is written from customer
 * data on its own tab.
 */
import type { Plan } from "../plan/types";
import type { DefinedNameSpec, SheetSpec, WorkbookSpec } from "../tablespec/types";
import { SHEET_KINDS, type GeneratorContext, type SheetKind } from "./context";
import { generateContingency } from "./contingency";
import { generateIntake } from "./intake";
import { generateKpi } from "./kpi";
import { generateRaci } from "./raci";
import { generateSchedule, generateSettings, holidaysName } from "./schedule";
import { generateSummary } from "./summary";

/** The sheets a plan can produce, in the order the wizard offers them. */
export const PLAN_SHEET_KINDS = ["schedule", "raci", "contingency", "kpi", "summary", "intake"] as const satisfies readonly SheetKind[];
export type PlanSheetKind = (typeof PLAN_SHEET_KINDS)[number];

const NEEDS: Partial<Record<SheetKind, readonly SheetKind[]>> = {
  schedule: ["settings"],
  raci: ["schedule"],
  summary: ["kpi"],
};

/** The chosen kinds plus every sheet they need (transitively), in workbook order; plan sheets only. */
export function withDependencies(kinds: readonly SheetKind[]): SheetKind[] {
  const chosen = new Set<SheetKind>();
  const visit = (kind: SheetKind) => {
    if (chosen.has(kind)) return;
    chosen.add(kind);
    for (const need of NEEDS[kind] ?? []) visit(need);
  };
  kinds.forEach(visit);
  return SHEET_KINDS.filter((k) => chosen.has(k) && (k === "settings" || (PLAN_SHEET_KINDS as readonly SheetKind[]).includes(k)));
}

/**
 * The sheets for `kinds` (plus what they need), named by ctx.sheetNames.
 * Throws PlanValidationError (from the generators) when the plan has problems.
 */
export function buildPlanWorkbook(plan: Plan, ctx: GeneratorContext, kinds: readonly SheetKind[]): WorkbookSpec {
  const all = withDependencies(kinds);
  const sheets: SheetSpec[] = [];
  const names: DefinedNameSpec[] = [];
  for (const kind of all) {
    switch (kind) {
      case "schedule":
        sheets.push(generateSchedule(plan, ctx));
        break;
      case "settings": {
        const settings = generateSettings(plan, ctx);
        sheets.push(settings.sheet);
        names.push(...settings.names);
        break;
      }
      case "raci":
        sheets.push(generateRaci(plan, ctx));
        break;
      case "contingency":
        sheets.push(generateContingency(plan, ctx));
        break;
      case "kpi":
        sheets.push(generateKpi(plan, ctx));
        break;
      case "summary":
        sheets.push(generateSummary(plan, ctx));
        break;
      case "intake":
        sheets.push(generateIntake(ctx, all.includes("schedule") ? { holidays: holidaysName(ctx) } : {}));
        break;
      default:
        break;
    }
  }
  return names.length > 0 ? { sheets, names } : { sheets };
}
