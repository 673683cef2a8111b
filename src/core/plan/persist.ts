/**
 * The plan as saved inside the workbook: versioned JSON.
 *
 *   {"format":"opskit.plan","version":1,"plan":{...}}
 *
 * `parsePlan` never throws. A saved plan that is corrupt, from an older
 * version, or from a newer one is read field by field: every field that has
 * the right shape is kept, every other one gets its blank default, and each
 * such repair is reported as a PlanProblem with the field's path, in the
 * requested language. Only text that is not a JSON object at all gives
 * `plan: null` (the pane then starts a new plan and says why).
 *
 * This checks shapes, not meaning: a task that depends on an unknown task id
 * is kept here and reported by validatePlan.
 *
 * Migrations, by saved format:
 *   1 → 2  the launch task is named (schedule.launchTaskId): the template's
 *          launch task when the plan still has it, else the task that started
 *          on the saved launch date (a milestone first); launchDate then follows
 *          that task's start. A launch date no task started on is dropped, with
 *          a note at schedule.launchDate.
 */
import { i18n } from "../i18n/start";
import type { Locale } from "../i18n/start";
import {
  PLAN_VERSION,
  type Contingency,
  type ContingencyStatus,
  type FiveW2H,
  type GoalType,
  type Indicator,
  type IndicatorKind,
  type IndicatorUnit,
  type Person,
  type Plan,
  type PlanProblem,
  type PlanTask,
  type RaciLetter,
  type TaskStatus,
} from "./types";
import { parseIsoSerial } from "../dates";
import { TEMPLATE_LAUNCH_TASKS } from "../templates/launchTasks";
import { syncLaunchDate } from "./launch";
import { scheduleDates } from "./scheduleDates";

export const PLAN_FORMAT = "opskit.plan";

export interface ParsedPlan {
  /** The plan as far as it could be read; null when nothing usable was saved. */
  plan: Plan | null;
  /** One entry per field that had to be dropped or defaulted, plus version notes. */
  problems: PlanProblem[];
  /** True when `plan` differs from what was saved (something was repaired or migrated). */
  recovered: boolean;
}

// ---------------------------------------------------------------------------
// Messages (own namespace on the shared catalogue; no edits to others' catalogues)
// ---------------------------------------------------------------------------

const NS = "planPersist";
const messages = {
  en: {
    notJson: "The plan saved in this workbook could not be read (it is not valid JSON). A new plan was started.",
    notObject: "The plan saved in this workbook is not a plan. A new plan was started.",
    wrongFormat: "The saved data is not an OpsKit plan; its fields were read as far as possible.",
    olderVersion: "The plan was saved by an older OpsKit (format {{saved}}); it was updated to format {{current}}.",
    newerVersion: "The plan was saved by a newer OpsKit (format {{saved}}); fields this version does not know were left out.",
    badField: "This field was unreadable and was reset.",
    badItem: "This entry was unreadable and was removed.",
    launchDropped: "The launch date {{date}} belonged to no task, so it was dropped: choose the launch task on the Schedule step.",
  },
  "zh-CN": {
    notJson: "无法读取此工作簿中保存的计划（不是有效的 JSON），已新建计划。",
    notObject: "此工作簿中保存的内容不是计划，已新建计划。",
    wrongFormat: "保存的数据不是 OpsKit 计划，已尽量读取其中的字段。",
    olderVersion: "该计划由旧版 OpsKit 保存（格式 {{saved}}），已升级到格式 {{current}}。",
    newerVersion: "该计划由新版 OpsKit 保存（格式 {{saved}}），本版本不认识的字段已忽略。",
    badField: "此字段无法读取，已重置。",
    badItem: "此条目无法读取，已删除。",
    launchDropped: "发布日期 {{date}} 不对应任何任务，已删除：请在“进度计划”步骤中选择发布任务。",
  },
} as const;
type MessageId = keyof (typeof messages)["en"];

for (const lng of Object.keys(messages) as Locale[]) {
  if (!i18n.hasResourceBundle(lng, NS)) i18n.addResourceBundle(lng, NS, messages[lng]);
}

function say(locale: Locale, id: MessageId, params?: Record<string, string | number>): string {
  return i18n.getFixedT(locale, NS)(id, params ?? {});
}

// ---------------------------------------------------------------------------
// Blank plan
// ---------------------------------------------------------------------------

const BLANK_5W2H: FiveW2H = { what: "", why: "", who: "", when: "", where: "", how: "", howMuch: "" };

/** A plan with every field at its blank default. */
export function blankPlan(locale: Locale = "en"): Plan {
  return {
    version: PLAN_VERSION,
    locale,
    title: "",
    goal: { type: "users", target: { value: 0, unit: "", by: "" }, fiveW2H: { ...BLANK_5W2H } },
    team: { people: [], channels: [] },
    schedule: { templateId: "", startDate: "", holidays: [], tasks: [] },
    raci: {},
    indicators: [],
    contingencies: [],
  };
}

