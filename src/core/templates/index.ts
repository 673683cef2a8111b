/**
 * Schedule templates: data files (one JSON file per template in this folder)
 * that planFromTemplate turns into a plan. Each file is validated here, so a
 * contributor adds a template by dropping a JSON file and adding ONE line to
 * TEMPLATE_FILES below (see README.md in this folder). No other code changes.
 *
 * A static list instead of directory scanning: the add-in is bundled by
 * webpack and runs in Office without a file system, and the same list works
 * in Node (tests, the demo script) with `resolveJsonModule`.
 */
import type { FiveW2H, GoalType, IndicatorKind, IndicatorUnit, RaciLetter } from "../plan/types";
import type { Locale } from "../i18n/start";
import { SUPPORTED_LOCALES, tIn } from "../i18n/start";
import { findCycles } from "../plan/graph";

import b2bLaunch from "./b2b-launch.json";
import operationActivity from "./operation-activity.json";
import paidTierLaunch from "./paid-tier-launch.json";

/** Every template file. Adding a template = one more line here. */
export const TEMPLATE_FILES: readonly unknown[] = [
  b2bLaunch,
  operationActivity,
  paidTierLaunch,
];

/** A text in every supported language. */
export type Bilingual = Record<Locale, string>;

export interface TemplateRole {
  id: string;
  name: Bilingual;
}

export interface TemplatePhase {
  id: string;
  name: Bilingual;
}

export interface TemplateTask {
  id: string;
  /** A phase id of the template. */
  phase: string;
  name: Bilingual;
  /** The role id of the accountable owner (A). */
  role: string;
  /** Working days, a whole number ≥ 1. */
  durationDays: number;
  /** Ids of predecessor tasks (no cycles). */
  dependsOn: string[];
  milestone: boolean;
  /** Other roles' RACI letters for this task (the owner's role is always A). */
  raci?: Record<string, Exclude<RaciLetter, "A">>;
}

export interface TemplateRisk {
  id: string;
  risk: Bilingual;
  /** The decision condition, e.g. "D+3 registrations < 60 % of target". */
  trigger: Bilingual;
  response: Bilingual;
  /** Role id of the owner. */
  role: string;
  resources: Bilingual;
}

export interface TemplateIndicator {
  id: string;
  kind: IndicatorKind;
  name: Bilingual;
  definition: Bilingual;
  unit: IndicatorUnit;
  target: number;
  direction?: "higher" | "lower";
}

export interface TemplateGoal {
  type: GoalType;
  target: { value: number; unit: Bilingual };
  /** Prompts (or defaults) for the 5W2H frame. */
  fiveW2H: Record<keyof FiveW2H, Bilingual>;
}

export interface ScheduleTemplate {
  id: string;
  name: Bilingual;
  description: Bilingual;
  goal: TemplateGoal;
  /** The task whose start is the launch / go-live date. */
  launchTaskId?: string;
  roles: TemplateRole[];
  phases: TemplatePhase[];
  tasks: TemplateTask[];
  risks: TemplateRisk[];
  indicators: TemplateIndicator[];
}

export interface TemplateProblem {
  /** Which file (its id when readable, else its position in TEMPLATE_FILES). */
  template: string;
  path: string;
  message: string;
}

