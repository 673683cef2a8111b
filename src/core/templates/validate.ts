/**
 * What a schedule template file is (its types) and how one is checked: the
 * field tables of the one checker (src/core/validation/check.ts) plus the
 * rules that compare fields. No template data here: the list of every
 * template is index.ts, and the task pane's start path validates just the
 * default template with checkedTemplates (src/taskpane/planSources.ts), so
 * building a new plan does not fetch the other templates.
 */
import type { FiveW2H, GoalType, IndicatorKind, IndicatorUnit, RaciLetter } from "../plan/types";
import type { Locale } from "../i18n/start";
import { tIn } from "../i18n/start";
import type { DependencyEdge } from "../plan/graph";
import {
  Checks, bilingual, bool, checkFields, dependencies, id, ids, isObj, list, number, object, oneOf, optional, ref, reportCycles,
  text, then, wholeDays, type Kind, type Table,
} from "../validation/check";

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
  /** Which file (its id when readable, else its position among the files checked). */
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

/** A reference to an id of another list of the template, read so far by the checker ("ceo" is not one of the roles). */
const refTo = (listName: string, known: (c: TemplateChecks) => ReadonlySet<string>): Kind => (c, v, path, parent) =>
  ref(text(), () => known(c as TemplateChecks), (c, p, refId) => c.add(p, "planProblemUnknownRef", { id: refId, list: listName }))(c, v, path, parent);

const goalTable: Table = [
  ["type", oneOf(GOAL_TYPES)],
  ["target", object([
    ["value", number()],
    ["unit", bilingual()],
  ])],
  ["fiveW2H", object(FIVE_W2H_KEYS.map((key) => [key, bilingual()] as const))],
];

const namedTable: Table = [["name", bilingual()]];

const indicatorTable: Table = [
  ["kind", oneOf(INDICATOR_KINDS)],
  ["name", bilingual()],
  ["definition", bilingual()],
  ["unit", oneOf(INDICATOR_UNITS)],
  ["target", number()],
  ["direction", optional(oneOf(["higher", "lower"]))],
];

/** Other roles' letters of a task: roles of the template, R, C or I (the task's own role is always A). */
const taskRaci: Kind = optional((c, v, path, task) => {
  if (!object()(c, v, path, task)) return false;
  const roleIds = (c as TemplateChecks).roleIds;
  for (const [roleId, letter] of Object.entries(v as Record<string, unknown>)) {
    const p = `${path}.${roleId}`;
    if (!roleIds.has(roleId)) c.add(p, "planProblemUnknownRef", { id: roleId, list: "roles" });
    if (roleId === task.role) c.add(p, "planProblemTemplateOwnerRaci");
    oneOf(NON_A_LETTERS)(c, letter, p, task);
  }
  return true;
});

/** The checker, with the ids of the lists read so far (references are checked against them). */
class TemplateChecks extends Checks {
  roleIds: ReadonlySet<string> = new Set();
  phaseIds: ReadonlySet<string> = new Set();
  taskIds: ReadonlySet<string> = new Set();
  readonly edges: DependencyEdge[] = [];
}

/** A list whose items are objects with an id and the table's fields: the ids first, then each item. */
function listOfItems(table: Table, done?: (c: TemplateChecks, itemIds: Set<string>) => void): Kind {
  return then(list(undefined, { nonEmpty: true }), (c, items, path) => {
    const itemIds = ids(c, items as unknown[], path, id());
    done?.(c as TemplateChecks, itemIds);
    (items as unknown[]).forEach((item, i) => object(table)(c, item, `${path}[${i}]`, {}));
  });
}

const roles = (c: TemplateChecks) => c.roleIds;
const phases = (c: TemplateChecks) => c.phaseIds;
const tasks = (c: TemplateChecks) => c.taskIds;

const taskTable: Table = [
  ["phase", refTo("phases", phases)],
  ["name", bilingual()],
  ["role", refTo("roles", roles)],
  ["durationDays", wholeDays()],
  ["milestone", bool()],
  ["dependsOn", (c, v, path, task) => dependencies(() => tasks(c as TemplateChecks), (c as TemplateChecks).edges)(c, v, path, task)],
  ["raci", taskRaci],
];

const riskTable: Table = [
  ["risk", bilingual()],
  ["trigger", bilingual()],
  ["response", bilingual()],
  ["resources", bilingual()],
  ["role", refTo("roles", roles)],
];

/** A template file: every field, in the order problems are reported. */
const templateTable: Table = [
  ["id", id()],
  ["name", bilingual()],
  ["description", bilingual()],
  ["goal", object(goalTable)],
  ["roles", listOfItems(namedTable, (c, itemIds) => void (c.roleIds = itemIds))],
  ["phases", listOfItems(namedTable, (c, itemIds) => void (c.phaseIds = itemIds))],
  // Loops are reported once every task has been read.
  ["tasks", then(listOfItems(taskTable, (c, itemIds) => void (c.taskIds = itemIds)), (c) => void reportCycles(c, (c as TemplateChecks).edges))],
  ["launchTaskId", optional(refTo("tasks", tasks))],
  ["risks", listOfItems(riskTable)],
  ["indicators", listOfItems(indicatorTable)],
];

/**
 * Validates one template file; every problem with its path. Messages in English
 * (developer-facing). The kinds and their messages are the plan's
 * (src/core/validation/check.ts): a missing field "is required", a wrong value
 * says what it got where the message has room for it.
 */
export function validateTemplate(raw: unknown, label = "?"): TemplateProblem[] {
  const template = isObj(raw) && typeof raw.id === "string" ? raw.id : label;
  const c = new TemplateChecks("en");
  if (!isObj(raw)) c.add("", "planProblemNotObject");
  else checkFields(c, raw, "", templateTable);
  return c.problems.map((p) => ({ template, ...p }));
}

/**
 * These template files, validated, their ids distinct (throws listing every
 * problem if a file is invalid: a developer error). A problem names its file
 * by id, or by position (`#0`, …) where the id is unreadable or repeated.
 */
export function checkedTemplates(files: readonly unknown[]): ScheduleTemplate[] {
  const problems: TemplateProblem[] = [];
  files.forEach((raw, i) => problems.push(...validateTemplate(raw, `#${i}`)));
  const seen = new Set<string>();
  files.forEach((raw, i) => {
    const tid = isObj(raw) ? raw.id : undefined;
    if (typeof tid === "string" && seen.has(tid))
      problems.push({ template: `#${i}`, path: "id", message: tIn("en", "planProblemDuplicateId", { id: tid }) });
    if (typeof tid === "string") seen.add(tid);
  });
  if (problems.length > 0)
    throw new Error(`Invalid schedule template file(s):\n${problems.map((p) => `  ${p.template} ${p.path}: ${p.message}`).join("\n")}`);
  return files as ScheduleTemplate[];
}
