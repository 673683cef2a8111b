/**
 * A plan from a schedule template (src/core/templates/*.json) and a start
 * date, in one language, plus the bundled sample plan used by the demo and
 * the golden tests.
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
import type { Locale, MessageKey } from "../i18n/start";
import { tIn } from "../i18n/start";
import { isoOfSerial, mondayOf, parseIsoSerial } from "../dates";
import { workday } from "../workday";
import { findTemplate, templateIds, FIVE_W2H_KEYS, type ScheduleTemplate } from "../templates";
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

function requireTemplate(templateId: string, locale: Locale): ScheduleTemplate {
  const template = findTemplate(templateId);
  if (!template) throw new Error(tIn(locale, "planUnknownTemplate", { id: templateId, ids: templateIds().join(", ") }));
  return template;
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

/** Builds a complete, valid plan from a template. Throws on an unknown template id or a bad start date. */
export function planFromTemplate(templateId: string, options: FromTemplateOptions): Plan {
  const { locale } = options;
  const template = requireTemplate(templateId, locale);
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

/** The sample plan's start date (a Monday) and holidays (China 2026: Qingming, Labour Day). */
export const SAMPLE_START = "2026-03-02";
export const SAMPLE_HOLIDAYS: readonly string[] = ["2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05"];

const SAMPLE_PEOPLE: { id: string; name: MessageKey; roleId: string }[] = [
  { id: "p1", name: "planSamplePerson1", roleId: "ops" },
  { id: "p2", name: "planSamplePerson2", roleId: "pm" },
  { id: "p3", name: "planSamplePerson3", roleId: "marketing" },
  { id: "p4", name: "planSamplePerson4", roleId: "solution" },
  { id: "p5", name: "planSamplePerson5", roleId: "sales" },
  { id: "p6", name: "planSamplePerson6", roleId: "service" },
  { id: "p7", name: "planSamplePerson7", roleId: "data" },
];

/**
 * A complete, realistic B2B launch plan (template b2b-launch, starting
 * 2026-03-02 with four holidays inside the schedule), with the first tasks
 * done or under way, for the demo workbook and the golden snapshots.
 *
 * `startDate` moves the whole plan: it starts on the Monday of that date's
 * week, and the sample holidays move by the same whole number of weeks, so
 * every task keeps its weekday and the schedule its shape (the demo dates
 * the plan from the day it is generated).
 */
export function samplePlan(locale: Locale, startDate: string = SAMPLE_START): Plan {
  const requested = parseIsoSerial(startDate);
  if (Number.isNaN(requested)) throw new Error(tIn(locale, "planProblemDate", { got: startDate }));
  const shift = mondayOf(Math.floor(requested)) - parseIsoSerial(SAMPLE_START);
  const moved = (iso: string) => isoOfSerial(parseIsoSerial(iso) + shift);
  const template = requireTemplate("b2b-launch", locale);
  const roleName = new Map(template.roles.map((r) => [r.id, r.name[locale]]));
  const s = (key: MessageKey) => tIn(locale, key);
  const plan = planFromTemplate("b2b-launch", {
    startDate: moved(SAMPLE_START),
    locale,
    title: s("planSampleTitle"),
    people: SAMPLE_PEOPLE.map((p) => ({ id: p.id, name: s(p.name), role: roleName.get(p.roleId)! })),
    goal: {
      type: "users",
      target: { value: 2000, unit: s("planSampleTargetUnit") },
      fiveW2H: {
        what: s("planSampleWhat"),
        why: s("planSampleWhy"),
        who: s("planSampleWho"),
        when: s("planSampleWhen"),
        where: s("planSampleWhere"),
        how: s("planSampleHow"),
        howMuch: s("planSampleHowMuch"),
      },
    },
    holidays: SAMPLE_HOLIDAYS.map(moved),
    channels: [s("planSampleChannelWebsite"), s("planSampleChannelEvents"), s("planSampleChannelPartners"), s("planSampleChannelSales")],
    budget: 300000,
    currency: "CNY",
  });
  const progress: Record<string, Pick<PlanTask, "status" | "percentComplete">> = {
    L01: { status: "done", percentComplete: 1 },
    L02: { status: "done", percentComplete: 1 },
    L03: { status: "inProgress", percentComplete: 0.5 },
  };
  for (const task of plan.schedule.tasks) Object.assign(task, progress[task.id] ?? {});
  return plan;
}
