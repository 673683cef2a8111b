/**
 * The sheet-name rules every writer and the pane share: what to do when a
 * sheet of the desired name exists (OnExisting) and the final names of the
 * sheets a spec will create (resolveSheetNames). Pure: the pane resolves
 * names with it before building a spec (the generators' cross-sheet formulas
 * use the final names), the Office.js writer (src/excel/writeWorkbook.ts)
 * applies the same rules when it writes.
 *
 * The name of one sheet (valid characters, 31 characters, "Name (2)") is
 * sanitizeSheetName / uniqueSheetName of src/core/generators/context.ts,
 * re-exported here so a reader finds every sheet-name rule through this module.
 */
import { sanitizeSheetName, uniqueSheetName } from "../generators/context";

export { sanitizeSheetName, uniqueSheetName };

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