// ---------------------------------------------------------------------------
// Serialize
// ---------------------------------------------------------------------------

export function serializePlan(plan: Plan): string {
  return JSON.stringify({ format: PLAN_FORMAT, version: PLAN_VERSION, plan });
}

// ---------------------------------------------------------------------------
// Parse
// ---------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Collects repairs while a plan is read. */
class Reader {
  readonly problems: PlanProblem[] = [];
  constructor(readonly locale: Locale) {}

  field(path: string): void {
    this.problems.push({ path, message: say(this.locale, "badField") });
  }
  item(path: string): void {
    this.problems.push({ path, message: say(this.locale, "badItem") });
  }

  /** A string field; numbers are accepted as their text. */
  str(o: Obj, key: string, path: string, fallback = ""): string {
    const v = o[key];
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    this.field(path);
    return fallback;
  }
  optStr(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    this.field(path);
    return undefined;
  }
  num(o: Obj, key: string, path: string, fallback = 0): number {
    const v = o[key];
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    this.field(path);
    return fallback;
  }
  /** A number the plan requires; null is how JSON saves a box left blank (NaN), kept blank for validation to report. */
  numOrBlank(o: Obj, key: string, path: string, fallback: number): number {
    return o[key] === null ? NaN : this.num(o, key, path, fallback);
  }
  optNum(o: Obj, key: string, path: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    this.field(path);
    return undefined;
  }
  bool(o: Obj, key: string, path: string): boolean {
    const v = o[key];
    if (typeof v === "boolean") return v;
    if (v !== undefined) this.field(path);
    return false;
  }
  word<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[], fallback: T): T {
    const v = o[key];
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    this.field(path);
    return fallback;
  }
  optWord<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    this.field(path);
    return undefined;
  }
  obj(o: Obj, key: string, path: string): Obj {
    const v = o[key];
    if (isObj(v)) return v;
    this.field(path);
    return {};
  }
  strList(o: Obj, key: string, path: string): string[] {
    const v = o[key];
    if (!Array.isArray(v)) {
      this.field(path);
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x === "string") out.push(x);
      else this.item(`${path}[${i}]`);
    });
    return out;
  }
  /** A list of objects; an entry that is not an object is dropped. */
  list<T>(o: Obj, key: string, path: string, read: (item: Obj, path: string) => T): T[] {
    const v = o[key];
    if (v === undefined) {
      this.field(path);
      return [];
    }
    if (!Array.isArray(v)) {
      this.field(path);
      return [];
    }
    const out: T[] = [];
    v.forEach((x, i) => {
      if (isObj(x)) out.push(read(x, `${path}[${out.length}]`));
      else this.item(`${path}[${i}]`);
    });
    return out;
  }
}

const GOAL_TYPES: readonly GoalType[] = ["users", "revenue", "activity"];
const TASK_STATUSES: readonly TaskStatus[] = ["notStarted", "inProgress", "blocked", "done"];
const INDICATOR_KINDS: readonly IndicatorKind[] = [
  "registrations", "nextDayRetention", "cycleRetention", "channelRetention", "activityRate",
  "paymentRate", "arpu", "arppu", "funnelStep", "custom",
];
const INDICATOR_UNITS: readonly IndicatorUnit[] = ["percent", "count", "currency", "days"];
const CONTINGENCY_STATUSES: readonly ContingencyStatus[] = ["watching", "triggered", "resolved"];
const RACI_LETTERS: readonly RaciLetter[] = ["R", "A", "C", "I"];
const LOCALES: readonly Locale[] = ["en", "zh-CN"];
const FIVE_W2H_KEYS: readonly (keyof FiveW2H)[] = ["what", "why", "who", "when", "where", "how", "howMuch"];

/** Ids must be unique and non-blank; a missing or repeated id is replaced by a fresh one. */
function idOf(r: Reader, o: Obj, path: string, prefix: string, seen: Set<string>): string {
  let id = r.str(o, "id", `${path}.id`);
  if (id.trim() === "" || seen.has(id)) {
    if (id.trim() !== "") r.field(`${path}.id`);
    let n = seen.size + 1;
    while (seen.has(`${prefix}${n}`)) n++;
    id = `${prefix}${n}`;
  }
  seen.add(id);
  return id;
}

