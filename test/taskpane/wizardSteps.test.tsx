/** @jest-environment jsdom */
/**
 * Each wizard step, driven the way a person does it: by role and label,
 * against an in-memory workbook.
 */
import { fireEvent, within } from "@testing-library/react";
import { parsePlan } from "../../src/core/plan/persist";
import type { Plan } from "../../src/core/plan/types";
import { FakeWorkbook, seedDemoData } from "../../src/taskpane/host/fakeWorkbook";
import { dialogButton, renderPane, screen, stepButton, waitFor } from "./helpers";

const savedPlan = (fake: FakeWorkbook): Plan => parsePlan(fake.savedPlan).plan!;
const heading = () => screen.getByRole("heading", { level: 2 });

async function goToStep(user: ReturnType<typeof import("@testing-library/user-event").default.setup>, name: string) {
  await user.click(stepButton(name));
  await waitFor(() => expect(heading()).toHaveTextContent(name));
}

describe("Goal step", () => {
  it("edits the goal and moves on, saving the plan", async () => {
    const { user, fake } = await renderPane();
    const title = screen.getByRole("textbox", { name: /plan title/i });
    await user.clear(title);
    await user.type(title, "VIP tier launch");
    await user.click(screen.getByRole("radio", { name: "Find or raise revenue" }));
    const target = screen.getByRole("textbox", { name: /^target/i });
    await user.clear(target);
    await user.type(target, "1,500");
    const unit = screen.getByRole("textbox", { name: /unit/i });
    await user.clear(unit);
    await user.type(unit, "upgrades");
    await user.type(screen.getByRole("textbox", { name: /^why/i }), " Second revenue line.");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Team & resources"));
    await waitFor(() => expect(fake.savedPlan).not.toBeNull());
    const plan = savedPlan(fake);
    expect(plan.title).toBe("VIP tier launch");
    expect(plan.goal.type).toBe("revenue");
    expect(plan.goal.target.value).toBe(1500);
    expect(plan.goal.target.unit).toBe("upgrades");
    expect(plan.goal.fiveW2H.why).toMatch(/Second revenue line\.$/);
  });

  it("shows validation messages next to the fields and stays on the step", async () => {
    const { user, fake } = await renderPane();
    const title = screen.getByRole("textbox", { name: /plan title/i });
    await user.clear(title);
    await user.clear(screen.getByRole("textbox", { name: /unit/i }));
    expect(title).not.toHaveAttribute("aria-invalid", "true"); // no message before the user tries to move on
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toHaveTextContent("Goal");
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription(/blank/);
    expect(screen.getByRole("textbox", { name: /unit/i })).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/fix the fields marked below/i)).toBeInTheDocument();
    await waitFor(() => expect(title).toHaveFocus());
    expect(fake.calls).not.toContain("savePlan");
    await user.type(title, "Fixed");
    await user.type(screen.getByRole("textbox", { name: /unit/i }), "users");
    expect(title).not.toHaveAttribute("aria-invalid", "true");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Team & resources"));
  });

  it("rejects text in a number field with a plain message", async () => {
    const { user } = await renderPane();
    const target = screen.getByRole("textbox", { name: /^target/i });
    await user.clear(target);
    await user.type(target, "lots");
    expect(target).toHaveAccessibleDescription(/enter a number/i);
  });
});

