/** The migration's table of launch tasks equals what the templates themselves say. */
import { listTemplates } from "../../src/core/templates";
import { TEMPLATE_LAUNCH_TASKS } from "../../src/core/templates/launchTasks";

it("has exactly the templates that name a launch task, with the same task", () => {
  const fromTemplates = Object.fromEntries(listTemplates().filter((t) => t.launchTaskId !== undefined).map((t) => [t.id, t.launchTaskId]));
  expect(fromTemplates).toEqual(TEMPLATE_LAUNCH_TASKS);
  expect(Object.keys(fromTemplates).length).toBeGreaterThanOrEqual(3);
});
