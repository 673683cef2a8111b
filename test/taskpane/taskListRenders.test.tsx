/** @jest-environment jsdom */
/**
 * A keystroke in a long task list re-renders the row it was typed in, not
 * every row (issue 16, item 12: with 120 tasks each keystroke in a Days box
 * took 56–80 ms). Counted, not timed: the NumberField and the After picker
 * (one of each per row) are the real components, wrapped to count their
 * renders. What other rows show still follows: the later tasks' dates, the
 * After summary naming the renamed task.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within, act } from "@testing-library/react";
import { useCallback, useMemo, useState } from "react";
import "./helpers";
import { samplePlan } from "../../src/core/plan/fromTemplate";
import type { Plan } from "../../src/core/plan/types";
import { validatePlan } from "../../src/core/plan/validate";
import { TaskList } from "../../src/taskpane/components/TaskList";
import { switchLanguage } from "../../src/taskpane/i18n";
import { editPlan } from "../../src/taskpane/planEditing";

const mockRenders = { numberField: 0, picker: 0 };
jest.mock("../../src/taskpane/components/NumberField", () => {
  const actual = jest.requireActual<typeof import("../../src/taskpane/components/NumberField")>("../../src/taskpane/components/NumberField");
  return { ...actual, NumberField: (props: Parameters<typeof actual.NumberField>[0]) => (mockRenders.numberField++, actual.NumberField(props)) };
});
jest.mock("../../src/taskpane/components/DependencyPicker", () => {
  const actual = jest.requireActual<typeof import("../../src/taskpane/components/DependencyPicker")>("../../src/taskpane/components/DependencyPicker");
  return { ...actual, DependencyPicker: (props: Parameters<typeof actual.DependencyPicker>[0]) => (mockRenders.picker++, actual.DependencyPicker(props)) };
});

/** The task list with the plan state around it, as the wizard holds it (deep-copied edits, validation on every change). */
function Harness({ initial }: { initial: Plan }) {
  const [plan, setPlan] = useState(initial);
  const problems = useMemo(() => validatePlan(plan, "en"), [plan]);
  const update = useCallback((edit: (draft: Plan) => void) => setPlan((old) => editPlan(old, edit)), []); // stable, as usePlanStore's
  return (
    <FluentProvider theme={webLightTheme}>
      <TaskList plan={plan} update={update} problems={problems} />
    </FluentProvider>
  );
}

const row = (n: number) => screen.getByRole("listitem", { name: `Task ${n}` });
const reset = () => {
  mockRenders.numberField = 0;
  mockRenders.picker = 0;
};

describe("typing in a long task list", () => {
  const plan = samplePlan("en", "2026-03-02");
  const count = plan.schedule.tasks.length;
  const at = 9; // task 10
  const task = plan.schedule.tasks[at]!;
  const dependents = plan.schedule.tasks.filter((t) => t.dependsOn.includes(task.id)).length;

  beforeAll(() => act(() => switchLanguage("en")));

  it("a Days keystroke re-renders one row; the later tasks' dates follow", async () => {
    render(<Harness initial={plan} />);
    expect(screen.getAllByRole("listitem", { name: /^Task \d+$/ })).toHaveLength(count);
    const lastDates = row(count).querySelector("header, div")!.textContent;
    reset();
    await act(async () => {
      fireEvent.change(within(row(at + 1)).getByRole("textbox", { name: /^Days/ }), { target: { value: String(task.durationDays + 20) } });
    });
    expect(mockRenders).toEqual({ numberField: 1, picker: 1 });
    expect(row(count).querySelector("header, div")!.textContent).not.toBe(lastDates);
  });

  it("a keystroke in a name re-renders its row and the After buttons that name it", async () => {
    render(<Harness initial={plan} />);
    reset();
    await act(async () => {
      fireEvent.change(within(row(at + 1)).getByRole("textbox", { name: /^Task/ }), { target: { value: `${task.name}!` } });
    });
    expect(dependents).toBeGreaterThan(0);
    expect(mockRenders).toEqual({ numberField: 1, picker: 1 + dependents });
    const follower = plan.schedule.tasks.findIndex((t) => t.dependsOn.includes(task.id));
    expect(within(row(follower + 1)).getByRole("button", { name: /^after/i })).toHaveTextContent(`${at + 1}. ${task.name}!`);
  });
});
