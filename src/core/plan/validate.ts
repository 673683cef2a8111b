/**
 * Plan validation: every problem, each with the path of the field it concerns
 * (`schedule.tasks[3].dependsOn[0]`, `raci.L05.p2`, `team.people[1].id`), so
 * the wizard can point at the field and the generators can refuse to write
 * anything before the plan is sound. Messages come from the i18n catalogue in
 * the requested locale (default: the plan's own locale when valid, else en).
 *
 * Rules beyond types and required fields:
 * - ISO dates must be real calendar dates (2026-02-30 is not).
 * - durationDays is a whole number from 1 to MAX_DURATION_DAYS; percentComplete is 0..1.
 * - the goal's target is a number > 0 and its date is not before the plan's start;
 *   indicator targets are not negative, and > 0 when higher is better (a target
 *   of 0 can show no progress). A number field holding text stores NaN, which is
 *   reported here, so what is generated is what the fields show.
 * - ids are unique within their list (people, tasks, indicators, contingencies).
 * - owners (tasks, contingencies) are people of the team.
 * - dependsOn lists existing task ids, each once; circular dependencies are
 *   reported with the cycle ("L03 → L05 → L03") at the dependsOn entry that
 *   closes it.
 * - raci: task ids and person ids must exist, letters are R/A/C/I. The task
 *   owner is the A: a task with no A in raci gets its owner as A (the
 *   default), so a task has exactly one A unless raci marks more than one
 *   person A (problem) or marks someone other than the owner A (problem).
 * - unknown extra fields are tolerated (forward compatibility).
 *
 * The field tables and kinds are those of src/core/validation/check.ts, shared
 * with the template files' validator; the rules after the tables compare fields.
 */
import { MAX_DURATION_DAYS, PLAN_VERSION } from "./types";
import type { PlanProblem } from "./types";
import type { Locale } from "../i18n/start";
import { SUPPORTED_LOCALES } from "../i18n/start";
import { parseIsoSerial } from "../dates";
import type { DependencyEdge } from "./graph";
import {
  Checks, bool, checkFields, date, dependencies, ids, isObj, keySegment, list, number, object, oneOf, optional, ref,
  reportCycles, show, text, then, wholeDays, type Kind, type Obj, type Table,
} from "../validation/check";

export { keySegment };

const GOAL_TYPES = ["users", "revenue", "activity"];
const FIVE_W2H = ["what", "why", "who", "when", "where", "how", "howMuch"];
const TASK_STATUSES = ["notStarted", "inProgress", "blocked", "done"];
const RACI_LETTERS = ["R", "A", "C", "I"];
const INDICATOR_KINDS = [
  "registrations", "nextDayRetention", "cycleRetention", "channelRetention", "activityRate",
  "paymentRate", "arpu", "arppu", "funnelStep", "custom",
];
const INDICATOR_UNITS = ["percent", "count", "currency", "days"];
const DIRECTIONS = ["higher", "lower"];
const CONTINGENCY_STATUSES = ["watching", "triggered", "resolved"];

/** Text that may be blank (a 5W2H answer, a role, a phase). */
const anyText = text({ blank: true });

/** The checker, with what later fields are compared with: the plan, and the ids of the lists read so far. */
class PlanChecks extends Checks {
  personIds: ReadonlySet<string> = new Set();
  taskIds: ReadonlySet<string> = new Set();
  readonly edges: DependencyEdge[] = [];
  cycles = 0;
  constructor(locale: Locale, readonly plan: Obj) {
    super(locale);
  }
}
const planOf = (c: Checks) => (c as PlanChecks).plan;

/** The goal: what, how much by when (not before the plan's start), and the 5W2H frame. */
const goalTable: Table = [
  ["type", oneOf(GOAL_TYPES)],
  ["target", object([
    ["value", then(number(), (c, v, path) => (v as number) > 0 || c.addCheck(path, "targetPositive"))],
    ["unit", text()],
    ["by", then(date(), (c, v, path) => {
      const plan = planOf(c);
      if (!isObj(plan.schedule) || typeof plan.schedule.startDate !== "string") return;
      const start = parseIsoSerial(plan.schedule.startDate);
      if (Number.isFinite(start) && parseIsoSerial(v as string) < start) c.addCheck(path, "byBeforeStart", { start: plan.schedule.startDate });
    })],
  ])],
  ["fiveW2H", object(FIVE_W2H.map((key) => [key, anyText] as const))],
];

