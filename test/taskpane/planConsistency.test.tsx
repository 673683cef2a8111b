/** @jest-environment jsdom */
/**
 * The plan wizard keeps the plan consistent (issue 16): removing a task keeps
 * the chain and can be undone; bounds and checks on numbers and dates; one
 * launch date; errors shown at the field. Driven by role and label against
 * the in-memory workbook.
 */
import { within } from "@testing-library/react";
import { parsePlan } from "../../src/core/plan/persist";
import type { Plan } from "../../src/core/plan/types";
import type { FakeWorkbook } from "../../src/taskpane/host/fakeWorkbook";
import { dialogButton, renderPane, screen, stepButton, waitFor } from "./helpers";

type User = Awaited<ReturnType<typeof renderPane>>["user"];
const savedPlan = (fake: FakeWorkbook): Plan => parsePlan(fake.savedPlan).plan!;
const heading = () => screen.getByRole("heading", { level: 2 });
const task = (n: number) => screen.getByRole("listitem", { name: `Task ${n}` });

async function goToStep(user: User, name: string) {
  await user.click(stepButton(name));
  await waitFor(() => expect(heading()).toHaveTextContent(name));
}

describe("removing a task", () => {
  it("lets its dependents inherit its predecessors, and can be undone where it was", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Schedule");
    const count = screen.getAllByRole("listitem", { name: /^Task \d+$/ }).length;
    const datesOf6 = within(task(6)).getByText(/→/).textContent;
    expect(within(task(5)).getByRole("textbox", { name: /^task/i })).toHaveValue("Operation plan approved");

    await user.click(screen.getByRole("button", { name: "Remove: Operation plan approved" }));
    expect(screen.getAllByRole("listitem", { name: /^Task \d+$/ })).toHaveLength(count - 1);
    const note = screen.getByRole("listitem", { name: "Removed task" });
    expect(note).toHaveTextContent("Removed “Operation plan approved”. The 7 tasks that followed it now follow its predecessors.");
    const undo = within(note).getByRole("button", { name: "Undo" });
    expect(undo).toHaveFocus();
    // "White paper" (now task 5) still follows the plan's approval chain: it does not
    // jump to the plan's first day, and it starts one working day earlier (the
    // one-day approval task is gone).
    expect(within(task(5)).getByRole("textbox", { name: /^task/i })).toHaveValue("White paper");
    expect(within(task(5)).getByRole("button", { name: /^after/i })).toHaveAccessibleName(/^After 3\. .*, 4\. /);
    expect(within(task(5)).getByText(/→/).textContent).not.toBe(datesOf6);

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Indicators"));
    const removed = savedPlan(fake);
    expect(removed.schedule.tasks.find((t) => t.id === "L06")!.dependsOn).toEqual(["L03", "L04"]);
    expect(removed.schedule.tasks.find((t) => t.id === "L13")!.dependsOn).toEqual(["L03", "L04"]);
    expect(removed.raci.L05).toBeUndefined();

    await goToStep(user, "Schedule");
    // The note is gone after leaving the step; remove and undo again to check undo.
    await user.click(screen.getByRole("button", { name: "Remove: White paper" }));
    await user.click(within(screen.getByRole("listitem", { name: "Removed task" })).getByRole("button", { name: "Undo" }));
    expect(screen.queryByRole("listitem", { name: "Removed task" })).not.toBeInTheDocument();
    expect(within(task(5)).getByRole("textbox", { name: /^task/i })).toHaveValue("White paper");
    expect(within(task(5)).getByRole("textbox", { name: /^task/i })).toHaveFocus();
    expect(within(task(11)).getByRole("textbox", { name: /^task/i })).toHaveValue("All materials ready");
    expect(within(task(11)).getByRole("button", { name: /^after/i })).toHaveAccessibleName(/^After 5\. White paper/);
  });

  it("undoes exactly: the task, its place, its RACI row and its dependents' predecessors come back", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Schedule");
    await user.click(screen.getByRole("button", { name: "Remove: Operation plan approved" }));
    await user.click(screen.getByRole("button", { name: "Undo" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Indicators"));
    const plan = savedPlan(fake);
    expect(plan.schedule.tasks[4]!.id).toBe("L05");
    expect(plan.schedule.tasks.find((t) => t.id === "L06")!.dependsOn).toEqual(["L05"]);
    expect(plan.raci.L05).toBeDefined();
  });
});

describe("durations", () => {
  it("bounds a task's days, and warns when the schedule ends after the goal date", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Schedule");
    expect(screen.queryByText(/after the goal date/)).not.toBeInTheDocument();
    const days = within(task(3)).getByRole("textbox", { name: /days/i });
    await user.clear(days);
    await user.type(days, "500");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toHaveTextContent("Schedule");
    expect(days).toHaveAttribute("aria-invalid", "true");
    expect(days).toHaveAccessibleDescription("must be a whole number of working days from 1 to 260 (got 500)");

    // 200 days is a valid duration, but the plan then ends after its own goal date: a warning, not a block.
    await user.clear(days);
    await user.type(days, "200");
    expect(days).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/^The schedule ends on \d{4}-\d{2}-\d{2}, after the goal date \d{4}-\d{2}-\d{2}\.$/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Indicators"));
  });
});

