/** @jest-environment jsdom */
/**
 * The template choice's list of templates is its own chunk (the
 * "plan-templates" chunk, src/taskpane/templateChoice.ts): not fetched to
 * build a new plan, nor when the steps are preloaded, but when the Schedule
 * step shows the choice; a fetch that keeps failing while the choice is
 * shown (PART_LOAD_ATTEMPTS tries) shows the pane's lazy-part message, and
 * is retried when the choice is shown again. Jest loads the
 * module on the same dynamic import() that fetches the chunk in the browser,
 * so counting the module's loads counts the fetches. (The same in Chinese:
 * templateChoice.zh-CN.test.tsx.)
 */
import { within } from "@testing-library/react";
import { listTemplates } from "../../src/core/templates";
import { parsePlan } from "../../src/core/plan/persist";
import { PART_LOAD_ATTEMPTS } from "../../src/taskpane/lazyPart";
import { dialogButton, renderPane, screen, stepButton, waitFor } from "./helpers";

let mockFetches = 0;
let mockFailuresLeft = 0;
jest.mock("../../src/taskpane/templateChoice", () => {
  mockFetches++;
  if (mockFailuresLeft > 0) {
    mockFailuresLeft--;
    throw new Error("ChunkLoadError: Loading chunk plan-templates failed.");
  }
  return jest.requireActual("../../src/taskpane/templateChoice");
});

const heading = () => screen.getByRole("heading", { level: 2 });

it("is fetched when the Schedule step shows the choice (not for a new plan or the preload), retried after a failure, and lists every template", async () => {
  const { user, fake } = await renderPane();
  // A new plan from the default template is there, and the steps are preloaded (renderPane): the list is not fetched.
  expect(screen.getByRole("textbox", { name: /plan title/i })).toHaveValue("B2B product launch");
  expect(mockFetches).toBe(0);

  // Failing every attempt while shown (lazyPart asks PART_LOAD_ATTEMPTS times), it says so.
  mockFailuresLeft = PART_LOAD_ATTEMPTS;
  await user.click(stepButton("Schedule"));
  expect(await screen.findByRole("alert")).toHaveTextContent("This part of the pane could not be loaded. Check the connection, then close and reopen the pane.");
  expect(mockFetches).toBe(PART_LOAD_ATTEMPTS);
  // The rest of the step works without it.
  expect(screen.getAllByRole("listitem", { name: /^Task \d+$/ }).length).toBeGreaterThan(0);
  expect(screen.queryByRole("button", { name: "Use this template" })).not.toBeInTheDocument();

  // Shown again, it is fetched again.
  await user.click(stepButton("Goal"));
  await waitFor(() => expect(heading()).toHaveTextContent("Goal"));
  await user.click(stepButton("Schedule"));
  const picker = await screen.findByRole("combobox", { name: /template/i });
  expect(mockFetches).toBe(PART_LOAD_ATTEMPTS + 1);
  expect(screen.queryByRole("alert")).not.toBeInTheDocument();

  // The same templates as core's list, the plan's own chosen, and "Use this template" applies another.
  const options = within(picker).getAllByRole("option");
  expect(options.map((o) => o.getAttribute("value"))).toEqual(listTemplates().map((t) => t.id));
  expect(options.map((o) => o.textContent)).toEqual(listTemplates().map((t) => t.name.en));
  expect(picker).toHaveValue("b2b-launch");
  await user.selectOptions(picker, "operation-activity");
  await user.click(screen.getByRole("button", { name: "Use this template" }));
  await user.click(await dialogButton("Replace"));
  await user.click(screen.getByRole("button", { name: "Next" }));
  await waitFor(() => expect(parsePlan(fake.savedPlan).plan?.schedule.templateId).toBe("operation-activity"));

  // Once loaded, it is not fetched again.
  await user.click(stepButton("Schedule"));
  await screen.findByRole("combobox", { name: /template/i });
  expect(mockFetches).toBe(PART_LOAD_ATTEMPTS + 1);
});
