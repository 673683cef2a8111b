/**
 * Option checks shared by the SQL generators. Options come from the task
 * pane (typed) or the command line (text), so every one is checked at run
 * time; a bad one throws SqlOptionError saying which option, what it got
 * and what is allowed. Words are trimmed and case-insensitive, as in Excel.
 */
import { DEFAULT_PERIOD_COUNT, MAX_PERIOD, PERIOD_WORDS, Period } from "../metrics/retention";
import { SqlOptionError } from "./dialect";

/** An option word; undefined, null or "" gives the default. */
export function word<W extends string>(value: unknown, name: string, allowed: readonly W[], fallback: W): W {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return fallback;
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  const match = allowed.find((w) => w === text);
  if (match === undefined) {
    throw new SqlOptionError(`${name} must be one of: ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
  }
  return match;
}

export function periodOption(value: unknown, fallback: Period): Period {
  return word(value, "period", PERIOD_WORDS, fallback);
}

/**
 * `periods`: a number N (columns 1..N) or a list of offsets in column order;
 * omitted → the period's default N. Offsets are whole numbers from 1 to
 * 16,382 (as in Excel); a list may not repeat one (each is a column name).
 */
export function periodsOption(value: unknown, period: Period): number[] {
  if (value === undefined || value === null) return firstN(DEFAULT_PERIOD_COUNT[period]);
  if (typeof value === "number") return firstN(offset(value, "periods"));
  if (!Array.isArray(value) || value.length === 0) {
    throw new SqlOptionError(`periods must be a number N or a non-empty list of period numbers such as [1, 7, 30] (got ${JSON.stringify(value)})`);
  }
  const list = value.map((v: unknown) => offset(v, "periods"));
  const seen = new Set<number>();
  for (const k of list) {
    if (seen.has(k)) throw new SqlOptionError(`periods lists ${k} twice; each period is one column`);
    seen.add(k);
  }
  return list;
}

function offset(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_PERIOD) {
    throw new SqlOptionError(`${name} must be whole numbers from 1 to ${MAX_PERIOD} (got ${JSON.stringify(value)})`);
  }
  return value;
}

function firstN(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** A finite number > 0; undefined/null gives the default. */
export function positiveNumber(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new SqlOptionError(`${name} must be a number greater than 0 (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** A list of non-blank texts, trimmed. */
export function textList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new SqlOptionError(`${name} must be a non-empty list of names (got ${JSON.stringify(value)})`);
  }
  return value.map((v: unknown, i: number) => {
    const text = typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
    if (text === "") throw new SqlOptionError(`${name} entry ${i + 1} is blank (got ${JSON.stringify(v)})`);
    return text;
  });
}

/** Options a generator does not know are a mistake (a typo would silently change nothing). */
export function onlyKnown(options: object, known: readonly string[], metric: string): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key) && (options as Record<string, unknown>)[key] !== undefined) {
      throw new SqlOptionError(`${metric} has no option "${key}"; its options are: ${known.join(", ")}`);
    }
  }
}