describe("numbers and dates", () => {
  it("does not leave the Goal step with a blank, negative or non-number target, or a goal date before the start", async () => {
    const { user, fake } = await renderPane();
    const target = screen.getByRole("textbox", { name: /^target/i });
    const next = () => user.click(screen.getByRole("button", { name: "Next" }));

    await user.clear(target);
    await next();
    expect(heading()).toHaveTextContent("Goal");
    expect(target).toHaveAccessibleDescription("enter a number");

    await user.type(target, "-5");
    expect(target).toHaveAccessibleDescription("must be a number greater than 0");

    // Text: the plan no longer holds the previous number, so Next stays on the step.
    await user.clear(target);
    await user.type(target, "2000x");
    expect(target).toHaveAccessibleDescription(/enter a number/i);
    await next();
    expect(heading()).toHaveTextContent("Goal");
    expect(fake.calls).not.toContain("savePlan");

    await user.clear(target);
    await user.type(target, "2000");
    const by = screen.getByLabelText(/by date/i);
    const start = (await import("../../src/taskpane/planSources")).nextMonday();
    const dayBefore = new Date(`${start}T12:00:00`);
    dayBefore.setDate(dayBefore.getDate() - 3);
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.change(by, { target: { value: dayBefore.toISOString().slice(0, 10) } });
    await next();
    expect(heading()).toHaveTextContent("Goal");
    expect(by).toHaveAccessibleDescription(`must be on or after the plan's start (${start})`);

    // A date in the past (but after the start of an old plan) only warns.
    fireEvent.change(by, { target: { value: "2030-01-31" } });
    await next();
    await waitFor(() => expect(heading()).toHaveTextContent("Team & resources"));
    expect(savedPlan(fake).goal.target).toMatchObject({ value: 2000, by: "2030-01-31" });
  });

  it("warns when the goal date is in the past", async () => {
    const { user } = await renderPane();
    const { fireEvent } = await import("@testing-library/react");
    const by = screen.getByLabelText(/by date/i);
    fireEvent.change(by, { target: { value: "2001-01-01" } });
    expect(by).toHaveAccessibleDescription(/is in the past/);
    // (before the plan's start too: that one is an error, shown after Next)
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(by).toHaveAccessibleDescription(/on or after the plan's start/);
  });

  it("gives a new indicator no target, and does not leave the step until it has one", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Indicators");
    await user.selectOptions(screen.getByRole("combobox", { name: /indicator to add/i }), "custom");
    await user.click(screen.getByRole("button", { name: "Add indicator" }));
    const added = screen.getAllByRole("listitem", { name: /^Indicator \d+$/ }).at(-1)!;
    const target = within(added).getByRole("textbox", { name: /^target/i });
    expect(target).toHaveValue("");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toHaveTextContent("Indicators");
    expect(target).toHaveAccessibleDescription("enter a number");
    await user.type(target, "-1");
    expect(target).toHaveAccessibleDescription("must not be negative");
    await user.clear(target);
    await user.type(target, "40");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Contingency"));
    expect(savedPlan(fake).indicators.at(-1)).toMatchObject({ kind: "custom", target: 40 });
  });

  it("does not write tiers from a cutoff box holding text", async () => {
    const { FakeWorkbook, seedDemoData } = await import("../../src/taskpane/host/fakeWorkbook");
    const fake = new FakeWorkbook();
    seedDemoData(fake);
    const { user } = await renderPane({ fake });
    await user.click(screen.getByRole("tab", { name: "Customer tiering" }));
    fake.select("Customers!B2:B21");
    await user.click(screen.getByRole("button", { name: /use current selection for customer values/i }));
    await screen.findByRole("table", { name: "Tier counts" });
    const cutoff = screen.getByRole("textbox", { name: "Cutoff for A" });
    await user.type(cutoff, "x");
    expect(cutoff).toHaveAccessibleDescription(/enter a number/i);
    expect(screen.getByRole("button", { name: "Write tiering sheet" })).toHaveAttribute("aria-disabled", "true");
  });
});

