/**
 * The sheet-name rules every writer and the pane share: what to do when a
 * sheet of the desired name exists (OnExisting) and the final names of the
 * sheets a spec will create (resolveSheetNames). Pure: the pane resolves
 * names with it before building a spec (the generators' cross-sheet formulas
 * use the final names), the Office.js writer (src/excel/writeWorkbook.ts)
 * applies the same rules when it writes.
 *
 * The name of one sheet (valid characters, 31 characters, "Name (2)") is
 * sanitizeSheetName / uniqueSheetName below; the generators' context
 * re-exports them for older callers.
 */

const FORBIDDEN = /[:\\/?*[\]]/g;

/** Makes a valid Excel sheet name: no : \ / ? * [ ], not blank, ≤ 31 characters, no leading/trailing apostrophe. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31).trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

/**
 * Picks a free name: "Schedule", else "Schedule (2)", "Schedule (3)", ...
 * (Excel compares sheet names case-insensitively.)
 */
export function uniqueSheetName(desired: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = sanitizeSheetName(desired);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = numberedSheetName(base, i);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The n-th name uniqueSheetName tries for a taken (sanitized) `base`: "Base (n)", the base cut to keep 31 characters. */
export function numberedSheetName(base: string, n: number): string {
  const suffix = ` (${n})`;
  return base.slice(0, 31 - suffix.length).trimEnd() + suffix;
}

/** What to do when a sheet of the same name already exists: delete it first, or add "Name (2)". */
export type OnExisting = "replace" | "keepBoth";

/**
 * Final sheet names for the desired ones, given the names that exist:
 * keepBoth → "Name (2)" when taken; replace → the desired name (the old sheet
 * will be deleted). Two kinds never get the same name.
 */
export function resolveSheetNames<K extends string>(
  desired: Readonly<Record<K, string>>,
  existing: Iterable<string>,
  onExisting: OnExisting,
): Record<K, string> {
  const taken: string[] = onExisting === "keepBoth" ? [...existing] : [];
  const out = {} as Record<K, string>;
  for (const kind of Object.keys(desired) as K[]) {
    const name = uniqueSheetName(desired[kind], taken);
    out[kind] = name;
    taken.push(name);
  }
  return out;
}
