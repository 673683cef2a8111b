/**
 * A plan from one schedule template (already validated) and a start date, in
 * one language. planFromTemplate (fromTemplate.ts) finds the template by id
 * among all of them; the task pane builds a new plan from the default
 * template alone with this, so the other templates are not fetched.
 *
 * Owners: each template task names a role; its owner (the A) is the first
 * person of the team with that role. A person has a role when their `role`
 * text equals the role's id or its name in any language (case and
 * surrounding spaces ignored). Roles nobody holds get a placeholder person
 * named after the role, so every task has an owner the user can rename.
 * The template's other RACI letters go to the first person of each role; when
 * one person holds several roles, the stronger letter wins (A > R > C > I).
 */
import type { Contingency, FiveW2H, Goal, Indicator, Person, Plan, PlanTask, RaciLetter } from "./types";
import { PLAN_VERSION } from "./types";
import type { Locale } from "../i18n/start";
import { tIn } from "../i18n/start";
import { isoOfSerial, parseIsoSerial } from "../dates";
import { workday } from "../workday";
import { FIVE_W2H_KEYS, type ScheduleTemplate } from "../templates/validate";
import { scheduleDates, scheduleSpan } from "./scheduleDates";

export interface FromTemplateOptions {
  /** First working day (ISO YYYY-MM-DD). */
  startDate: string;
  locale: Locale;
  /** The team; roles nobody holds get placeholder people. */
  people?: Person[];
  title?: string;
  /** Overrides of the template's goal (fiveW2H fields merge over the template's prompts). */
  goal?: Partial<Omit<Goal, "fiveW2H" | "target">> & { target?: Partial<Goal["target"]>; fiveW2H?: Partial<FiveW2H> };
  /** Non-working days (ISO). */
  holidays?: string[];
  channels?: string[];
  budget?: number;
  currency?: string;
}

const STRENGTH: Record<RaciLetter, number> = { A: 4, R: 3, C: 2, I: 1 };

function norm(text: string): string {
  return text.trim().toLowerCase();
}

/** The people of the plan and, per role id, the person holding it. */
function staff(template: ScheduleTemplate, locale: Locale, given: readonly Person[]): { people: Person[]; byRole: Map<string, string> } {
  const people = given.map((p) => ({ ...p }));
  const taken = new Set(people.map((p) => p.id));
  const byRole = new Map<string, string>();
  for (const role of template.roles) {
    const names = new Set([role.id, ...Object.values(role.name)].map(norm));
    const holder = people.find((p) => names.has(norm(p.role)));
    if (holder) {
      byRole.set(role.id, holder.id);
      continue;
    }
    let id = role.id;
    for (let i = 2; taken.has(id); i++) id = `${role.id}-${i}`;
    taken.add(id);
    const name = role.name[locale];
    people.push({ id, name, role: name });
    byRole.set(role.id, id);
  }
  return { people, byRole };
}

/** Builds a complete, valid plan from a template (a validated one: src/core/templates). Throws on a bad start date. */
export function planOfTemplate(template: ScheduleTemplate, options: FromTemplateOptions): Plan {
  const { locale } = options;
  if (Number.isNaN(parseIsoSerial(options.startDate)))
    throw new Error(tIn(locale, "planProblemDate", { got: options.startDate }));
  const { people, byRole } = staff(template, locale, options.people ?? []);
  const owner = (roleId: string) => byRole.get(roleId)!;
  const phaseName = new Map(template.phases.map((p) => [p.id, p.name[locale]]));

  const tasks: PlanTask[] = template.tasks.map((t) => ({
    id: t.id,
    phase: phaseName.get(t.phase)!,
    name: t.name[locale],
    ownerId: owner(t.role),
    durationDays: t.durationDays,
    dependsOn: [...t.dependsOn],
    milestone: t.milestone,
    status: "notStarted",
    percentComplete: 0,
  }));

  const raci: Record<string, Record<string, RaciLetter>> = {};
  for (const t of template.tasks) {
    const row: Record<string, RaciLetter> = { [owner(t.role)]: "A" };
    for (const [roleId, letter] of Object.entries(t.raci ?? {})) {
      const personId = owner(roleId);
      const current = row[personId];
      if (current === undefined || STRENGTH[letter] > STRENGTH[current]) row[personId] = letter;
    }
    raci[t.id] = row;
  }

  const schedule: Plan["schedule"] = {
    templateId: template.id,
    startDate: options.startDate,
    holidays: [...(options.holidays ?? [])],
    tasks,
  };
  const dates = scheduleDates({ schedule });
  const launch = template.launchTaskId ? dates.get(template.launchTaskId)?.start : undefined;
  if (launch !== undefined) {
    schedule.launchTaskId = template.launchTaskId!;
    schedule.launchDate = isoOfSerial(launch);
  }
  const { last } = scheduleSpan(dates);
  const holidays = new Set(schedule.holidays.map((h) => Math.trunc(parseIsoSerial(h))));
  const reviewDate = launch !== undefined ? isoOfSerial(workday(launch, 5, holidays)) : undefined;

  const fiveW2H = {} as FiveW2H;
  for (const key of FIVE_W2H_KEYS) fiveW2H[key] = options.goal?.fiveW2H?.[key] ?? template.goal.fiveW2H[key][locale];
  const goal: Goal = {
    type: options.goal?.type ?? template.goal.type,
    target: {
      value: options.goal?.target?.value ?? template.goal.target.value,
      unit: options.goal?.target?.unit ?? template.goal.target.unit[locale],
      by: options.goal?.target?.by ?? isoOfSerial(last),
    },
    fiveW2H,
  };

  const indicators: Indicator[] = template.indicators.map((ind) => ({
    id: ind.id,
    kind: ind.kind,
    name: ind.name[locale],
    definition: ind.definition[locale],
    unit: ind.unit,
    target: ind.target,
    ...(ind.direction ? { direction: ind.direction } : {}),
    ...(reviewDate ? { reviewDate } : {}),
  }));

  const contingencies: Contingency[] = template.risks.map((r) => ({
    id: r.id,
    risk: r.risk[locale],
    trigger: r.trigger[locale],
    response: r.response[locale],
    ownerId: owner(r.role),
    resources: r.resources[locale],
    status: "watching",
  }));

  return {
    version: PLAN_VERSION,
    locale,
    title: options.title ?? template.name[locale],
    goal,
    team: {
      people,
      channels: [...(options.channels ?? [])],
      ...(options.budget !== undefined ? { budget: options.budget } : {}),
      ...(options.currency !== undefined ? { currency: options.currency } : {}),
    },
    schedule,
    raci,
    indicators,
    contingencies,
  };
}
