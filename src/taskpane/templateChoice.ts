/**
 * The Schedule step's template choice: every template in the pane's
 * language, and a template applied to the plan being edited (keeping what the
 * user already wrote). This module is in the "plan-templates" chunk with the
 * picker (TemplatePickerPart, parts.tsx), the list of every template
 * (src/core/templates) and the language switch's template translation:
 * fetched when the choice is first shown, never on the pane's start path (a
 * new plan needs only the default template, planSources.ts). Pure.
 */
import type { Locale } from "../core/i18n";
import { planFromTemplate, type FromTemplateOptions } from "../core/plan/fromTemplate";
import type { Plan } from "../core/plan/types";
import { listTemplates } from "../core/templates";
import { moveLaunchTo } from "../core/plan/launch";
import { nextMonday } from "./planSources";

export interface TemplateChoice {
  id: string;
  name: string;
  description: string;
}

export function templateChoices(locale: Locale): TemplateChoice[] {
  try {
    return listTemplates().map((t) => ({ id: t.id, name: t.name[locale], description: t.description[locale] }));
  } catch {
    return [];
  }
}

/**
 * The plan with a template's tasks, RACI, risks and indicators; the user's
 * title, goal, team, channels, budget, start date and holidays are kept.
 * The template's texts are in `locale` (the pane's language), which also
 * becomes the sheets' language.
 * Roles the team lacks get placeholder people.
 */
export function applyTemplate(plan: Plan, templateId: string, today: Date = new Date(), locale: Locale = plan.locale): Plan {
  const fiveW2H = Object.fromEntries(Object.entries(plan.goal.fiveW2H).filter(([, v]) => v.trim() !== ""));
  const target: Partial<Plan["goal"]["target"]> = {};
  if (Number.isFinite(plan.goal.target.value) && plan.goal.target.value > 0) target.value = plan.goal.target.value;
  if (plan.goal.target.unit.trim() !== "") target.unit = plan.goal.target.unit;
  if (plan.goal.target.by.trim() !== "") target.by = plan.goal.target.by;
  const options: FromTemplateOptions = {
    startDate: /^\d{4}-\d{2}-\d{2}$/.test(plan.schedule.startDate) ? plan.schedule.startDate : nextMonday(today),
    locale,
    people: plan.team.people,
    goal: { type: plan.goal.type, target, fiveW2H },
    holidays: plan.schedule.holidays,
    channels: plan.team.channels,
  };
  if (plan.title.trim() !== "") options.title = plan.title;
  if (plan.team.budget !== undefined) options.budget = plan.team.budget;
  if (plan.team.currency !== undefined) options.currency = plan.team.currency;
  const next = planFromTemplate(templateId, options);
  // A launch date the user set is kept: the new schedule is moved so its launch task starts then.
  if (plan.schedule.launchPinned && plan.schedule.launchDate !== undefined && moveLaunchTo(next, plan.schedule.launchDate)) next.schedule.launchPinned = true;
  return next;
}
