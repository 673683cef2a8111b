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
 */
import { MAX_DURATION_DAYS, PLAN_VERSION } from "./types";
import { planCheckText, type PlanCheckKey } from "./messages";
import type { PlanProblem } from "./types";
import type { Locale, MessageKey, MessageParams } from "../i18n/start";
import { SUPPORTED_LOCALES, tIn } from "../i18n/start";
import { parseIsoSerial } from "../dates";
import { findCycles, type DependencyEdge } from "./graph";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

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

/** A key of a record as a path segment: `.L05` for plain ids, `["a b"]` otherwise. */
export function keySegment(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

const show = (v: unknown): string => {
  if (typeof v === "string") return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

export function validatePlan(plan: unknown, locale?: Locale): PlanProblem[] {
  const lang: Locale =
    locale ?? (isObj(plan) && SUPPORTED_LOCALES.includes(plan.locale as Locale) ? (plan.locale as Locale) : "en");
  const problems: PlanProblem[] = [];
  const add = (path: string, key: MessageKey, params?: MessageParams) => problems.push({ path, message: tIn(lang, key, params) });
  const addCheck = (path: string, key: PlanCheckKey, params?: MessageParams) => problems.push({ path, message: planCheckText(lang, key, params) });

  // --- small checkers: each reports at `path` and says whether the value is usable ---
  const obj = (v: unknown, path: string): v is Obj => {
    if (isObj(v)) return true;
    add(path, v === undefined ? "planProblemRequired" : "planProblemNotObject");
    return false;
  };
  const arr = (v: unknown, path: string): unknown[] => {
    if (Array.isArray(v)) return v;
    add(path, v === undefined ? "planProblemRequired" : "planProblemArray");
    return [];
  };
  const str = (v: unknown, path: string, nonEmpty: boolean): v is string => {
    if (v === undefined) {
      add(path, "planProblemRequired");
      return false;
    }
    if (typeof v !== "string") {
      add(path, "planProblemString");
      return false;
    }
    if (nonEmpty && v.trim() === "") {
      // In plain words (the field says what it is): "cannot be blank", "choose an owner".
      addCheck(path, /\.ownerId$/.test(path) ? "ownerMissing" : "textRequired");
      return false;
    }
    return true;
  };
  const optStr = (v: unknown, path: string) => v === undefined || str(v, path, false);
  const num = (v: unknown, path: string): v is number => {
    if (typeof v === "number" && Number.isFinite(v)) return true;
    if (typeof v === "number" && Number.isNaN(v)) addCheck(path, "numberRequired"); // a blank or non-number box
    else add(path, v === undefined ? "planProblemRequired" : "planProblemNumber");
    return false;
  };
  const oneOf = (v: unknown, allowed: readonly string[], path: string): boolean => {
    if (typeof v === "string" && allowed.includes(v)) return true;
    if (v === undefined) add(path, "planProblemRequired");
    else add(path, "planProblemOneOf", { allowed: allowed.join(", "), got: show(v) });
    return false;
  };
  const date = (v: unknown, path: string): boolean => {
    if (!str(v, path, true)) return false;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) || Number.isNaN(parseIsoSerial(v))) {
      add(path, "planProblemDate", { got: v });
      return false;
    }
    return true;
  };
  const optDate = (v: unknown, path: string) => v === undefined || date(v, path);
  /** Ids of a list of objects, reporting missing, non-text and duplicate ids. */
  const ids = (items: unknown[], path: string): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (!isObj(item)) return;
      const id = item.id;
      if (!str(id, `${path}[${i}].id`, true)) return;
      if (seen.has(id)) add(`${path}[${i}].id`, "planProblemDuplicateId", { id });
      seen.add(id);
    });
    return seen;
  };

  if (!isObj(plan)) {
    add("", "planProblemNotObject");
    return problems;
  }

  if (plan.version !== PLAN_VERSION) add("version", "planProblemVersion", { got: show(plan.version), expected: PLAN_VERSION });
  oneOf(plan.locale, SUPPORTED_LOCALES, "locale");
  str(plan.title, "title", true);

  // --- goal ---
  if (obj(plan.goal, "goal")) {
    const goal = plan.goal;
    oneOf(goal.type, GOAL_TYPES, "goal.type");
    if (obj(goal.target, "goal.target")) {
      if (num(goal.target.value, "goal.target.value") && (goal.target.value as number) <= 0) addCheck("goal.target.value", "targetPositive");
      str(goal.target.unit, "goal.target.unit", true);
      if (date(goal.target.by, "goal.target.by") && isObj(plan.schedule) && typeof plan.schedule.startDate === "string") {
        const start = parseIsoSerial(plan.schedule.startDate);
        if (Number.isFinite(start) && parseIsoSerial(goal.target.by as string) < start)
          addCheck("goal.target.by", "byBeforeStart", { start: plan.schedule.startDate });
      }
    }
    if (obj(goal.fiveW2H, "goal.fiveW2H")) for (const key of FIVE_W2H) str(goal.fiveW2H[key], `goal.fiveW2H.${key}`, false);
  }

  // --- team ---
  let personIds = new Set<string>();
  if (obj(plan.team, "team")) {
    const team = plan.team;
    const people = arr(team.people, "team.people");
    if (Array.isArray(team.people) && people.length === 0) add("team.people", "planProblemEmpty");
    people.forEach((p, i) => {
      if (!obj(p, `team.people[${i}]`)) return;
      str(p.name, `team.people[${i}].name`, true);
      str(p.role, `team.people[${i}].role`, false);
    });
    personIds = ids(people, "team.people");
    arr(team.channels, "team.channels").forEach((c, i) => str(c, `team.channels[${i}]`, true));
    if (team.budget !== undefined && num(team.budget, "team.budget") && (team.budget as number) < 0)
      add("team.budget", "planProblemNonNegative");
    optStr(team.currency, "team.currency");
  }
  const person = (v: unknown, path: string) => {
    if (!str(v, path, true)) return;
    if (!personIds.has(v)) add(path, "planProblemUnknownPerson", { id: v });
  };

  // --- schedule ---
  const taskOwner = new Map<string, string>();
  let taskIds = new Set<string>();
  if (obj(plan.schedule, "schedule")) {
    const schedule = plan.schedule;
    str(schedule.templateId, "schedule.templateId", false);
    date(schedule.startDate, "schedule.startDate");
    optDate(schedule.launchDate, "schedule.launchDate");
    arr(schedule.holidays, "schedule.holidays").forEach((h, i) => date(h, `schedule.holidays[${i}]`));
    const tasks = arr(schedule.tasks, "schedule.tasks");
    if (Array.isArray(schedule.tasks) && tasks.length === 0) add("schedule.tasks", "planProblemEmpty");
    taskIds = ids(tasks, "schedule.tasks");
    const edges: DependencyEdge[] = [];
    tasks.forEach((task, i) => {
      const p = `schedule.tasks[${i}]`;
      if (!obj(task, p)) return;
      str(task.phase, `${p}.phase`, false);
      str(task.name, `${p}.name`, true);
      person(task.ownerId, `${p}.ownerId`);
      if (typeof task.id === "string" && typeof task.ownerId === "string") taskOwner.set(task.id, task.ownerId);
      if (task.durationDays === undefined) add(`${p}.durationDays`, "planProblemRequired");
      else if (typeof task.durationDays !== "number" || !Number.isInteger(task.durationDays) || task.durationDays < 1 || task.durationDays > MAX_DURATION_DAYS)
        addCheck(`${p}.durationDays`, "durationRange", { max: MAX_DURATION_DAYS, got: Number.isNaN(task.durationDays) ? "—" : show(task.durationDays) });
      if (typeof task.milestone !== "boolean") add(`${p}.milestone`, task.milestone === undefined ? "planProblemRequired" : "planProblemBoolean");
      const seenDeps = new Set<string>();
      arr(task.dependsOn, `${p}.dependsOn`).forEach((dep, j) => {
        const dp = `${p}.dependsOn[${j}]`;
        if (!str(dep, dp, true)) return;
        if (!taskIds.has(dep)) add(dp, "planProblemMissingDependency", { id: dep });
        else if (seenDeps.has(dep)) add(dp, "planProblemDuplicateDependency", { id: dep });
        else if (typeof task.id === "string") edges.push({ from: task.id, to: dep, path: dp });
        seenDeps.add(dep);
      });
      optDate(task.start, `${p}.start`);
      if (task.status !== undefined) oneOf(task.status, TASK_STATUSES, `${p}.status`);
      if (task.percentComplete !== undefined && num(task.percentComplete, `${p}.percentComplete`)) {
        const pc = task.percentComplete as number;
        if (pc < 0 || pc > 1) add(`${p}.percentComplete`, "planProblemPercent", { got: show(pc) });
      }
    });
    // Task ids are checked first (all of them), so a dependency on a later task is not "missing".
    const cycles = findCycles(edges);
    for (const cycle of cycles) add(cycle.path, "planProblemCycle", { cycle: cycle.ids.join(" → ") });
    if (schedule.launchTaskId !== undefined && str(schedule.launchTaskId, "schedule.launchTaskId", true)) {
      if (!taskIds.has(schedule.launchTaskId)) add("schedule.launchTaskId", "planProblemUnknownTask", { id: schedule.launchTaskId });
      else if (cycles.length === 0 && typeof schedule.startDate === "string" && typeof schedule.launchDate === "string") {
        // The launch task may have a fixed start of its own: it must not be before the plan's start.
        const start = parseIsoSerial(schedule.startDate);
        if (Number.isFinite(start) && parseIsoSerial(schedule.launchDate) < start)
          addCheck("schedule.launchDate", "launchBeforeStart", { start: schedule.startDate });
      }
    }
  }

  // --- raci ---
  if (obj(plan.raci, "raci")) {
    for (const [taskId, row] of Object.entries(plan.raci)) {
      const p = `raci${keySegment(taskId)}`;
      if (!taskIds.has(taskId)) add(p, "planProblemUnknownTask", { id: taskId });
      if (!obj(row, p)) continue;
      const accountable: string[] = [];
      for (const [personId, letter] of Object.entries(row)) {
        const pp = `${p}${keySegment(personId)}`;
        if (!personIds.has(personId)) add(pp, "planProblemUnknownPerson", { id: personId });
        if (typeof letter !== "string" || !RACI_LETTERS.includes(letter)) add(pp, "planProblemRaciLetter", { got: show(letter) });
        else if (letter === "A") accountable.push(personId);
      }
      const owner = taskOwner.get(taskId);
      if (accountable.length > 1) add(p, "planProblemRaciOneA", { task: taskId, count: accountable.length });
      else if (accountable.length === 1 && owner !== undefined && personIds.has(owner) && accountable[0] !== owner)
        add(`${p}${keySegment(accountable[0]!)}`, "planProblemRaciAOwner", { task: taskId, owner });
    }
  }

  // --- indicators ---
  const indicators = arr(plan.indicators, "indicators");
  ids(indicators, "indicators");
  indicators.forEach((ind, i) => {
    const p = `indicators[${i}]`;
    if (!obj(ind, p)) return;
    oneOf(ind.kind, INDICATOR_KINDS, `${p}.kind`);
    str(ind.name, `${p}.name`, true);
    str(ind.definition, `${p}.definition`, false);
    oneOf(ind.unit, INDICATOR_UNITS, `${p}.unit`);
    if (num(ind.target, `${p}.target`)) {
      const target = ind.target as number;
      if (target < 0) addCheck(`${p}.target`, "notNegative");
      else if (target === 0 && ind.direction !== "lower") addCheck(`${p}.target`, "targetPositive");
    }
    if (ind.direction !== undefined) oneOf(ind.direction, DIRECTIONS, `${p}.direction`);
    if (ind.actualFormula !== undefined && str(ind.actualFormula, `${p}.actualFormula`, true) && !ind.actualFormula.trim().startsWith("="))
      add(`${p}.actualFormula`, "planProblemFormula");
    if (ind.actual !== undefined) num(ind.actual, `${p}.actual`);
    optDate(ind.reviewDate, `${p}.reviewDate`);
  });

  // --- contingencies ---
  const contingencies = arr(plan.contingencies, "contingencies");
  ids(contingencies, "contingencies");
  contingencies.forEach((c, i) => {
    const p = `contingencies[${i}]`;
    if (!obj(c, p)) return;
    str(c.risk, `${p}.risk`, true);
    str(c.trigger, `${p}.trigger`, false);
    str(c.response, `${p}.response`, false);
    person(c.ownerId, `${p}.ownerId`);
    str(c.resources, `${p}.resources`, false);
    oneOf(c.status, CONTINGENCY_STATUSES, `${p}.status`);
  });

  return problems;
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