export const FIVE_W2H_KEYS: readonly (keyof FiveW2H)[] = ["what", "why", "who", "when", "where", "how", "howMuch"];
export const GOAL_TYPES: readonly GoalType[] = ["users", "revenue", "activity"];
export const INDICATOR_KINDS: readonly IndicatorKind[] = [
  "registrations", "nextDayRetention", "cycleRetention", "channelRetention", "activityRate",
  "paymentRate", "arpu", "arppu", "funnelStep", "custom",
];
export const INDICATOR_UNITS: readonly IndicatorUnit[] = ["percent", "count", "currency", "days"];
const NON_A_LETTERS: readonly string[] = ["R", "C", "I"];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates one template file; every problem with its path. Messages in English (developer-facing). */
export function validateTemplate(raw: unknown, label = "?"): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const template = isObj(raw) && typeof raw.id === "string" ? raw.id : label;
  const add = (path: string, key: Parameters<typeof tIn>[1], params?: Record<string, string | number>) =>
    problems.push({ template, path, message: tIn("en", key, params) });

  if (!isObj(raw)) {
    add("", "planProblemNotObject");
    return problems;
  }
  const text = (v: unknown, path: string): boolean => {
    if (typeof v !== "string" || v.trim() === "") {
      add(path, "planProblemText");
      return false;
    }
    return true;
  };
  const bilingual = (v: unknown, path: string): void => {
    if (!isObj(v)) {
      add(path, "planProblemBilingual", { locales: SUPPORTED_LOCALES.join(", ") });
      return;
    }
    for (const locale of SUPPORTED_LOCALES) text(v[locale], `${path}.${locale}`);
    for (const key of Object.keys(v)) if (!SUPPORTED_LOCALES.includes(key as Locale)) add(`${path}.${key}`, "planProblemUnknownField");
  };
  const id = (v: unknown, path: string): boolean => {
    if (typeof v !== "string" || !ID.test(v)) {
      add(path, "planProblemId");
      return false;
    }
    return true;
  };
  const array = (v: unknown, path: string, nonEmpty: boolean): unknown[] => {
    if (!Array.isArray(v)) {
      add(path, "planProblemArray");
      return [];
    }
    if (nonEmpty && v.length === 0) add(path, "planProblemEmpty");
    return v;
  };
  const oneOf = (v: unknown, allowed: readonly string[], path: string) => {
    if (typeof v !== "string" || !allowed.includes(v)) add(path, "planProblemOneOf", { allowed: allowed.join(", ") });
  };
  const number = (v: unknown, path: string) => {
    if (typeof v !== "number" || !Number.isFinite(v)) add(path, "planProblemNumber");
  };
  /** Collects ids of a list, reporting duplicates. */
  const ids = (items: unknown[], path: string): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const itemId = isObj(item) ? item.id : undefined;
      if (!id(itemId, `${path}[${i}].id`)) return;
      if (seen.has(itemId as string)) add(`${path}[${i}].id`, "planProblemDuplicateId", { id: itemId as string });
      seen.add(itemId as string);
    });
    return seen;
  };

  id(raw.id, "id");
  bilingual(raw.name, "name");
  bilingual(raw.description, "description");

  const goal = raw.goal;
  if (!isObj(goal)) add("goal", "planProblemNotObject");
  else {
    oneOf(goal.type, GOAL_TYPES, "goal.type");
    if (!isObj(goal.target)) add("goal.target", "planProblemNotObject");
    else {
      number(goal.target.value, "goal.target.value");
      bilingual(goal.target.unit, "goal.target.unit");
    }
    if (!isObj(goal.fiveW2H)) add("goal.fiveW2H", "planProblemNotObject");
    else for (const key of FIVE_W2H_KEYS) bilingual(goal.fiveW2H[key], `goal.fiveW2H.${key}`);
  }

  const roles = array(raw.roles, "roles", true);
  const roleIds = ids(roles, "roles");
  roles.forEach((r, i) => isObj(r) ? bilingual(r.name, `roles[${i}].name`) : add(`roles[${i}]`, "planProblemNotObject"));

  const phases = array(raw.phases, "phases", true);
  const phaseIds = ids(phases, "phases");
  phases.forEach((p, i) => isObj(p) ? bilingual(p.name, `phases[${i}].name`) : add(`phases[${i}]`, "planProblemNotObject"));

  const tasks = array(raw.tasks, "tasks", true);
  const taskIds = ids(tasks, "tasks");
  const edges: { from: string; to: string; path: string }[] = [];
  tasks.forEach((task, i) => {
    const p = `tasks[${i}]`;
    if (!isObj(task)) {
      add(p, "planProblemNotObject");
      return;
    }
    if (typeof task.phase !== "string" || !phaseIds.has(task.phase)) add(`${p}.phase`, "planProblemUnknownRef", { id: String(task.phase), list: "phases" });
    bilingual(task.name, `${p}.name`);
    if (typeof task.role !== "string" || !roleIds.has(task.role)) add(`${p}.role`, "planProblemUnknownRef", { id: String(task.role), list: "roles" });
    if (typeof task.durationDays !== "number" || !Number.isInteger(task.durationDays) || task.durationDays < 1) add(`${p}.durationDays`, "planProblemDuration");
    if (typeof task.milestone !== "boolean") add(`${p}.milestone`, "planProblemBoolean");
    const deps = array(task.dependsOn, `${p}.dependsOn`, false);
    deps.forEach((dep, j) => {
      const dp = `${p}.dependsOn[${j}]`;
      if (typeof dep !== "string" || !taskIds.has(dep)) add(dp, "planProblemMissingDependency", { id: String(dep) });
      else if (typeof task.id === "string") edges.push({ from: task.id, to: dep, path: dp });
    });
    if (task.raci !== undefined) {
      if (!isObj(task.raci)) add(`${p}.raci`, "planProblemNotObject");
      else
        for (const [roleId, letter] of Object.entries(task.raci)) {
          if (!roleIds.has(roleId)) add(`${p}.raci.${roleId}`, "planProblemUnknownRef", { id: roleId, list: "roles" });
          if (roleId === task.role) add(`${p}.raci.${roleId}`, "planProblemTemplateOwnerRaci");
          oneOf(letter, NON_A_LETTERS, `${p}.raci.${roleId}`);
        }
    }
  });
  for (const cycle of findCycles(edges)) add(cycle.path, "planProblemCycle", { cycle: cycle.ids.join(" → ") });
  if (raw.launchTaskId !== undefined && (typeof raw.launchTaskId !== "string" || !taskIds.has(raw.launchTaskId)))
    add("launchTaskId", "planProblemUnknownRef", { id: String(raw.launchTaskId), list: "tasks" });

  const risks = array(raw.risks, "risks", true);
  ids(risks, "risks");
  risks.forEach((r, i) => {
    const p = `risks[${i}]`;
    if (!isObj(r)) {
      add(p, "planProblemNotObject");
      return;
    }
    for (const field of ["risk", "trigger", "response", "resources"]) bilingual(r[field], `${p}.${field}`);
    if (typeof r.role !== "string" || !roleIds.has(r.role)) add(`${p}.role`, "planProblemUnknownRef", { id: String(r.role), list: "roles" });
  });

  const indicators = array(raw.indicators, "indicators", true);
  ids(indicators, "indicators");
  indicators.forEach((ind, i) => {
    const p = `indicators[${i}]`;
    if (!isObj(ind)) {
      add(p, "planProblemNotObject");
      return;
    }
    oneOf(ind.kind, INDICATOR_KINDS, `${p}.kind`);
    bilingual(ind.name, `${p}.name`);
    bilingual(ind.definition, `${p}.definition`);
    oneOf(ind.unit, INDICATOR_UNITS, `${p}.unit`);
    number(ind.target, `${p}.target`);
    if (ind.direction !== undefined) oneOf(ind.direction, ["higher", "lower"], `${p}.direction`);
  });
  return problems;
}

