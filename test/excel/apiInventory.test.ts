/**
 * The Office.js API inventory: every Office.js member src/excel and
 * src/taskpane/host use, its requirement set from the `[Api set: …]`
 * annotations of @types/office-js, and the check that each is covered —
 * by an isSetSupported guard in front of it, or by the manifest's minimum
 * (<Requirements><Sets>). A use that needs more than it is guarded for fails
 * the test, naming the file and line. See test/support/officeApiInventory.ts
 * for what counts as a guard.
 */
import path from "path";
import { readFileSync, readdirSync } from "fs";
import {
  compareVersions,
  guardFor,
  manifestMinimums,
  officeApiUses,
  type OfficeApiUse,
} from "../support/officeApiInventory";

const root = path.resolve(__dirname, "..", "..");
const sourceFiles = ["src/excel", "src/taskpane/host"].flatMap((dir) =>
  readdirSync(path.join(root, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(root, dir, f)),
);

/**
 * Common Office APIs every Excel that runs add-ins supports, so the manifest
 * need not name them: the Settings set (Office.context.document.settings) is
 * Office 2013 and later, everywhere (Office Add-in requirement sets, "Settings").
 */
const BASELINE: ReadonlyMap<string, string> = new Map([["Settings", "1.1"]]);

/** Uses whose requirement exceeds both their guard and the manifest's minimum for that set. */
function uncovered(uses: readonly OfficeApiUse[], minimums: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const use of uses) {
    if (!use.set) continue;
    const floor = [guardFor(use, use.set.name), minimums.get(use.set.name), BASELINE.get(use.set.name)]
      .filter((v): v is string => v !== null && v !== undefined)
      .sort(compareVersions)
      .pop();
    if (!floor || compareVersions(use.set.version, floor) > 0) {
      out.push(`${use.file}:${use.line} ${use.member} needs ${use.set.name} ${use.set.version}, covered up to ${floor ? `${use.set.name} ${floor}` : "nothing"}`);
    }
  }
  return out;
}

describe("Office.js API inventory (src/excel, src/taskpane/host)", () => {
  const uses = officeApiUses(sourceFiles, { root });
  const minimums = manifestMinimums(readFileSync(path.join(root, "manifest.xml"), "utf8"));

  it("finds the Office.js members the code uses, with their requirement sets", () => {
    expect(uses.length).toBeGreaterThan(150);
    const set = (member: string) => uses.find((u) => u.member === member)?.set;
    expect(set("Worksheet.pageLayout")).toEqual({ name: "ExcelApi", version: "1.9" });
    expect(set("Range.getSpillingToRangeOrNullObject")).toEqual({ name: "ExcelApi", version: "1.12" });
    expect(set("ConditionalFormat.stopIfTrue")).toEqual({ name: "ExcelApi", version: "1.6" });
    expect(set("Settings.saveAsync")).toEqual({ name: "Settings", version: "1.1" });
    expect(set("Range.load")).toBeNull(); // load/sync/items: no annotation, nothing needed
  });

  it("sees the isSetSupported guards in front of calls (custom XML parts behind ExcelApi 1.5)", () => {
    const customXml = uses.filter((u) => u.member.startsWith("CustomXmlPartCollection.") || u.member === "Workbook.customXmlParts");
    expect(customXml.length).toBeGreaterThan(0);
    expect(customXml.map((u) => [u.file, u.line, guardFor(u, "ExcelApi")])).toEqual(customXml.map((u) => [u.file, u.line, "1.5"]));
  });

  it("every use is covered by its guard or by the manifest's minimum", () => {
    expect(uncovered(uses, minimums)).toEqual([]);
  });

  it("the manifest's ExcelApi minimum is what the unguarded code needs, no more", () => {
    const unguardedExcel = uses.filter((u) => u.set?.name === "ExcelApi" && guardFor(u, "ExcelApi") === null).map((u) => u.set!.version);
    const needed = unguardedExcel.sort(compareVersions).pop();
    expect(minimums.get("ExcelApi")).toBe(needed);
  });

  it("lists the sets used (README compatibility table)", () => {
    const sets = new Map<string, Set<string>>();
    for (const u of uses) if (u.set) (sets.get(u.set.name) ?? sets.set(u.set.name, new Set()).get(u.set.name)!).add(u.set.version);
    const listed = [...sets].map(([name, versions]) => `${name} ${[...versions].sort(compareVersions).join(", ")}`).sort();
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed.some((l) => l.startsWith("ExcelApi 1.1,"))).toBe(true);
  });
});

describe("the inventory check itself", () => {
  const fixture = path.join(root, "test", "excel", "__virtual__", "guards.ts");
  const text = `
    const NEEDS = { set: "ExcelApi", version: "1.12" } as const;
    function canSpill(): boolean { return Office.context.requirements.isSetSupported(NEEDS.set, NEEDS.version); }
    export function underGuarded(range: Excel.Range) {
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.5")) range.getSpillingToRangeOrNullObject();
    }
    export function unguarded(range: Excel.Range) { range.getSpillingToRangeOrNullObject(); }
    export function guardedByFunction(range: Excel.Range) { if (canSpill()) range.getSpillingToRangeOrNullObject(); }
    export function guardedByEarlyExit(range: Excel.Range) {
      if (!canSpill()) throw new Error("old Excel");
      range.getSpillingToRangeOrNullObject();
    }
    export function guardedInTernary(range: Excel.Range) { return canSpill() && true ? range.getSpillingToRangeOrNullObject() : null; }
    export function baseline(range: Excel.Range) { range.load("values"); return range.values; }
  `;
  const uses = officeApiUses([fixture], { root, virtualFiles: { [fixture]: text } });

  it("reports a call needing more than its guard, or unguarded above the manifest's minimum — and only those", () => {
    const problems = uncovered(uses, new Map([["ExcelApi", "1.9"]]));
    expect(problems).toEqual([
      "test/excel/__virtual__/guards.ts:5 Range.getSpillingToRangeOrNullObject needs ExcelApi 1.12, covered up to ExcelApi 1.9",
      "test/excel/__virtual__/guards.ts:7 Range.getSpillingToRangeOrNullObject needs ExcelApi 1.12, covered up to ExcelApi 1.9",
    ]);
    // Without a manifest minimum even ExcelApi 1.1 (range.values) is uncovered: Excel 2013 runs add-ins without it.
    expect(uncovered(uses, new Map())).toHaveLength(3);
    expect(uncovered(uses, new Map([["ExcelApi", "1.12"]]))).toEqual([]);
  });
});
