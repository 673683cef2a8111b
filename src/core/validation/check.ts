/**
 * One checker for the plan (plan/validate.ts) and the template files
 * (templates/index.ts): kinds of values (text, number, one of a list, date,
 * whole days, id, bilingual text, object, list, reference) and field tables
 * that say which field has which kind, in the order the problems are
 * reported. Each validator is its tables plus the rules that compare fields
 * (ids unique, references, loops, RACI).
 *
 * Every kind reports the same way in both: a missing field "is required"; a
 * value of the wrong kind says what was expected, and what it got where the
 * message has room for it (one of a list, dates, day counts, percentages).
 * Messages come from the i18n catalogue in the checker's locale.
 *
 * A kind returns whether the value is usable, so a rule can go on from it
 * (`then`): a target must first be a number before it can be > 0.
 */
import { parseIsoSerial } from "../dates";
import type { Locale, MessageKey, MessageParams } from "../i18n/start";
import { SUPPORTED_LOCALES, tIn } from "../i18n/start";
import { findCycles, type DependencyEdge } from "../plan/graph";
import { planCheckText, type PlanCheckKey } from "../plan/messages";

export interface Problem {
  path: string;
  message: string;
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value as a message shows what it got: text as it is, anything else as JSON. */
export const show = (v: unknown): string => {
  if (typeof v === "string") return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

/** A key of a record as a path segment: `.L05` for plain ids, `["a b"]` otherwise. */
export function keySegment(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** `base.field` (or `field` at the top). */
export const fieldPath = (base: string, field: string): string => (base === "" ? field : `${base}.${field}`);

/** The problems found so far, in the locale their messages are written in. */
export class Checks {
  readonly problems: Problem[] = [];
  constructor(readonly locale: Locale) {}
  /** A problem with a message of the shared catalogue. */
  add(path: string, key: MessageKey, params?: MessageParams): void {
    this.problems.push({ path, message: tIn(this.locale, key, params) });
  }
  /** A problem with a message of the plan checks (plan/messages.ts). */
  addCheck(path: string, key: PlanCheckKey, params?: MessageParams): void {
    this.problems.push({ path, message: planCheckText(this.locale, key, params) });
  }
}

/** A kind of value: checks `v` found at `path` (a field of `parent`), reports, and says whether it is usable. */
export type Kind = (c: Checks, v: unknown, path: string, parent: Obj) => boolean;

/** Fields and their kinds, checked (and reported) in this order. */
export type Table = readonly (readonly [field: string, kind: Kind])[];

/** Checks the fields of `obj` by the table. */
export function checkFields(c: Checks, obj: Obj, base: string, table: Table): void {
  for (const [field, kind] of table) kind(c, obj[field], fieldPath(base, field), obj);
}

const required = (c: Checks, path: string): false => {
  c.add(path, "planProblemRequired");
  return false;
};

/**
 * Text. Blank text (only spaces) is a problem unless `blank` is allowed; it is
 * said in plain words: "cannot be blank", or `blankKey` ("choose an owner").
 */
export function text(options: { blank?: boolean; blankKey?: PlanCheckKey } = {}): Kind {
  return (c, v, path) => {
    if (v === undefined) return required(c, path);
    if (typeof v !== "string") {
      c.add(path, "planProblemString");
      return false;
    }
    if (!options.blank && v.trim() === "") {
      c.addCheck(path, options.blankKey ?? "textRequired");
      return false;
    }
    return true;
  };
}

/** A finite number. NaN is a number box left blank or holding text: "enter a number". */
export function number(): Kind {
  return (c, v, path) => {
    if (typeof v === "number" && Number.isFinite(v)) return true;
    if (typeof v === "number" && Number.isNaN(v)) c.addCheck(path, "numberRequired");
    else if (v === undefined) required(c, path);
    else c.add(path, "planProblemNumber");
    return false;
  };
}

/** One of the allowed words. */
export function oneOf(allowed: readonly string[]): Kind {
  return (c, v, path) => {
    if (typeof v === "string" && allowed.includes(v)) return true;
    if (v === undefined) return required(c, path);
    c.add(path, "planProblemOneOf", { allowed: allowed.join(", "), got: show(v) });
    return false;
  };
}

/** true or false. */
export function bool(): Kind {
  return (c, v, path) => {
    if (typeof v === "boolean") return true;
    if (v === undefined) return required(c, path);
    c.add(path, "planProblemBoolean");
    return false;
  };
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function date(): Kind {
  const nonBlank = text();
  return (c, v, path, parent) => {
    if (!nonBlank(c, v, path, parent)) return false;
    const s = v as string;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) || Number.isNaN(parseIsoSerial(s))) {
      c.add(path, "planProblemDate", { got: s });
      return false;
    }
    return true;
  };
}

/** A whole number of working days, 1 or more (and at most `max` when given). */
export function wholeDays(max?: number): Kind {
  return (c, v, path) => {
    if (v === undefined) return required(c, path);
    if (typeof v === "number" && Number.isInteger(v) && v >= 1 && (max === undefined || v <= max)) return true;
    const got = typeof v === "number" && Number.isNaN(v) ? "—" : show(v);
    if (max === undefined) c.add(path, "planProblemDuration", { got });
    else c.addCheck(path, "durationRange", { max, got });
    return false;
  };
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** An id of a template file: letters, digits, _ . - (starting with a letter or digit). */
export function id(): Kind {
  return (c, v, path) => {
    if (typeof v === "string" && ID.test(v)) return true;
    if (v === undefined) return required(c, path);
    c.add(path, "planProblemId");
    return false;
  };
}

/** A text in every supported language ({"en": …, "zh-CN": …}), and no other. */
export function bilingual(): Kind {
  const entry = text();
  return (c, v, path, parent) => {
    const locales = SUPPORTED_LOCALES.join(", ");
    if (v === undefined) {
      c.addCheck(path, "bilingualRequired", { locales });
      return false;
    }
    if (!isObj(v)) {
      c.add(path, "planProblemBilingual", { locales });
      return false;
    }
    let ok = true;
    for (const locale of SUPPORTED_LOCALES) {
      const p = `${path}.${locale}`;
      if (v[locale] === undefined) {
        c.addCheck(p, "bilingualRequired", { locales });
        ok = false;
      } else ok = entry(c, v[locale], p, parent) && ok;
    }
    for (const key of Object.keys(v))
      if (!SUPPORTED_LOCALES.includes(key as Locale)) {
        c.add(`${path}.${key}`, "planProblemUnknownField");
        ok = false;
      }
    return ok;
  };
}

/** An object whose fields are checked by the table (given one). */
export function object(table: Table = []): Kind {
  return (c, v, path) => {
    if (!isObj(v)) {
      if (v === undefined) return required(c, path);
      c.add(path, "planProblemNotObject");
      return false;
    }
    checkFields(c, v, path, table);
    return true;
  };
}

/** A list; each item of the kind given (at `path[i]`). `nonEmpty`: an empty list is a problem (the list is still usable). */
export function list(item?: Kind, options: { nonEmpty?: boolean } = {}): Kind {
  return (c, v, path, parent) => {
    if (!Array.isArray(v)) {
      if (v === undefined) return required(c, path);
      c.add(path, "planProblemArray");
      return false;
    }
    if (options.nonEmpty && v.length === 0) c.add(path, "planProblemEmpty");
    if (item) v.forEach((x, i) => item(c, x, `${path}[${i}]`, parent));
    return true;
  };
}

/** May be absent; when present, of the kind given. */
export function optional(kind: Kind): Kind {
  return (c, v, path, parent) => v === undefined || kind(c, v, path, parent);
}

/** The kind, then a rule on a usable value (e.g. a number > 0); the rule reports itself and says whether the value passed. */
export function then(kind: Kind, rule: (c: Checks, v: unknown, path: string, parent: Obj) => boolean | void): Kind {
  return (c, v, path, parent) => kind(c, v, path, parent) && rule(c, v, path, parent) !== false;
}

/** A text that must be one of the known ids (read when checked: the ids of a list checked before). */
export function ref(kind: Kind, known: () => ReadonlySet<string>, unknown: (c: Checks, path: string, id: string) => void): Kind {
  return then(kind, (c, v, path) => {
    if (known().has(v as string)) return true;
    unknown(c, path, v as string);
    return false;
  });
}

/** The ids of a list of objects (at `path[i].id`), each of the id kind, reported when one repeats; items that are not objects are left to their own kind. */
export function ids(c: Checks, items: readonly unknown[], path: string, kind: Kind): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!isObj(item)) return;
    const p = `${path}[${i}].id`;
    if (!kind(c, item.id, p, item)) return;
    const itemId = item.id as string;
    if (seen.has(itemId)) c.add(p, "planProblemDuplicateId", { id: itemId });
    seen.add(itemId);
  });
  return seen;
}