let cache: ScheduleTemplate[] | undefined;

/** All templates, validated (throws listing every problem if a file is invalid: a developer error). */
export function listTemplates(): readonly ScheduleTemplate[] {
  if (cache) return cache;
  const problems: TemplateProblem[] = [];
  TEMPLATE_FILES.forEach((raw, i) => problems.push(...validateTemplate(raw, `#${i}`)));
  const seen = new Set<string>();
  TEMPLATE_FILES.forEach((raw, i) => {
    const tid = (raw as { id?: unknown }).id;
    if (typeof tid === "string" && seen.has(tid))
      problems.push({ template: `#${i}`, path: "id", message: tIn("en", "planProblemDuplicateId", { id: tid }) });
    if (typeof tid === "string") seen.add(tid);
  });
  if (problems.length > 0)
    throw new Error(`Invalid schedule template file(s):\n${problems.map((p) => `  ${p.template} ${p.path}: ${p.message}`).join("\n")}`);
  cache = TEMPLATE_FILES as ScheduleTemplate[];
  return cache;
}

export function templateIds(): string[] {
  return listTemplates().map((t) => t.id);
}

/** The template with this id, or undefined. */
export function findTemplate(id: string): ScheduleTemplate | undefined {
  return listTemplates().find((t) => t.id === id);
}
