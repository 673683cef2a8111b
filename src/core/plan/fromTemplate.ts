/**
 * A plan from a schedule template (src/core/templates/*.json), found by id,
 * and a start date, in one language (the plan itself is built by
 * planOfTemplate, ofTemplate.ts, which also says how owners and RACI letters
 * are chosen), plus the bundled sample plan used by the demo and the golden
 * tests.
 */
import type { Plan, PlanTask } from "./types";
import type { Locale, MessageKey } from "../i18n/start";
import { tIn } from "../i18n/start";
import { isoOfSerial, mondayOf, parseIsoSerial } from "../dates";
import { findTemplate, templateIds, type ScheduleTemplate } from "../templates";
import { planOfTemplate, type FromTemplateOptions } from "./ofTemplate";

export { planOfTemplate, type FromTemplateOptions } from "./ofTemplate";

function requireTemplate(templateId: string, locale: Locale): ScheduleTemplate {
  const template = findTemplate(templateId);
  if (!template) throw new Error(tIn(locale, "planUnknownTemplate", { id: templateId, ids: templateIds().join(", ") }));
  return template;
}

/** Builds a complete, valid plan from a template. Throws on an unknown template id or a bad start date. */
export function planFromTemplate(templateId: string, options: FromTemplateOptions): Plan {
  return planOfTemplate(requireTemplate(templateId, options.locale), options);
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