describe("Team step", () => {
  it("adds and removes people and channels, and sets the budget", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Team & resources");
    const before = screen.getAllByRole("listitem", { name: /^Person \d+$/ }).length;
    await user.click(screen.getByRole("button", { name: "Add person" }));
    const added = screen.getByRole("listitem", { name: `Person ${before + 1}` });
    const name = within(added).getByRole("textbox", { name: /name/i });
    expect(name).toHaveFocus();
    await user.type(name, "Li Lei");
    await user.type(within(added).getByRole("textbox", { name: /role/i }), "Key-account sales");

    await user.type(screen.getByRole("textbox", { name: "New channel" }), "WeChat{Enter}");
    await user.type(screen.getByRole("textbox", { name: "New channel" }), "Partners");
    await user.click(screen.getByRole("button", { name: "Add channel" }));
    expect(screen.getByRole("button", { name: "Remove channel WeChat" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove channel WeChat" }));

    await user.type(screen.getByRole("textbox", { name: "Budget" }), "300000");
    await user.type(screen.getByRole("textbox", { name: "Currency" }), "CNY");
    await user.click(screen.getByRole("button", { name: "Remove: Product operations" }));

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Schedule"));
    const plan = savedPlan(fake);
    expect(plan.team.people.map((p) => p.name)).toContain("Li Lei");
    expect(plan.team.people.map((p) => p.name)).not.toContain("Product operations");
    expect(plan.team.channels).toEqual(["Partners"]);
    expect(plan.team.budget).toBe(300000);
    expect(plan.team.currency).toBe("CNY");
  });

  it("says which tasks lost their owner when a person is removed", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Team & resources");
    await user.click(screen.getByRole("button", { name: "Remove: Product operations" }));
    await goToStep(user, "Review & generate");
    await user.click(screen.getByRole("button", { name: "Generate sheets" }));
    const problems = await screen.findByText(/problem\(s\) to fix before generating/);
    expect(problems).toBeInTheDocument();
    // Said once, with the tasks' numbers (issue 16: not one line per task).
    expect(screen.getByText(/^Tasks: \d+ tasks have no owner \(tasks \d[\d, –]*\)/)).toBeInTheDocument();
    await user.click(screen.getAllByRole("button", { name: "Go to Schedule" })[0]!);
    await waitFor(() => expect(heading()).toHaveTextContent("Schedule"));
    const first = screen.getByRole("listitem", { name: "Task 1" });
    expect(within(first).getByRole("combobox", { name: /owner/i })).toHaveAttribute("aria-invalid", "true");
  });
});

describe("Schedule step", () => {
  it("adds, edits, reorders and removes tasks", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Schedule");
    const count = screen.getAllByRole("listitem", { name: /^Task \d+$/ }).length;

    await user.click(screen.getByRole("button", { name: "Add task" }));
    const added = screen.getByRole("listitem", { name: `Task ${count + 1}` });
    const name = within(added).getByRole("textbox", { name: /^task/i });
    expect(name).toHaveFocus();
    await user.type(name, "Renewal reminders");
    await user.selectOptions(within(added).getByRole("combobox", { name: /owner/i }), "Sales lead");
    const days = within(added).getByRole("textbox", { name: /days/i });
    await user.clear(days);
    await user.type(days, "5");
    await user.click(within(added).getByRole("checkbox", { name: "Milestone" }));

    // Dependency: the new task also waits for task 1.
    await user.click(within(added).getByRole("button", { name: /^after/i }));
    await user.click(within(added).getByRole("checkbox", { name: /^1\. / }));
    expect(within(added).getByRole("button", { name: /^after/i })).toHaveAccessibleName(/^After .*1\. /);

    const firstName = within(screen.getByRole("listitem", { name: "Task 1" })).getByRole("textbox", { name: /^task/i });
    const first = (firstName as HTMLInputElement).value;
    await user.click(screen.getByRole("button", { name: `Move down: ${first}` }));
    expect(within(screen.getByRole("listitem", { name: "Task 2" })).getByRole("textbox", { name: /^task/i })).toHaveValue(first);

    const second = (within(screen.getByRole("listitem", { name: "Task 3" })).getByRole("textbox", { name: /^task/i }) as HTMLInputElement).value;
    await user.click(screen.getByRole("button", { name: `Remove: ${second}` }));
    expect(screen.getAllByRole("listitem", { name: /^Task \d+$/ })).toHaveLength(count);

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Indicators"));
    const plan = savedPlan(fake);
    const task = plan.schedule.tasks.find((t) => t.name === "Renewal reminders")!;
    expect(task).toMatchObject({ ownerId: "sales", durationDays: 5, milestone: true });
    expect(task.dependsOn).toContain(plan.schedule.tasks.find((t) => t.name === first)!.id);
    expect(plan.schedule.tasks[1]!.name).toBe(first);
    expect(plan.raci[task.id]).toMatchObject({ sales: "A" });
    // No task still depends on the removed one.
    const removedId = "L03";
    expect(plan.schedule.tasks.some((t) => t.dependsOn.includes(removedId))).toBe(false);
  });

  it("sets dates and holidays, and applies another template after asking", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Schedule");
    // A date picker sets the whole date at once.
    fireEvent.change(screen.getByLabelText(/start date/i), { target: { value: "2026-04-06" } });
    fireEvent.change(screen.getByLabelText(/holiday date/i), { target: { value: "2026-05-01" } });
    await user.click(screen.getByRole("button", { name: "Add holiday" }));
    expect(screen.getByRole("button", { name: "Remove holiday 2026-05-01" })).toBeInTheDocument();

    await user.selectOptions(await screen.findByRole("combobox", { name: /template/i }), "paid-tier-launch");
    await user.click(screen.getByRole("button", { name: "Use this template" }));
    const dialog = await screen.findByRole("dialog", { name: "Replace the task list?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "Use this template" }));
    await user.click(await dialogButton("Replace"));

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Indicators"));
    const plan = savedPlan(fake);
    expect(plan.schedule.templateId).toBe("paid-tier-launch");
    expect(plan.schedule.startDate).toBe("2026-04-06");
    expect(plan.schedule.holidays).toEqual(["2026-05-01"]);
    expect(plan.title).toBe("B2B product launch"); // the user's title is kept
  });

  it("does not offer, as a predecessor, a task that waits for this one (it would make a loop)", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Schedule");
    const first = screen.getByRole("listitem", { name: "Task 1" });
    await user.click(within(first).getByRole("button", { name: /^after/i }));
    expect(within(first).getByRole("checkbox", { name: /^2\. .*\(waits for this task\)$/ })).toBeDisabled();
    const sixth = screen.getByRole("listitem", { name: "Task 6" });
    await user.click(within(sixth).getByRole("button", { name: /^after/i }));
    expect(within(sixth).getByRole("checkbox", { name: /^4\. / })).toBeEnabled(); // a task before it: fine
    expect(within(sixth).getByRole("checkbox", { name: /^12\. .*waits for this task/ })).toBeDisabled(); // waits for it
  });
});