const personTable: Table = [
  ["name", text()],
  ["role", anyText],
];

/** An owner: a person of the team (blank: "choose an owner"). */
const personIdsOf = (c: Checks) => (c as PlanChecks).personIds;
const person: Kind = (c, v, path, parent) =>
  ref(text({ blankKey: "ownerMissing" }), () => personIdsOf(c), (c, p, id) => c.add(p, "planProblemUnknownPerson", { id }))(c, v, path, parent);
/** Predecessors: tasks of the schedule, each once; each becomes an edge for the loop check. */
const taskDependencies: Kind = (c, v, path, task) =>
  dependencies(() => (c as PlanChecks).taskIds, (c as PlanChecks).edges)(c, v, path, task);

const taskTable: Table = [
  ["phase", anyText],
  ["name", text()],
  ["ownerId", person],
  ["durationDays", wholeDays(MAX_DURATION_DAYS)],
  ["milestone", bool()],
  ["dependsOn", taskDependencies],
  ["start", optional(date())],
  ["status", optional(oneOf(TASK_STATUSES))],
  ["percentComplete", optional(then(number(), (c, v, path) => {
    const pc = v as number;
    if (pc < 0 || pc > 1) c.add(path, "planProblemPercent", { got: show(pc) });
  }))],
];

const indicatorTable: Table = [
  ["kind", oneOf(INDICATOR_KINDS)],
  ["name", text()],
  ["definition", anyText],
  ["unit", oneOf(INDICATOR_UNITS)],
  // A target of 0 can show no progress unless lower is better.
  ["target", then(number(), (c, v, path, ind) => {
    const target = v as number;
    if (target < 0) c.addCheck(path, "notNegative");
    else if (target === 0 && ind.direction !== "lower") c.addCheck(path, "targetPositive");
  })],
  ["direction", optional(oneOf(DIRECTIONS))],
  ["actualFormula", optional(then(text(), (c, v, path) => (v as string).trim().startsWith("=") || c.add(path, "planProblemFormula")))],
  ["actual", optional(number())],
  ["reviewDate", optional(date())],
];

const contingencyTable: Table = [
  ["risk", text()],
  ["trigger", anyText],
  ["response", anyText],
  ["ownerId", person],
  ["resources", anyText],
  ["status", oneOf(CONTINGENCY_STATUSES)],
];

/** Each item of a list: an object checked by the table. */
const each = (c: Checks, items: readonly unknown[], path: string, table: Table) => {
  const kind = object(table);
  items.forEach((item, i) => kind(c, item, `${path}[${i}]`, {}));
};

/** The plan file: every field, in the order problems are reported (the raci rules run between schedule and indicators). */
const planTable: Table = [
  ["locale", oneOf(SUPPORTED_LOCALES)],
  ["title", text()],
  ["goal", object(goalTable)],
  ["team", object([
    // People first, then their ids (owners refer to them).
    ["people", then(list(object(personTable), { nonEmpty: true }), (c, people, path) => void ((c as PlanChecks).personIds = ids(c, people as unknown[], path, text())))],
    ["channels", list(text())],
    ["budget", optional(then(number(), (c, v, path) => (v as number) >= 0 || c.add(path, "planProblemNonNegative")))],
    ["currency", optional(anyText)],
  ])],
  ["schedule", object([
    ["templateId", anyText],
    ["startDate", date()],
    ["launchDate", optional(date())],
    ["holidays", list(date())],
    // Task ids are checked first (all of them), so a dependency on a later task is not "missing";
    // loops are reported once every task has been read.
    ["tasks", then(list(undefined, { nonEmpty: true }), (c, tasks, path) => {
      const pc = c as PlanChecks;
      pc.taskIds = ids(c, tasks as unknown[], path, text());
      each(c, tasks as unknown[], path, taskTable);
      pc.cycles = reportCycles(c, pc.edges);
    })],
    ["launchTaskId", optional((c, v, path, parent) =>
      ref(text(), () => (c as PlanChecks).taskIds, (c, p, id) => c.add(p, "planProblemUnknownTask", { id }))(c, v, path, parent))],
  ])],
];