describe("launch date", () => {
  it("is the Launch day task's start: editing either moves the other, and another template keeps it", async () => {
    const { user, fake } = await renderPane();
    const { fireEvent } = await import("@testing-library/react");
    await goToStep(user, "Schedule");
    const launch = screen.getByLabelText("Launch date");
    const start = screen.getByLabelText(/start date/i);
    expect(screen.getByRole("combobox", { name: /launch task/i })).toHaveDisplayValue("18. Launch day");
    const launchDay = () => within(task(18)).getByText(/^\d{4}-\d{2}-\d{2}/).textContent;
    expect(launchDay()).toBe((launch as HTMLInputElement).value);

    // The launch date moves the Launch day task (and the schedule with it).
    fireEvent.change(launch, { target: { value: "2027-06-16" } });
    expect(launch).toHaveValue("2027-06-16");
    expect(launchDay()).toBe("2027-06-16");
    const movedStart = (start as HTMLInputElement).value;
    expect(movedStart > "2027-01-01").toBe(true);

    // Another template keeps the launch date the user chose.
    await user.selectOptions(await screen.findByRole("combobox", { name: /template/i }), "paid-tier-launch");
    await user.click(screen.getByRole("button", { name: "Use this template" }));
    await user.click(await dialogButton("Replace"));
    await waitFor(() => expect(screen.getByLabelText("Launch date")).toHaveValue("2027-06-16"));

    // The start date moves the launch task, and the field with it.
    fireEvent.change(screen.getByLabelText(/start date/i), { target: { value: "2027-03-01" } });
    const shown = (screen.getByLabelText("Launch date") as HTMLInputElement).value;
    expect(shown).not.toBe("2027-06-16");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Indicators"));
    const plan = savedPlan(fake);
    expect(plan.schedule.launchDate).toBe(shown);
    expect(plan.schedule.launchTaskId).toBeDefined();
  });
});

