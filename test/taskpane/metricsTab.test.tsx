/** @jest-environment jsdom */
/**
 * The Metrics tab on the in-memory workbook: a table is picked and its
 * columns mapped by header (Chinese headers too), a computed RETENTION is
 * read in chunks with progress and written with its presentation, the live
 * formula is refused with the estimate on a large table, a computed sheet is
 * listed, marked stale when its table changes, and refreshed through the
 * overwrite prompt.
 */
import { act, within } from "@testing-library/react";
import { FakeWorkbook } from "../../src/taskpane/host/fakeWorkbook";
import { renderPane, screen, waitFor } from "./helpers";
import { eventColumns } from "../support/metricFixtures";


async function openMetrics(fake: FakeWorkbook, locale: "en" | "zh-CN" = "en") {
  const pane = await renderPane({ fake, locale });
  await pane.user.click(screen.getByRole("tab", { name: locale === "en" ? "Metrics" : "指标" }));
  return pane;
}

describe("Metrics tab", () => {
  it("maps the columns of the only table and computes weekly retention by segment into a presented sheet", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event", "Channel"], eventColumns(3000));
    const { user } = await openMetrics(fake);
    await screen.findByText("3,000 rows, 4 columns");
    expect(screen.getByRole("combobox", { name: "User / customer" })).toHaveValue("0");
    expect(screen.getByRole("combobox", { name: "Channel / segment" })).toHaveValue("3");
    await user.click(screen.getByRole("radio", { name: "Week" }));
    await user.click(screen.getByRole("checkbox", { name: "Split by channel / segment" }));
    expect(screen.getByText(/Estimated request size of a live formula/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Compute" }));
    await screen.findByRole("button", { name: "Open Retention" });
    expect(fake.cell("Retention", "A4")?.value).toBe("Segment");
    expect([fake.cell("Retention", "A5")?.value, fake.cell("Retention", "A6")?.value].sort()).toEqual(["ads", "search"]);
    expect(fake.cell("Retention", "A7")?.value).toBe("All");
    expect(fake.cell("Retention", "C5")?.numberFormat).toBe("0.0%");
    expect(fake.cell("Retention", "A2")?.value).toMatch(/^Computed from Events, 3,000 rows, \d{4}-\d\d-\d\d \d\d:\d\d — refresh in the OpsKit pane$/);
    const spec = fake.sheet("Retention")!.spec!;
    expect(spec.colorScales).toHaveLength(1);
    expect(spec.charts!.map((c) => c.kind)).toEqual(["line", "column"]);
    expect(fake.requests.filter((r) => r.op === "read").length).toBeGreaterThanOrEqual(1);
    // The definition is saved and the sheet listed.
    expect(JSON.parse(fake.savedDefinitions!).definitions[0]).toMatchObject({ metric: "retention", sheet: "Retention", columns: { user: "User", date: "Date", segment: "Channel" } });
    expect(screen.getByRole("button", { name: "Refresh Retention" })).toBeInTheDocument();
  });

  it("marks a computed sheet stale when its table changes, and refreshes it after the overwrite prompt", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event", "Channel"], eventColumns(600));
    const { user } = await openMetrics(fake);
    await screen.findByText("600 rows, 4 columns");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    await screen.findByRole("button", { name: "Refresh Retention" });
    expect(screen.queryByText("Source changed")).not.toBeInTheDocument();
    const allUsers = () => {
      for (let r = 5; r < 200; r++) if (fake.cell("Retention", `A${r}`)?.value === "All") return fake.cell("Retention", `B${r}`)?.value;
      return undefined;
    };
    expect(allUsers()).toBe(300);
    // The change event sets pane state outside a user action: wrap it as React expects.
    act(() => fake.changeTable("Events", 0, 0, "a-new-user"));
    await screen.findByText("Source changed");
    await user.click(screen.getByRole("button", { name: "Refresh Retention" }));
    await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).not.toBeNull());
    const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]')!;
    await user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    await waitFor(() => expect(screen.queryByText("Source changed")).not.toBeInTheDocument());
    expect(fake.sheetNames.filter((n) => n.startsWith("Retention"))).toEqual(["Retention"]);
    expect(allUsers()).toBe(301); // the new user is counted
  });

  it("refuses a live formula on a large table, with the estimate, and offers the computed table", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["用户ID", "日期", "事件", "渠道"], eventColumns(200_000));
    await openMetrics(fake, "zh-CN");
    await screen.findByText("200,000 行，4 列");
    expect(screen.getByRole("combobox", { name: "用户 / 客户" })).toHaveValue("0");
    expect(screen.getByRole("combobox", { name: "日期 / 时间" })).toHaveValue("1");
    expect(screen.getByRole("radio", { name: "实时公式" })).toBeDisabled();
    expect(screen.getByText(/此处不提供实时公式：它将向函数发送约 \d+\.\d MB/)).toBeInTheDocument();
  });

  it("shows the core's message when the options are wrong (periods not a number)", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event", "Channel"], eventColumns(300));
    const { user } = await openMetrics(fake);
    await screen.findByText("300 rows, 4 columns");
    await user.type(screen.getByRole("textbox", { name: /Periods/ }), "abc");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    const alert = await screen.findByText("The metric cannot be computed");
    expect(alert.parentElement!.textContent).toMatch(/#VALUE!/);
    expect(fake.sheet("Retention")).toBeUndefined();
  });

  it("offers RETENTION's start list (start_ids, start_dates): only the listed users count", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event", "Channel"], eventColumns(3000));
    fake.addTable("Signups", "Signups", "A1", ["用户", "注册日期"], [Array.from({ length: 10 }, (_, i) => `u${i}`), Array.from({ length: 10 }, () => 46020)]);
    const { user } = await openMetrics(fake);
    await user.selectOptions(screen.getByRole("combobox", { name: "Table" }), "Events");
    await screen.findByText("3,000 rows, 4 columns");
    await user.selectOptions(screen.getByRole("combobox", { name: /^Start list \(optional\)/ }), "Signups");
    expect(screen.getByRole("combobox", { name: "Start list: user column" })).toHaveValue("用户");
    expect(screen.getByRole("combobox", { name: "Start list: date column" })).toHaveValue("注册日期");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    await screen.findByRole("button", { name: "Open Retention" });
    expect(fake.cell("Retention", "A5")?.value).toBe(46020);
    expect(fake.cell("Retention", "B5")?.value).toBe(10);
    expect(fake.cell("Retention", "A6")?.value).toBe("All");
  });

  it("writes a live formula on a small table, with the computed table's formats and charts over its spill area", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("Events", "Events", "A1", ["User", "Date", "Event", "Channel"], eventColumns(900));
    const { user } = await openMetrics(fake);
    await screen.findByText("900 rows, 4 columns");
    await user.click(screen.getByRole("radio", { name: "Week" }));
    await user.click(screen.getByRole("radio", { name: "Live formula" }));
    await user.click(screen.getByRole("button", { name: "Write formula" }));
    await screen.findByRole("button", { name: "Open Retention (live)" });
    expect(fake.cell("Retention (live)", "A4")?.formula).toBe('=OPS.RETENTION(Events[User], Events[Date], "week", , "classic")');
    expect(fake.cell("Retention (live)", "C5")).toEqual({ numberFormat: "0.0%" });
    expect(fake.cell("Retention (live)", "A5")?.numberFormat).toBe("yyyy-mm-dd");
    const spec = fake.sheet("Retention (live)")!.spec!;
    expect(spec.colorScales).toHaveLength(1);
    expect(spec.charts!.map((c) => c.kind)).toEqual(["line", "line"]);
    expect(fake.savedDefinitions).toBeNull(); // a live sheet recalculates by itself: nothing to refresh
  });
});
