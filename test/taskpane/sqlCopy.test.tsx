/** @jest-environment jsdom */
/** "Copy as SQL" in the Share tab: the query is sqlFor(...) for the chosen options, and Copy puts it on the clipboard. */
import { sqlFor } from "../../src/core/sql";
import { sqlOptionsOf, START_CHOICES } from "../../src/taskpane/components/SqlCopy/useSqlCopy";
import { renderPane, screen, waitFor } from "./helpers";

async function openSql() {
  const pane = await renderPane();
  await pane.user.click(screen.getByRole("tab", { name: "Share" }));
  const query = await screen.findByRole("textbox", { name: "SQL query" });
  await waitFor(() => expect((query as HTMLTextAreaElement).value).not.toBe(""));
  return { ...pane, query: query as HTMLTextAreaElement };
}

describe("Copy as SQL", () => {
  afterEach(() => {
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
  });

  it("shows the retention query for the chosen period, periods and mode", async () => {
    const { user, query } = await openSql();
    expect(query.value).toBe(sqlFor("retention", { period: "day", periods: 7, mode: "classic" }));
    expect(query).toHaveAttribute("readonly");
    expect(screen.getByText(/DuckDB/)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: "Period" }), "week");
    await user.clear(screen.getByRole("textbox", { name: "Number of periods" }));
    await user.type(screen.getByRole("textbox", { name: "Number of periods" }), "4");
    await user.selectOptions(screen.getByRole("combobox", { name: "Mode" }), "unbounded");
    expect(query.value).toBe(sqlFor("retention", { period: "week", periods: 4, mode: "unbounded" }));
  });

  it("builds funnel, payment-rate and tier queries from their options", async () => {
    const { user, query } = await openSql();
    await user.selectOptions(screen.getByRole("combobox", { name: "Metric" }), "funnel");
    const steps = screen.getByRole("textbox", { name: /funnel steps/i });
    await user.clear(steps);
    await user.type(steps, "open, pay");
    await user.clear(screen.getByRole("textbox", { name: "Window (days)" }));
    await user.type(screen.getByRole("textbox", { name: "Window (days)" }), "3");
    expect(query.value).toBe(sqlFor("funnel", { steps: ["open", "pay"], windowDays: 3 }));

    await user.selectOptions(screen.getByRole("combobox", { name: "Metric" }), "payrate");
    await user.selectOptions(screen.getByRole("combobox", { name: "Measure" }), "arppu");
    expect(query.value).toBe(sqlFor("payrate", { measure: "arppu" }));

    await user.selectOptions(screen.getByRole("combobox", { name: "Metric" }), "tier");
    await user.selectOptions(screen.getByRole("combobox", { name: "Method" }), "threshold");
    await user.type(screen.getByRole("textbox", { name: /cutoffs/i }), "1000, 100, 10");
    expect(query.value).toBe(sqlFor("tier", { method: "threshold", cutoffs: [1000, 100, 10] }));
  });

  it("explains a bad option in plain words", async () => {
    const { user, query } = await openSql();
    await user.clear(screen.getByRole("textbox", { name: "Number of periods" }));
    await user.type(screen.getByRole("textbox", { name: "Number of periods" }), "0");
    expect(await screen.findByText(/cannot be made with these options: periods must be whole numbers/i)).toBeInTheDocument();
    expect(query.value).toBe("");
    expect(screen.getByRole("button", { name: "Copy" })).toBeDisabled();
  });

  it("copies the query to the clipboard", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    const { user, query } = await openSql();
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(query.value);
    expect(await screen.findByText("Copied to the clipboard.")).toBeInTheDocument();
  });

  it("says how to copy by hand when the clipboard is unavailable", async () => {
    const { user } = await openSql();
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    await user.click(screen.getByRole("button", { name: "Copy" }));
    expect(await screen.findByText(/clipboard is not available here/i)).toBeInTheDocument();
  });

  it("offers the funnel's segment column and retention's start-list table", async () => {
    const { user, query } = await openSql();
    await user.type(screen.getByRole("textbox", { name: /start-list table/i }), "signups");
    expect(query.value).toBe(sqlFor("retention", { period: "day", periods: 7, mode: "classic", startTable: "signups" }));

    await user.selectOptions(screen.getByRole("combobox", { name: "Metric" }), "funnel");
    await user.type(screen.getByRole("textbox", { name: /segment column/i }), "channel");
    expect(query.value).toBe(sqlFor("funnel", { steps: ["visit", "signup", "purchase"], windowDays: 14, segments: "channel" }));
    await user.clear(screen.getByRole("textbox", { name: /segment column/i }));
    expect(query.value).toBe(sqlFor("funnel", { steps: ["visit", "signup", "purchase"], windowDays: 14 }));
  });

  it("maps the pane's choices to the generator's options", () => {
    expect(sqlOptionsOf(START_CHOICES)).toEqual({ metric: "retention", options: { period: "day", periods: 7, mode: "classic" } });
    expect(sqlOptionsOf({ ...START_CHOICES, metric: "tier", cutoffs: "" })).toEqual({ metric: "tier", options: { method: "pareto" } });
  });
});
