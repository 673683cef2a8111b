/**
 * Schedule templates: data files (one JSON file per template in this folder)
 * that planFromTemplate turns into a plan. Each file is validated (validate.ts
 * holds the types and the checks), so a contributor adds a template by
 * dropping a JSON file and adding ONE line to TEMPLATE_FILES below (see "Add
 * a template" in CONTRIBUTING.md). No other code changes.
 *
 * A static list instead of directory scanning: the add-in is bundled by
 * webpack and runs in Office without a file system, and the same list works
 * in Node (tests, the demo script) with `resolveJsonModule`. In the task pane
 * this module is a chunk fetched when the Schedule step shows the template
 * choice (src/taskpane/templateChoice.ts); a new plan needs only the default
 * template (src/taskpane/planSources.ts).
 */
import { checkedTemplates, type ScheduleTemplate } from "./validate";

import b2bLaunch from "./b2b-launch.json";
import operationActivity from "./operation-activity.json";
import paidTierLaunch from "./paid-tier-launch.json";

export * from "./validate";

/** Every template file. Adding a template = one more line here. */
export const TEMPLATE_FILES: readonly unknown[] = [
  b2bLaunch,
  operationActivity,
  paidTierLaunch,
];

let cache: readonly ScheduleTemplate[] | undefined;

/** All templates, validated (throws listing every problem if a file is invalid: a developer error). */
export function listTemplates(): readonly ScheduleTemplate[] {
  return (cache ??= checkedTemplates(TEMPLATE_FILES));
}

export function templateIds(): string[] {
  return listTemplates().map((t) => t.id);
}

/** The template with this id, or undefined. */
export function findTemplate(id: string): ScheduleTemplate | undefined {
  return listTemplates().find((t) => t.id === id);
}
