/**
 * Template content follows the language (issue 16, item 7): templates carry
 * every text in both languages, so when the pane switches language, every
 * text of the plan that is still the template's own (not edited by the
 * user) is replaced by the template's text in the new language. Text the user
 * wrote or changed stays as it is. Matching is by the template's ids (tasks,
 * risks, indicators, placeholder people named after a role) and, for phases,
 * 5W2H prompts, the title and the unit, by the text itself.
 */
import type { Plan } from "./types";
import type { Locale } from "../i18n";
import { findTemplate, FIVE_W2H_KEYS, type Bilingual } from "../templates";

/** Mutates `plan`: template texts in `from` become their `to` text. Returns the number of texts changed. */
export function translateTemplateText(plan: Plan, from: Locale, to: Locale): number {
  const template = plan.schedule.templateId ? findTemplate(plan.schedule.templateId) : undefined;
  if (!template || from === to) return 0;
  let changed = 0;
  const swap = (current: string, text: Bilingual | undefined): string => {
    if (text && current === text[from] && text[to] !== current) {
      changed++;
      return text[to];
    }
    return current;
  };
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));

  plan.title = swap(plan.title, template.name);
  plan.goal.target.unit = swap(plan.goal.target.unit, template.goal.target.unit);
  for (const key of FIVE_W2H_KEYS) plan.goal.fiveW2H[key] = swap(plan.goal.fiveW2H[key], template.goal.fiveW2H[key]);

  const roles = byId(template.roles);
  const roleByName = new Map(template.roles.map((r) => [r.name[from], r]));
  for (const person of plan.team.people) {
    const role = roleByName.get(person.role);
    if (role) person.role = swap(person.role, role.name);
    const own = roles.get(person.id.replace(/-\d+$/, ""));
    if (own) person.name = swap(person.name, own.name);
  }

  const phaseByName = new Map(template.phases.map((p) => [p.name[from], p]));
  const tasks = byId(template.tasks);
  for (const task of plan.schedule.tasks) {
    task.phase = swap(task.phase, phaseByName.get(task.phase)?.name);
    task.name = swap(task.name, tasks.get(task.id)?.name);
  }
  const risks = byId(template.risks);
  for (const c of plan.contingencies) {
    const r = risks.get(c.id);
    if (!r) continue;
    c.risk = swap(c.risk, r.risk);
    c.trigger = swap(c.trigger, r.trigger);
    c.response = swap(c.response, r.response);
    c.resources = swap(c.resources, r.resources);
  }
  const indicators = byId(template.indicators);
  for (const ind of plan.indicators) {
    const k = indicators.get(ind.id);
    if (!k) continue;
    ind.name = swap(ind.name, k.name);
    ind.definition = swap(ind.definition, k.definition);
  }
  return changed;
}