function readPlan(r: Reader, p: Obj, saved: number): Plan {
  const goalObj = r.obj(p, "goal", "goal");
  const targetObj = r.obj(goalObj, "target", "goal.target");
  const fiveObj = r.obj(goalObj, "fiveW2H", "goal.fiveW2H");
  const fiveW2H = { ...BLANK_5W2H };
  for (const k of FIVE_W2H_KEYS) fiveW2H[k] = r.str(fiveObj, k, `goal.fiveW2H.${k}`);

  const teamObj = r.obj(p, "team", "team");
  const personIds = new Set<string>();
  const people = r.list<Person>(teamObj, "people", "team.people", (o, path) => ({
    id: idOf(r, o, path, "p", personIds),
    name: r.str(o, "name", `${path}.name`),
    role: r.str(o, "role", `${path}.role`),
  }));
  const team: Plan["team"] = { people, channels: r.strList(teamObj, "channels", "team.channels") };
  const budget = r.optNum(teamObj, "budget", "team.budget");
  if (budget !== undefined) team.budget = budget;
  const currency = r.optStr(teamObj, "currency", "team.currency");
  if (currency !== undefined) team.currency = currency;

  const schedObj = r.obj(p, "schedule", "schedule");
  const taskIds = new Set<string>();
  const tasks = r.list<PlanTask>(schedObj, "tasks", "schedule.tasks", (o, path) => {
    const task: PlanTask = {
      id: idOf(r, o, path, "t", taskIds),
      phase: r.str(o, "phase", `${path}.phase`),
      name: r.str(o, "name", `${path}.name`),
      ownerId: r.str(o, "ownerId", `${path}.ownerId`),
      durationDays: r.numOrBlank(o, "durationDays", `${path}.durationDays`, 1),
      dependsOn: r.strList(o, "dependsOn", `${path}.dependsOn`),
      milestone: r.bool(o, "milestone", `${path}.milestone`),
    };
    const start = r.optStr(o, "start", `${path}.start`);
    if (start !== undefined) task.start = start;
    const status = r.optWord(o, "status", `${path}.status`, TASK_STATUSES);
    if (status !== undefined) task.status = status;
    const pct = r.optNum(o, "percentComplete", `${path}.percentComplete`);
    if (pct !== undefined) task.percentComplete = pct;
    return task;
  });
  const schedule: Plan["schedule"] = {
    templateId: r.str(schedObj, "templateId", "schedule.templateId"),
    startDate: r.str(schedObj, "startDate", "schedule.startDate"),
    holidays: r.strList(schedObj, "holidays", "schedule.holidays"),
    tasks,
  };
  const launch = r.optStr(schedObj, "launchDate", "schedule.launchDate");
  if (launch !== undefined) schedule.launchDate = launch;
  const launchTask = r.optStr(schedObj, "launchTaskId", "schedule.launchTaskId");
  if (launchTask !== undefined) schedule.launchTaskId = launchTask;
  if (schedObj.launchPinned === true) schedule.launchPinned = true;
  if (saved < 2 && launchTask === undefined) migrateLaunch(r, schedule);
  else syncLaunchDate({ schedule });

  const raci: Plan["raci"] = {};
  const raciObj = r.obj(p, "raci", "raci");
  for (const [taskId, row] of Object.entries(raciObj)) {
    if (!isObj(row)) {
      r.item(`raci.${taskId}`);
      continue;
    }
    const out: Record<string, RaciLetter> = {};
    for (const [personId, letter] of Object.entries(row)) {
      if (typeof letter === "string" && (RACI_LETTERS as readonly string[]).includes(letter)) out[personId] = letter as RaciLetter;
      else r.item(`raci.${taskId}.${personId}`);
    }
    raci[taskId] = out;
  }

  const indicatorIds = new Set<string>();
  const indicators = r.list<Indicator>(p, "indicators", "indicators", (o, path) => {
    const ind: Indicator = {
      id: idOf(r, o, path, "k", indicatorIds),
      kind: r.word(o, "kind", `${path}.kind`, INDICATOR_KINDS, "custom"),
      name: r.str(o, "name", `${path}.name`),
      definition: r.str(o, "definition", `${path}.definition`),
      unit: r.word(o, "unit", `${path}.unit`, INDICATOR_UNITS, "count"),
      target: r.numOrBlank(o, "target", `${path}.target`, 0),
    };
    const direction = r.optWord(o, "direction", `${path}.direction`, ["higher", "lower"] as const);
    if (direction !== undefined) ind.direction = direction;
    const formula = r.optStr(o, "actualFormula", `${path}.actualFormula`);
    if (formula !== undefined) ind.actualFormula = formula;
    const actual = r.optNum(o, "actual", `${path}.actual`);
    if (actual !== undefined) ind.actual = actual;
    const review = r.optStr(o, "reviewDate", `${path}.reviewDate`);
    if (review !== undefined) ind.reviewDate = review;
    return ind;
  });

  const contingencyIds = new Set<string>();
  const contingencies = r.list<Contingency>(p, "contingencies", "contingencies", (o, path) => ({
    id: idOf(r, o, path, "c", contingencyIds),
    risk: r.str(o, "risk", `${path}.risk`),
    trigger: r.str(o, "trigger", `${path}.trigger`),
    response: r.str(o, "response", `${path}.response`),
    ownerId: r.str(o, "ownerId", `${path}.ownerId`),
    resources: r.str(o, "resources", `${path}.resources`),
    status: r.word(o, "status", `${path}.status`, CONTINGENCY_STATUSES, "watching"),
  }));

  return {
    version: PLAN_VERSION,
    locale: r.locale,
    title: r.str(p, "title", "title"),
    goal: {
      type: r.word(goalObj, "type", "goal.type", GOAL_TYPES, "users"),
      target: {
        value: r.numOrBlank(targetObj, "value", "goal.target.value", 0),
        unit: r.str(targetObj, "unit", "goal.target.unit"),
        by: r.str(targetObj, "by", "goal.target.by"),
      },
      fiveW2H,
    },
    team,
    schedule,
    raci,
    indicators,
    contingencies,
  };
}