describe("errors the user can see and act on", () => {
  it("names the tasks of a loop (from a saved plan) by number and name, at the field", async () => {
    const { samplePlan } = await import("../../src/core/plan/fromTemplate");
    const { serializePlan } = await import("../../src/core/plan/persist");
    const { FakeWorkbook } = await import("../../src/taskpane/host/fakeWorkbook");
    const plan = samplePlan("en");
    plan.schedule.tasks[0]!.dependsOn = ["L02"];
    const fake = new FakeWorkbook();
    fake.savedPlan = serializePlan(plan);
    const { user } = await renderPane({ fake });
    await goToStep(user, "Schedule");
    const after = within(task(1)).getByRole("button", { name: /^after/i });
    // Shown at once (not only after Next), in the pane's words.
    expect(after).toHaveAttribute("aria-invalid", "true");
    expect(after).toHaveAccessibleDescription(/“1\. Define the goal and the 5W2H” → “2\. Quantify targets from past results and industry forecast” → “1\. /);
    expect(after).not.toHaveAccessibleDescription(/L01|L02/);
    // The loop can be undone from the list: the ticked choice stays enabled.
    await user.click(after);
    expect(within(task(1)).getByRole("checkbox", { name: /^2\. / })).toBeEnabled();
  });

  it("shows a day count of 0 at once, with no dates in the header, and Next at the bottom focuses it", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Schedule");
    const days = within(task(3)).getByRole("textbox", { name: /days/i });
    await user.clear(days);
    await user.type(days, "0");
    expect(days).toHaveAttribute("aria-invalid", "true");
    expect(within(task(3)).queryByText(/→/)).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(days).toHaveFocus());
  });

  it("closes the After list with Escape and returns to its button", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Schedule");
    const after = within(task(2)).getByRole("button", { name: /^after/i });
    await user.click(after);
    await user.click(within(task(2)).getByRole("checkbox", { name: /^1\. / })); // untick: focus is in the list
    await user.keyboard("{Escape}");
    expect(after).toHaveAttribute("aria-expanded", "false");
    expect(after).toHaveFocus();
  });
});

describe("content follows the language", () => {
  it("switching to 中文 translates the template's texts the user has not changed, and the sheets' language", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Schedule");
    const row = (n: number) => screen.getByRole("listitem", { name: new RegExp(`^(Task|任务) ${n}$`) });
    const name = (n: number) => within(row(n)).getByRole("textbox", { name: /^(task|任务)/i });
    await user.clear(name(2));
    await user.type(name(2), "My own task");
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
    await waitFor(() => expect(name(1)).toHaveValue("明确目标，完成 5W2H"));
    expect(within(row(1)).getByRole("textbox", { name: /阶段/ })).toHaveValue("策划（5W2H）");
    expect(name(2)).toHaveValue("My own task"); // the user's text stays
    // A template applied in the Chinese interface comes in Chinese.
    await user.selectOptions(await screen.findByRole("combobox", { name: /模板/ }), "operation-activity");
    await user.click(screen.getByRole("button", { name: "使用此模板" }));
    await user.click(await dialogButton("替换"));
    await waitFor(() => expect(name(1)).toHaveValue("确定并量化核心目标"));
    await user.click(screen.getByRole("button", { name: "下一步" }));
    await waitFor(() => expect(fake.savedPlan).not.toBeNull());
    const plan = savedPlan(fake);
    expect(plan.locale).toBe("zh-CN");
    expect(plan.indicators.every((i) => /[\u4e00-\u9fff]/.test(i.name))).toBe(true);
    expect(plan.contingencies.every((c) => /[\u4e00-\u9fff]/.test(c.risk))).toBe(true);
  });
});

describe("messages in words (issue 16, item 12)", () => {
  it("says once that the tasks have no owner when every person is removed", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Team & resources");
    for (const button of screen.getAllByRole("button", { name: /^Remove: / })) await user.click(button);
    await goToStep(user, "Review & generate");
    await user.click(screen.getByRole("button", { name: "Generate sheets" }));
    const list = await screen.findByText(/tasks have no owner/);
    expect(list).toHaveTextContent(/^Tasks: 29 tasks have no owner \(tasks 1–29\): add people on Team & resources if needed, then choose owners on the Schedule step/);
    expect(screen.queryByText(/Task \d+ › Owner/)).not.toBeInTheDocument();
  });

  it("says what to do when Add holiday is pressed without a date", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Schedule");
    await user.click(screen.getByRole("button", { name: "Add holiday" }));
    expect(screen.getByLabelText(/holiday date/i)).toHaveAccessibleDescription("Pick a date first, then Add holiday.");
  });
});
