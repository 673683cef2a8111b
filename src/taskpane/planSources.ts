/**
 * A new plan for a workbook that holds none: the default template, starting
 * next Monday. This module is the chunk usePlanStore fetches for it
 * ("plan-default"), so it holds the default template file alone, with the
 * checks it needs (core/templates/validate.ts), not the list of every
 * template: that list is the "plan-templates" chunk, fetched when the
 * Schedule step shows the template choice (templateChoice.ts). Pure.
 */
import type { Locale } from "../core/i18n";
import { planOfTemplate } from "../core/plan/ofTemplate";
import type { Plan } from "../core/plan/types";
import { checkedTemplates } from "../core/templates/validate";
import { blankPlan } from "../core/plan/persist";
import defaultTemplateFile from "../core/templates/b2b-launch.json";

/** The template a new plan starts from: the file imported above. */
export const DEFAULT_TEMPLATE: string = defaultTemplateFile.id;

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The Monday after `today` (a plan starts on a working day). */
export function nextMonday(today: Date = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const add = ((8 - d.getDay()) % 7) || 7;
  d.setDate(d.getDate() + add);
  return iso(d);
}

/** A new plan: the default template, so every step starts with something to adjust. */
export function newPlan(locale: Locale, today: Date = new Date()): Plan {
  try {
    const [template] = checkedTemplates([defaultTemplateFile]);
    return planOfTemplate(template!, { startDate: nextMonday(today), locale });
  } catch {
    return { ...blankPlan(locale), schedule: { ...blankPlan(locale).schedule, startDate: nextMonday(today) } };
  }
}
