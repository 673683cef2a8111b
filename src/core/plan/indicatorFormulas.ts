/**
 * Live formulas for the KPI sheet's Actual cells: which workbook ranges an
 * indicator kind needs, the OPS.* formula built from them, and the reverse
 * (the ranges read back from a saved formula, so the wizard can show them).
 *
 *   registrations       =OPS.PAYRATE(ids,ids,,"payers")              distinct ids
 *   nextDayRetention    =LET(r,OPS.RETENTION(ids,dates,"day",1),INDEX(r,ROWS(r),3))
 *   cycleRetention      =LET(r,OPS.RETENTION(ids,dates,"week",1),INDEX(r,ROWS(r),3))
 *   activityRate        =OPS.PAYRATE(active,users)                   active ÷ all users
 *   paymentRate         =OPS.PAYRATE(payers,users)
 *   arpu / arppu        =OPS.PAYRATE(payers,users,amounts,"arpu"|"arppu")
 *
 * OPS.RETENTION returns a header, one row per cohort and the All row last;
 * column 3 is the first requested period, so INDEX(r,ROWS(r),3) is the
 * all-cohort retention of day (week) 1. Channel retention, funnel steps and
 * custom indicators are tables or free-form: no single-cell recipe.
 * Pure; no Office calls.
 */
import type { IndicatorKind } from "./types";

export type RangeRole = "ids" | "dates" | "active" | "users" | "payers" | "amounts";

interface Recipe {
  roles: readonly RangeRole[];
  /** The formula with {role} placeholders. */
  template: string;
}

const RECIPES: Partial<Record<IndicatorKind, Recipe>> = {
  registrations: { roles: ["ids"], template: '=OPS.PAYRATE({ids},{ids},,"payers")' },
  nextDayRetention: { roles: ["ids", "dates"], template: '=LET(r,OPS.RETENTION({ids},{dates},"day",1),INDEX(r,ROWS(r),3))' },
  cycleRetention: { roles: ["ids", "dates"], template: '=LET(r,OPS.RETENTION({ids},{dates},"week",1),INDEX(r,ROWS(r),3))' },
  activityRate: { roles: ["active", "users"], template: "=OPS.PAYRATE({active},{users})" },
  paymentRate: { roles: ["payers", "users"], template: "=OPS.PAYRATE({payers},{users})" },
  arpu: { roles: ["payers", "users", "amounts"], template: '=OPS.PAYRATE({payers},{users},{amounts},"arpu")' },
  arppu: { roles: ["payers", "users", "amounts"], template: '=OPS.PAYRATE({payers},{users},{amounts},"arppu")' },
};

/** The ranges a kind needs, in the order the wizard asks for them; [] when it has no live formula. */
export function indicatorRanges(kind: IndicatorKind): readonly RangeRole[] {
  return RECIPES[kind]?.roles ?? [];
}

const SHEET = String.raw`(?:'(?:[^']|'')+'|[^'!,()\s=]+)`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COLS = String.raw`\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}`;
const ROWS = String.raw`\$?\d+:\$?\d+`;
const REF = String.raw`(?:${SHEET}!)?(?:${CELL}(?::${CELL})?|${COLS}|${ROWS})`;
const REF_RE = new RegExp(`^${REF}$`);

/** True for a range reference such as A2:A9, Users!$A$2:$A$500, 'My data'!B:B. */
export function isRangeAddress(text: string): boolean {
  return REF_RE.test(text.trim());
}

/** Makes the cell part absolute: Users!A2:A9 → Users!$A$2:$A$9 (whole columns/rows too). */
export function absoluteRange(address: string): string {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  const sheet = bang >= 0 ? text.slice(0, bang + 1) : "";
  const range = (bang >= 0 ? text.slice(bang + 1) : text).replace(/\$/g, "");
  const abs = range
    .split(":")
    .map((part) => part.replace(/^([A-Za-z]+)?(\d+)?$/, (_, col?: string, row?: string) => `${col ? "$" + col.toUpperCase() : ""}${row ? "$" + row : ""}`))
    .join(":");
  return sheet + abs;
}

/** The live formula, or undefined unless every range the kind needs is a range address. */
export function buildIndicatorFormula(kind: IndicatorKind, ranges: Partial<Record<RangeRole, string>>): string | undefined {
  const recipe = RECIPES[kind];
  if (!recipe) return undefined;
  let formula = recipe.template;
  for (const role of recipe.roles) {
    const address = ranges[role]?.trim() ?? "";
    if (!isRangeAddress(address)) return undefined;
    formula = formula.split(`{${role}}`).join(absoluteRange(address));
  }
  return formula;
}

/** The ranges of a formula built by buildIndicatorFormula; null when it is not one. */
export function parseIndicatorFormula(kind: IndicatorKind, formula: string | undefined): Partial<Record<RangeRole, string>> | null {
  const recipe = RECIPES[kind];
  if (!recipe || !formula) return null;
  const order: RangeRole[] = [];
  const pattern = recipe.template
    .split(/(\{[a-z]+\})/)
    .map((part) => {
      const m = /^\{([a-z]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const role = m[1] as RangeRole;
      if (order.includes(role)) return `\\${order.indexOf(role) + 1}`;
      order.push(role);
      return `(${REF})`;
    })
    .join("");
  const match = new RegExp(`^${pattern}$`).exec(formula.trim());
  if (!match) return null;
  const out: Partial<Record<RangeRole, string>> = {};
  order.forEach((role, i) => (out[role] = match[i + 1]!));
  return out;
}
