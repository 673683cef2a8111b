/**
 * Each bundled template's launch task, by template id: what the plan format
 * 1 → 2 migration (core/plan/persist.ts) needs of the templates. A table of
 * its own so the migration, which runs on the pane's start path, does not
 * pull the three templates (both languages, ≈ 12 KB gzip) into the page's
 * start-up scripts. test/core/templates.launchTasks.test.ts keeps it equal to
 * the templates' own `launchTaskId`.
 */
export const TEMPLATE_LAUNCH_TASKS: Readonly<Record<string, string>> = {
  "b2b-launch": "L18",
  "operation-activity": "A14",
  "paid-tier-launch": "P08",
};