/**
 * A task's predecessors: ids of tasks of the same list (`known`), each once.
 * Each one found becomes an edge (task → predecessor) for `reportCycles`.
 */
export function dependencies(known: () => ReadonlySet<string>, edges: DependencyEdge[]): Kind {
  const entry = text();
  const isList = list();
  return (c, v, path, task) => {
    if (!isList(c, v, path, task)) return false;
    const seen = new Set<string>();
    (v as unknown[]).forEach((dep, j) => {
      const p = `${path}[${j}]`;
      if (!entry(c, dep, p, task)) return;
      const depId = dep as string;
      if (!known().has(depId)) c.add(p, "planProblemMissingDependency", { id: depId });
      else if (seen.has(depId)) c.add(p, "planProblemDuplicateDependency", { id: depId });
      else if (typeof task.id === "string") edges.push({ from: task.id, to: depId, path: p });
      seen.add(depId);
    });
    return true;
  };
}

/** Every loop of the edges, at the dependency that closes it ("L01 → L02 → L01"); returns how many. */
export function reportCycles(c: Checks, edges: readonly DependencyEdge[]): number {
  const cycles = findCycles([...edges]);
  for (const cycle of cycles) c.add(cycle.path, "planProblemCycle", { cycle: cycle.ids.join(" → ") });
  return cycles.length;
}