describe("Indicators step", () => {
  it("adds an indicator with a percent target and builds a live formula from the selection", async () => {
    const fake = new FakeWorkbook();
    seedDemoData(fake);
    const { user } = await renderPane({ fake });
    await goToStep(user, "Indicators");

    await user.selectOptions(screen.getByRole("combobox", { name: "Indicator to add" }), "ARPPU");
    await user.click(screen.getByRole("button", { name: "Add indicator" }));
    const items = screen.getAllByRole("listitem", { name: /^Indicator \d+$/ });
    const added = items[items.length - 1]!;
    expect(within(added).getByRole("textbox", { name: /name/i })).toHaveValue("ARPPU");

    const payment = screen.getByRole("listitem", { name: "Indicator 2" });
    const target = within(payment).getByRole("textbox", { name: /target/i });
    expect(target).toHaveValue("8");
    await user.clear(target);
    await user.type(target, "9.5");

    fake.select("Users!D2:D41");
    await user.click(within(payment).getByRole("button", { name: "Use current selection for Paying user ids" }));
    expect(within(payment).getByRole("textbox", { name: /paying user ids/i })).toHaveValue("Users!D2:D41");
    expect(within(payment).getByText("40 rows selected")).toBeInTheDocument();
    fake.select("Users!A2:A41");
    await user.click(within(payment).getByRole("button", { name: "Use current selection for All user ids" }));
    expect(within(payment).getByText("=OPS.PAYRATE(Users!$D$2:$D$41,Users!$A$2:$A$41)")).toBeInTheDocument();

    const typed = within(added).getByRole("textbox", { name: /paying user ids/i });
    await user.type(typed, "not a range");
    expect(typed).toHaveAccessibleDescription(/not a range address/i);
    // A new indicator starts without a target (0 could show no progress): the user sets one.
    await user.type(within(added).getByRole("textbox", { name: /target/i }), "1500");

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Contingency"));
    const plan = savedPlan(fake);
    expect(plan.indicators[1]).toMatchObject({ target: 0.095, actualFormula: "=OPS.PAYRATE(Users!$D$2:$D$41,Users!$A$2:$A$41)" });
    expect(plan.indicators[plan.indicators.length - 1]).toMatchObject({ kind: "arppu", unit: "currency", target: 1500 });
    expect(plan.indicators[plan.indicators.length - 1]!.actualFormula).toBeUndefined();
  });

  it("shows the saved ranges again when the plan is reopened", async () => {
    const fake = new FakeWorkbook();
    seedDemoData(fake);
    const first = await renderPane({ fake });
    await goToStep(first.user, "Indicators");
    const payment = screen.getByRole("listitem", { name: "Indicator 2" });
    await first.user.type(within(payment).getByRole("textbox", { name: /paying user ids/i }), "Users!D2:D41");
    await first.user.type(within(payment).getByRole("textbox", { name: /all user ids/i }), "Users!A2:A41");
    await goToStep(first.user, "Contingency");
    first.unmount();

    const again = await renderPane({ fake });
    await goToStep(again.user, "Indicators");
    const reopened = screen.getByRole("listitem", { name: "Indicator 2" });
    expect(within(reopened).getByRole("textbox", { name: /paying user ids/i })).toHaveValue("Users!$D$2:$D$41");
  });
});

