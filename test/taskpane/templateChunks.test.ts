/**
 * What the pane's start path holds of the schedule templates: a new plan is
 * built from the default template file alone (src/taskpane/planSources.ts,
 * the "plan-default" chunk), the same plan core's planFromTemplate builds;
 * the list of every template (src/core/templates/index.ts) is reached only
 * through the dynamic import of the template choice (templateChoice.ts, the
 * "plan-templates" chunk). Checked on the static imports of the sources
 * (what webpack puts in a chunk with its importer); what the browser really
 * fetches is test/e2e/startup.e2e.test.ts.
 */
import { existsSync, readFileSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import { planFromTemplate } from "../../src/core/plan/fromTemplate";
import { TEMPLATE_FILES, checkedTemplates, listTemplates } from "../../src/core/templates";
import { DEFAULT_TEMPLATE, newPlan, nextMonday } from "../../src/taskpane/planSources";
import { applyTemplate, templateChoices } from "../../src/taskpane/templateChoice";

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");

/** Runtime imports (not `import type` / `export type`) written in a source file. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\s)[^;]*?\bfrom\s+"([^"]+)"/gm)) specs.push(m[2]!);
  for (const m of text.matchAll(/^\s*import\s+"([^"]+)"/gm)) specs.push(m[1]!);
  return specs;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined; // packages
  const base = resolve(dirname(from), spec);
  const candidates = /\.json$/.test(base) ? [base] : [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`${relative(ROOT, from)}: cannot resolve ${spec}`);
  return found;
}

/** Every source file reachable from `entry` by static imports (what shares its chunk), relative to src/. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [join(SRC, entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    const rel = relative(SRC, file);
    if (seen.has(rel)) continue;
    seen.add(rel);
    if (!/\.tsx?$/.test(file)) continue;
    for (const spec of staticImports(file)) {
      const target = resolveImport(file, spec);
      if (target) todo.push(target);
    }
  }
  return seen;
}

const templateFiles = (files: Set<string>) => [...files].filter((f) => f.startsWith(join("core", "templates"))).sort();

describe("the start path's templates", () => {
  it("the pane's own script reaches no template file and not the list", () => {
    const files = reachable(join("taskpane", "index.tsx"));
    expect(files.has(join("taskpane", "App.tsx"))).toBe(true); // the walk follows the pane's imports
    expect(files.has(join("taskpane", "planSources.ts"))).toBe(false);
    // launchTasks.ts is the plan migration's table of launch task ids, no template data.
    expect(templateFiles(files)).toEqual([join("core", "templates", "launchTasks.ts")]);
  });

  it("a new plan's chunk holds the default template file and its checks, not the list of every template", () => {
    const files = reachable(join("taskpane", "planSources.ts"));
    expect(templateFiles(files)).toEqual([
      join("core", "templates", `${DEFAULT_TEMPLATE}.json`),
      join("core", "templates", "launchTasks.ts"), // through blankPlan, already in the pane's own script
      join("core", "templates", "validate.ts"),
    ]);
  });

  it("the Schedule step's chunk reaches the list only through the template choice's dynamic import", () => {
    const files = reachable(join("taskpane", "components", "ScheduleStep", "index.ts"));
    expect(files.has(join("taskpane", "parts.tsx"))).toBe(true); // TemplatePickerPart
    expect(files.has(join("taskpane", "components", "ScheduleStep", "TemplatePicker.tsx"))).toBe(false);
    expect(files.has(join("taskpane", "templateChoice.ts"))).toBe(false);
    expect(templateFiles(files)).toEqual([]);
    expect(readFileSync(join(SRC, "taskpane", "parts.tsx"), "utf8")).toMatch(
      /TemplatePickerPart = lazyPart<TemplatePickerProps>\(\(\) => import\(\/\* webpackChunkName: "plan-templates" \*\/ "\.\/components\/ScheduleStep\/TemplatePicker"\)/,
    );
    expect(readFileSync(join(SRC, "taskpane", "parts.tsx"), "utf8")).not.toMatch(/ALL = \[[^\]]*TemplatePickerPart/); // not preloaded
    expect(templateFiles(reachable(join("taskpane", "components", "ScheduleStep", "TemplatePicker.tsx")))).toContain(join("core", "templates", "index.ts"));
  });
});

describe("a new plan", () => {
  it.each(["en", "zh-CN"] as const)("is the default template's plan, as core builds it (%s)", (locale) => {
    const today = new Date(2026, 11, 4);
    expect(DEFAULT_TEMPLATE).toBe("b2b-launch");
    const plan = newPlan(locale, today);
    expect(plan).toEqual(planFromTemplate(DEFAULT_TEMPLATE, { startDate: nextMonday(today), locale }));
    expect(plan.schedule.startDate).toBe("2026-12-07");
    expect(plan.schedule.tasks.length).toBeGreaterThan(10);
  });
});

describe("checkedTemplates (one check for the list and for the default template alone)", () => {
  it("returns valid files as they are", () => {
    expect(checkedTemplates(TEMPLATE_FILES)).toEqual(listTemplates());
  });

  it("throws naming every problem: an invalid field, a repeated id, a file that is not an object", () => {
    const broken = { ...(TEMPLATE_FILES[1] as Record<string, unknown>), phases: [] };
    let message = "";
    try {
      checkedTemplates([TEMPLATE_FILES[0], broken, TEMPLATE_FILES[0], null]);
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split("\n");
    expect(lines[0]).toBe("Invalid schedule template file(s):");
    expect(lines).toContain("  operation-activity phases: must not be empty");
    expect(lines).toContain('  operation-activity tasks[0].phase: "prep" is not one of the phases');
    expect(lines).toContain("  #3 : must be an object");
    expect(lines).toContain('  #2 id: duplicate id "b2b-launch"');
  });
});

describe("the template choice", () => {
  it.each(["en", "zh-CN"] as const)("offers every template in the pane's language (%s)", (locale) => {
    expect(templateChoices(locale)).toEqual(listTemplates().map((t) => ({ id: t.id, name: t.name[locale], description: t.description[locale] })));
  });

  it("applies a template by id, and names the known ones for an unknown id", () => {
    const plan = newPlan("en", new Date(2026, 11, 4));
    expect(applyTemplate(plan, "paid-tier-launch").schedule.templateId).toBe("paid-tier-launch");
    expect(() => applyTemplate(plan, "nope")).toThrow(/Unknown schedule template "nope"; available: b2b-launch, operation-activity, paid-tier-launch/);
  });
});