const listsTable: Table = [
  ["indicators", then(list(), (c, items, path) => {
    ids(c, items as unknown[], path, text());
    each(c, items as unknown[], path, indicatorTable);
  })],
  ["contingencies", then(list(), (c, items, path) => {
    ids(c, items as unknown[], path, text());
    each(c, items as unknown[], path, contingencyTable);
  })],
];

export function validatePlan(plan: unknown, locale?: Locale): PlanProblem[] {
  const lang: Locale =
    locale ?? (isObj(plan) && SUPPORTED_LOCALES.includes(plan.locale as Locale) ? (plan.locale as Locale) : "en");
  if (!isObj(plan)) {
    const c = new Checks(lang);
    c.add("", "planProblemNotObject");
    return c.problems;
  }
  const c = new PlanChecks(lang, plan);
  if (plan.version !== PLAN_VERSION) c.add("version", "planProblemVersion", { got: show(plan.version), expected: PLAN_VERSION });
  checkFields(c, plan, "", planTable);
  launchRule(c, plan, c.taskIds, c.cycles);
  raciRules(c, plan, c.personIds, c.taskIds);
  checkFields(c, plan, "", listsTable);
  return c.problems;
}

/** The launch task may have a fixed start of its own: it must not be before the plan's start. */
function launchRule(c: Checks, plan: Obj, taskIds: ReadonlySet<string>, cycles: number): void {
  const schedule = plan.schedule;
  if (!isObj(schedule) || typeof schedule.launchTaskId !== "string" || !taskIds.has(schedule.launchTaskId) || cycles > 0) return;
  if (typeof schedule.startDate !== "string" || typeof schedule.launchDate !== "string") return;
  const start = parseIsoSerial(schedule.startDate);
  if (Number.isFinite(start) && parseIsoSerial(schedule.launchDate) < start)
    c.addCheck("schedule.launchDate", "launchBeforeStart", { start: schedule.startDate });
}

/**
 * raci: known tasks and people, letters R/A/C/I, one A per task, and that A the
 * task's owner (a task with no A in raci gets its owner as A).
 */
function raciRules(c: Checks, plan: Obj, personIds: ReadonlySet<string>, taskIds: ReadonlySet<string>): void {
  if (!object()(c, plan.raci, "raci", plan)) return;
  const taskOwner = new Map<string, string>();
  const tasks = isObj(plan.schedule) && Array.isArray(plan.schedule.tasks) ? plan.schedule.tasks : [];
  for (const task of tasks) if (isObj(task) && typeof task.id === "string" && typeof task.ownerId === "string") taskOwner.set(task.id, task.ownerId);
  for (const [taskId, row] of Object.entries(plan.raci as Obj)) {
    const p = `raci${keySegment(taskId)}`;
    if (!taskIds.has(taskId)) c.add(p, "planProblemUnknownTask", { id: taskId });
    if (!object()(c, row, p, plan)) continue;
    const accountable: string[] = [];
    for (const [personId, letter] of Object.entries(row as Obj)) {
      const pp = `${p}${keySegment(personId)}`;
      if (!personIds.has(personId)) c.add(pp, "planProblemUnknownPerson", { id: personId });
      if (typeof letter !== "string" || !RACI_LETTERS.includes(letter)) c.add(pp, "planProblemRaciLetter", { got: show(letter) });
      else if (letter === "A") accountable.push(personId);
    }
    const owner = taskOwner.get(taskId);
    if (accountable.length > 1) c.add(p, "planProblemRaciOneA", { task: taskId, count: accountable.length });
    else if (accountable.length === 1 && owner !== undefined && personIds.has(owner) && accountable[0] !== owner)
      c.add(`${p}${keySegment(accountable[0]!)}`, "planProblemRaciAOwner", { task: taskId, owner });
  }
}

/** Thrown by the generators when the plan has problems: nothing is generated. */
export class PlanValidationError extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    this.name = "PlanValidationError";
  }
}

/** Throws PlanValidationError listing every problem, or returns the plan typed. */
export function assertValidPlan<T>(plan: T, locale?: Locale): T {
  const problems = validatePlan(plan, locale);
  if (problems.length > 0) throw new PlanValidationError(problems);
  return plan;
}