describe("Contingency step", () => {
  it("adds a risk with trigger, response, owner and resources", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Contingency");
    const count = screen.getAllByRole("listitem", { name: /^Risk \d+$/ }).length;
    await user.click(screen.getByRole("button", { name: "Add risk" }));
    const added = screen.getByRole("listitem", { name: `Risk ${count + 1}` });
    const risk = within(added).getByRole("textbox", { name: /^risk/i });
    expect(risk).toHaveFocus();
    await user.type(risk, "Competitor price cut");
    await user.type(within(added).getByRole("textbox", { name: /trigger/i }), "Win rate < 20 % for two weeks");
    await user.type(within(added).getByRole("textbox", { name: /response/i }), "Bundle onboarding for free");
    await user.selectOptions(within(added).getByRole("combobox", { name: /owner/i }), "Sales lead");
    await user.type(within(added).getByRole("textbox", { name: /resources/i }), "2 solution consultants");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Review & generate"));
    const plan = savedPlan(fake);
    expect(plan.contingencies[count]).toMatchObject({
      risk: "Competitor price cut",
      trigger: "Win rate < 20 % for two weeks",
      response: "Bundle onboarding for free",
      ownerId: "sales",
      resources: "2 solution consultants",
      status: "watching",
    });
  });

  it("requires a risk text", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Contingency");
    await user.click(screen.getByRole("button", { name: "Add risk" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toHaveTextContent("Contingency");
    const items = screen.getAllByRole("listitem", { name: /^Risk \d+$/ });
    expect(within(items[items.length - 1]!).getByRole("textbox", { name: /^risk/i })).toHaveAttribute("aria-invalid", "true");
  });
});

describe("Review & generate step", () => {
  it("writes the chosen sheets with progress, then opens each from the result list", async () => {
    const fake = new FakeWorkbook({ writeDelayMs: 20 });
    const { user } = await renderPane({ fake });
    await goToStep(user, "Review & generate");
    expect(screen.getByText("B2B product launch")).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "Requirement intake (L1–L4)" }));
    await user.click(screen.getByRole("button", { name: "Generate sheets" }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Writing sheets…" })).toHaveAttribute("aria-disabled", "true");
    const result = await screen.findByRole("region", { name: "Created sheets" }, { timeout: 5000 });
    const open = within(result).getAllByRole("button");
    expect(open.map((b) => b.textContent)).toEqual(["Schedule", "Roles", "Contingency", "KPIs", "Summary", "Settings"]);
    expect(fake.sheetNames).toEqual(["Schedule", "Roles", "Contingency", "KPIs", "Summary", "Settings"]);
    expect(fake.names.get("Holidays")).toMatch(/^'Settings'!\$A\$5:\$A\$\d+$/);
    expect(fake.cell("Schedule", "A1")?.value).toBe(fake.sheet("Schedule")!.spec!.blocks[0]!.rows[0]![0]!.value);
    expect(fake.cell("Schedule", "G5")?.formula).toMatch(/^=WORKDAY\(/);

    await user.click(within(result).getByRole("button", { name: "Open Roles" }));
    await waitFor(() => expect(fake.activeSheet).toBe("Roles"));
    await waitFor(() => expect(fake.calls.filter((c) => c === "savePlan").length).toBeGreaterThan(0));
  });

  it("writes the sheets in the chosen sheet language", async () => {
    const { user, fake } = await renderPane();
    await goToStep(user, "Review & generate");
    await user.selectOptions(screen.getByRole("combobox", { name: "Sheet language" }), "zh-CN");
    for (const name of ["Roles (RACI)", "Contingency plans", "Summary (review template)"]) await user.click(screen.getByRole("checkbox", { name }));
    await user.click(screen.getByRole("button", { name: "Generate sheets" }));
    await screen.findByRole("region", { name: "Created sheets" });
    expect(fake.sheetNames).toEqual(["执行计划", "数据指标", "需求分级", "设置"]);
  });

  it("unchecks what needs a sheet that is unchecked", async () => {
    const { user } = await renderPane();
    await goToStep(user, "Review & generate");
    await user.click(screen.getByRole("checkbox", { name: "KPIs" }));
    expect(screen.getByRole("checkbox", { name: "Summary (review template)" })).not.toBeChecked();
    await user.click(screen.getByRole("checkbox", { name: "Summary (review template)" }));
    expect(screen.getByRole("checkbox", { name: "KPIs" })).toBeChecked();
  });
});
