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
import { renderPane, screen, stepButton, waitFor } from "./helpers";

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
