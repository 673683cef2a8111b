/** @jest-environment jsdom */
/**
 * The plan lives in the workbook: saved at every step change, read back when
 * the pane opens again, and a damaged or older saved plan is reported and
 * recovered without breaking the pane.
 */
import { within } from "@testing-library/react";
import { blankPlan, parsePlan, serializePlan } from "../../src/core/plan/persist";
import { FakeWorkbook } from "../../src/taskpane/host/fakeWorkbook";
import { newPlan } from "../../src/taskpane/planSources";
import { renderPane, screen, stepButton, waitFor } from "./helpers";

const heading = () => screen.getByRole("heading", { level: 2 });

describe("plan persistence", () => {
  it("saves at every step change and comes back when the pane is reopened", async () => {
    const fake = new FakeWorkbook();
    const first = await renderPane({ fake });
    const title = screen.getByRole("textbox", { name: /plan title/i });
    await first.user.clear(title);
    await first.user.type(title, "Anniversary campaign");
    await first.user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(heading()).toHaveTextContent("Team & resources"));
    await waitFor(() => expect(fake.calls.filter((c) => c === "savePlan")).toHaveLength(1));
    await first.user.click(screen.getByRole("button", { name: "Add person" }));
    const added = screen.getAllByRole("listitem", { name: /^Person \d+$/ }).pop()!;
    await first.user.type(within(added).getByRole("textbox", { name: /name/i }), "Han Meimei");
    await first.user.click(screen.getByRole("button", { name: "Back" }));
    await waitFor(() => expect(fake.calls.filter((c) => c === "savePlan")).toHaveLength(2));
    await first.user.click(stepButton("Schedule"));
    await waitFor(() => expect(fake.calls.filter((c) => c === "savePlan")).toHaveLength(3));
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("Plan saved in the workbook");
    first.unmount();

    // Reopening the file: the saved plan is read back.
    const again = await renderPane({ fake });
    expect(screen.getByRole("textbox", { name: /plan title/i })).toHaveValue("Anniversary campaign");
    await again.user.click(stepButton("Team & resources"));
    const names = screen.getAllByRole("textbox", { name: /^name/i }).map((el) => (el as HTMLInputElement).value);
    expect(names).toContain("Han Meimei");
    expect(screen.queryByText(/could not be read|recovered what we could/)).not.toBeInTheDocument();
  });

  it("round-trips the plan text exactly", async () => {
    const fake = new FakeWorkbook();
    const plan = newPlan("en", new Date(2026, 2, 1));
    plan.title = "Round trip";
    fake.savedPlan = serializePlan(plan);
    const { user } = await renderPane({ fake });
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(fake.calls).toContain("savePlan"));
    expect(parsePlan(fake.savedPlan).plan).toEqual(plan);
  });

  it("starts a new plan and says so when the saved plan is unreadable", async () => {
    const fake = new FakeWorkbook();
    fake.savedPlan = '{"format":"opskit.plan","version":1,"plan":{"title":"Half a pl';
    await renderPane({ fake });
    expect(screen.getByText(/could not be read, so a new plan was started/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /plan title/i })).toHaveValue("B2B product launch");
    expect(document.body.textContent).not.toMatch(/SyntaxError|at \w+ \(|\.ts:\d+/);
  });

  it("recovers what it can from a damaged plan and lists the fields it reset", async () => {
    const fake = new FakeWorkbook();
    const saved = JSON.parse(serializePlan(newPlan("en", new Date(2026, 2, 1))));
    saved.plan.title = "Damaged but useful";
    saved.plan.goal.target.value = "two thousand";
    saved.plan.team.people[1] = "not a person";
    fake.savedPlan = JSON.stringify(saved);
    const { user } = await renderPane({ fake });
    expect(screen.getByText(/recovered what we could/)).toBeInTheDocument();
    expect(screen.getByText(/Target: This field was unreadable and was reset/)).toBeInTheDocument();
    expect(screen.getByText(/Person 2: This entry was unreadable and was removed/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /plan title/i })).toHaveValue("Damaged but useful");
    expect(screen.getByRole("textbox", { name: /^target/i })).toHaveValue("0");
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByText(/recovered what we could/)).not.toBeInTheDocument();
  });

  it("reads a plan saved by an older version", async () => {
    const fake = new FakeWorkbook();
    const old = { ...blankPlan("en"), title: "From format 0" } as Record<string, unknown>;
    delete old.version;
    fake.savedPlan = JSON.stringify(old);
    await renderPane({ fake });
    expect(screen.getByText(/older OpsKit/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /plan title/i })).toHaveValue("From format 0");
  });

  it("keeps working when the workbook cannot load or save the plan", async () => {
    const fake = new FakeWorkbook();
    fake.failures.loadPlan = new Error("GeneralException");
    const { user } = await renderPane({ fake });
    expect(screen.getByText(/could not be read, so a new plan was started/)).toBeInTheDocument();
    fake.failures.savePlan = new Error("AccessDenied");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.getByText(/could not be saved in the workbook/)).toBeInTheDocument());
    expect(heading()).toHaveTextContent("Team & resources");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.queryByText(/could not be saved in the workbook/)).not.toBeInTheDocument());
    expect(fake.savedPlan).not.toBeNull();
  });
});