/** Format 1 → 2: names the launch task from the template, or from the saved launch date. */
function migrateLaunch(r: Reader, schedule: Plan["schedule"]): void {
  const tasks = schedule.tasks;
  const templateId = schedule.templateId;
  const fromTemplate = templateId !== undefined && Object.prototype.hasOwnProperty.call(TEMPLATE_LAUNCH_TASKS, templateId) ? TEMPLATE_LAUNCH_TASKS[templateId] : undefined;
  let id = fromTemplate !== undefined && tasks.some((t) => t.id === fromTemplate) ? fromTemplate : undefined;
  if (id === undefined && schedule.launchDate !== undefined) {
    try {
      const dates = scheduleDates({ schedule });
      const day = Math.trunc(parseIsoSerial(schedule.launchDate));
      const starting = tasks.filter((t) => dates.get(t.id)?.start === day);
      id = (starting.find((t) => t.milestone) ?? starting[0])?.id;
    } catch {
      // A schedule with a cycle: no launch task can be found; the note below says so.
    }
  }
  if (id !== undefined) schedule.launchTaskId = id;
  else if (schedule.launchDate !== undefined) r.problems.push({ path: "schedule.launchDate", message: say(r.locale, "launchDropped", { date: schedule.launchDate }) });
  syncLaunchDate({ schedule });
}

export interface ParseOptions {
  /** Language of the problem messages, and of the plan when it names none. Default "en". */
  locale?: Locale;
}

/**
 * Reads a saved plan. Blank text means "nothing saved": `{ plan: null, problems: [] }`.
 * Never throws.
 */
export function parsePlan(text: string | null | undefined, options: ParseOptions = {}): ParsedPlan {
  const uiLocale = options.locale ?? "en";
  try {
    if (text === null || text === undefined || text.trim() === "") return { plan: null, problems: [], recovered: false };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return { plan: null, problems: [{ path: "", message: say(uiLocale, "notJson") }], recovered: false };
    }
    if (!isObj(data)) return { plan: null, problems: [{ path: "", message: say(uiLocale, "notObject") }], recovered: false };

    const notes: PlanProblem[] = [];
    let body: Obj;
    let saved: number;
    if (data.format === PLAN_FORMAT && isObj(data.plan)) {
      body = data.plan;
      saved = typeof data.version === "number" ? data.version : 0;
    } else if ("goal" in data || "schedule" in data || "team" in data) {
      // A bare plan object: how a first preview saved it (format 0).
      body = data;
      saved = typeof data.version === "number" ? data.version : 0;
    } else {
      return { plan: null, problems: [{ path: "", message: say(uiLocale, "notObject") }], recovered: false };
    }
    if (data.format !== undefined && data.format !== PLAN_FORMAT) notes.push({ path: "", message: say(uiLocale, "wrongFormat") });
    if (saved < PLAN_VERSION) notes.push({ path: "version", message: say(uiLocale, "olderVersion", { saved, current: PLAN_VERSION }) });
    if (saved > PLAN_VERSION) notes.push({ path: "version", message: say(uiLocale, "newerVersion", { saved, current: PLAN_VERSION }) });

    const planLocale = typeof body.locale === "string" && (LOCALES as readonly string[]).includes(body.locale) ? (body.locale as Locale) : undefined;
    const reader = new Reader(uiLocale);
    if (planLocale === undefined) reader.field("locale");
    const plan = readPlan(reader, body, saved);
    plan.locale = planLocale ?? uiLocale;
    const problems = [...notes, ...reader.problems];
    return { plan, problems, recovered: problems.length > 0 };
  } catch {
    // Defensive: nothing above should throw, but a saved plan must never break the pane.
    return { plan: null, problems: [{ path: "", message: say(uiLocale, "notJson") }], recovered: false };
  }
}
