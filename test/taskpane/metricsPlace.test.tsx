/** @jest-environment jsdom */
/**
 * The Metrics tab's output at a chosen place (issue 13): a new sheet stays
 * the default; a typed cell or the current selection puts the whole block
 * (title, provenance line, table, formats, charts) at that top-left of an
 * existing sheet; cells holding data — and a live formula's spill area —
 * are never overwritten without the prompt (Replace / Cancel); a block past
 * Excel's last row or column, over a table, or on a missing sheet is refused
 * with a message (en, zh-CN); Refresh rewrites the same place; definitions
 * saved before places existed still mean a sheet of their own.
 */
import { act, within } from "@testing-library/react";
import { FakeWorkbook } from "../../src/taskpane/host/fakeWorkbook";
import { parseDefinitions, serializeDefinitions, type MetricDefinition } from "../../src/taskpane/components/MetricsTab/metricJob";
import { renderPane, screen, waitFor } from "./helpers";
import { eventColumns } from "../support/metricFixtures";


function workbook(rows = 600): FakeWorkbook {
  const fake = new FakeWorkbook();
  fake.addTable("Events", "Events", "A1", ["User", "Date", "Event", "Channel"], eventColumns(rows));
  fake.setValues("Report", "A1", [["Quarterly report"]]);
  return fake;
}

async function openMetrics(fake: FakeWorkbook, locale: "en" | "zh-CN" = "en") {
  const pane = await renderPane({ fake, locale });
  await pane.user.click(screen.getByRole("tab", { name: locale === "en" ? "Metrics" : "指标" }));
  await screen.findByText(locale === "en" ? /rows, 4 columns/ : /行，4 列/);
  return pane;
}

async function choosePlace(user: Awaited<ReturnType<typeof openMetrics>>["user"], text: string) {
  await user.click(screen.getByRole("radio", { name: "A chosen place" }));
  const box = screen.getByRole("textbox", { name: /Top-left cell/ });
  await user.clear(box);
  await user.type(box, text);
}

const prompt = async () => {
  await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).not.toBeNull());
  return document.querySelector<HTMLElement>('[role="alertdialog"]')!;
};

/** The "All" row of a retention block whose header row is `headerRow` in column `col`. */
function allRow(fake: FakeWorkbook, sheet: string, col: string, headerRow: number): number | undefined {
  for (let r = headerRow + 1; r < headerRow + 100; r++) if (fake.cell(sheet, `${col}${r}`)?.value === "All") return r;
  return undefined;
}

describe("Metrics output: where", () => {
  it("a new sheet is the default; a chosen place writes the whole block at that top-left of the existing sheet", async () => {
    const fake = workbook();
    const { user } = await openMetrics(fake);
    expect(screen.getByRole("radio", { name: "A new sheet" })).toBeChecked();
    expect(screen.queryByRole("textbox", { name: /Top-left cell/ })).not.toBeInTheDocument();
    await choosePlace(user, "Report!C4");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    await screen.findByText("Written at Report!C4.");
    expect(fake.sheetNames).toEqual(["Events", "Report"]); // no new sheet
    expect(fake.cell("Report", "A1")?.value).toBe("Quarterly report"); // the user's content stays
    expect(fake.cell("Report", "C4")).toEqual({ value: "Retention", style: "title" });
    expect(fake.cell("Report", "C5")?.value).toMatch(/^Computed from Events, 600 rows, /);
    expect(fake.cell("Report", "C7")?.value).toBe("Cohort");
    expect(fake.cell("Report", "C8")?.numberFormat).toBe("yyyy-mm-dd");
    expect(fake.cell("Report", "E8")?.numberFormat).toBe("0.0%");
    const placed = fake.sheet("Report")!.placed!;
    expect(placed).toHaveLength(1);
    expect(placed[0]!.spec.colorScales![0]!.range).toMatch(/^E8:/);
    expect(placed[0]!.spec.charts!.map((c) => c.name)).toEqual([`${placed[0]!.chartPrefix} 1`, `${placed[0]!.chartPrefix} 2`]);
    const def = JSON.parse(fake.savedDefinitions!) as { version: number; definitions: MetricDefinition[] };
    expect(def.version).toBe(2);
    expect(def.definitions[0]).toMatchObject({ sheet: "Report", place: { sheet: "Report", cell: "C4" } });
    expect(def.definitions[0]!.place!.cells[0]).toBe("C4:C5");
    expect(screen.getByRole("button", { name: "Refresh Report!C4" })).toBeInTheDocument();
  });

  it("takes the place from the current selection (its top-left cell)", async () => {
    const fake = workbook();
    const { user } = await openMetrics(fake);
    await user.click(screen.getByRole("radio", { name: "A chosen place" }));
    fake.select("Report!D3:F9");
    await user.click(screen.getByRole("button", { name: /Use current selection for Top-left cell/ }));
    await waitFor(() => expect(screen.getByRole("textbox", { name: /Top-left cell/ })).toHaveValue("Report!D3:F9"));
    await user.click(screen.getByRole("button", { name: "Compute" }));
    await screen.findByText("Written at Report!D3.");
    expect(fake.cell("Report", "D3")?.value).toBe("Retention");
  });

  it("asks before covering cells that hold data: Cancel writes nothing, Replace writes over them", async () => {
    const fake = workbook();
    fake.setValues("Report", "D9", [["keep me?"]]);
    fake.setValues("Report", "Z40", [["outside"]]);
    const { user } = await openMetrics(fake);
    await choosePlace(user, "Report!C4");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    let dialog = await prompt();
    expect(within(dialog).getByText("Some cells already hold data")).toBeInTheDocument();
    expect(dialog).toHaveTextContent("Writing at Report!C4 would cover cells that hold data: D9. Replace their contents with the result?");
    expect(within(dialog).queryByRole("button", { name: "Keep both", hidden: true })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeNull());
    expect(fake.calls).not.toContain("writeBlock");
    expect(fake.cell("Report", "D9")?.value).toBe("keep me?");
    expect(fake.cell("Report", "C4")).toBeUndefined();

    await user.click(screen.getByRole("button", { name: "Compute" }));
    dialog = await prompt();
    await user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    await screen.findByText("Written at Report!C4.");
    expect(fake.cell("Report", "D9")?.value).not.toBe("keep me?");
    expect(fake.cell("Report", "Z40")?.value).toBe("outside");
  });

  it("checks the areas under the charts too", async () => {
    const fake = workbook();
    fake.setValues("Report", "K20", [["note under a chart"]]);
    const { user } = await openMetrics(fake);
    await choosePlace(user, "Report!A4");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    const dialog = await prompt();
    expect(dialog).toHaveTextContent("cover cells that hold data: K20.");
    await user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    await screen.findByText("Written at Report!A4.");
    // The chart covers that cell; its content is not deleted.
    expect(fake.cell("Report", "K20")?.value).toBe("note under a chart");
  });

  it("a live formula needs its spill area empty: the prompt says #SPILL!, Replace empties it", async () => {
    const fake = workbook(900);
    fake.setValues("Report", "B9", [[123]]);
    const { user } = await openMetrics(fake);
    await user.click(screen.getByRole("radio", { name: "Week" }));
    await user.click(screen.getByRole("radio", { name: "Live formula" }));
    await choosePlace(user, "Report!A4");
    await user.click(screen.getByRole("button", { name: "Write formula" }));
    const dialog = await prompt();
    expect(dialog).toHaveTextContent("The live formula spills into B9: Excel shows #SPILL! there until those cells are empty.");
    await user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    await screen.findByText("Written at Report!A4.");
    expect(fake.cell("Report", "A7")?.formula).toBe('=OPS.RETENTION(Events[User], Events[Date], "week", , "classic")');
    expect(fake.cell("Report", "B9")?.value).toBeUndefined();
    expect(fake.cell("Report", "C8")).toEqual({ numberFormat: "0.0%" });
    expect(fake.savedDefinitions).toBeNull();
  });

  it.each([
    ["Report!A1048570", /^The result does not fit at Report!A1048570: it would reach row 1,048,[\d,]+, column [A-Z]+, and an Excel sheet ends at row 1,048,576, column XFD\. Choose a place further up or to the left, or a new sheet\.$/],
    ["Report!XFA1", /^The result does not fit at Report!XFA1: it would reach row [\d,]+, column XF[E-Z]/],
    ["Nope!B2", /There is no sheet named Nope\./],
    ["Events!B2", /^The result at Events!B2 would cover the table Events, and Excel tables cannot hold it/],
  ])("refuses %s with a message and writes nothing", async (place, message) => {
    const fake = workbook();
    const { user } = await openMetrics(fake);
    await choosePlace(user, place);
    await user.click(screen.getByRole("button", { name: "Compute" }));
    const title = await screen.findByText("Cannot write at the chosen place");
    expect(title.parentElement!.textContent!.replace("Cannot write at the chosen place", "")).toMatch(message);
    expect(fake.calls).not.toContain("writeBlock");
    expect(fake.savedDefinitions).toBeNull();
  });

  it("a cell without its sheet is on the active sheet, asked at Compute: written there, other cells kept, the prompt for data, Refresh writes there again from another sheet", async () => {
    const fake = workbook();
    fake.setValues("Report", "C9", [["keep me?"]]);
    fake.setValues("Other", "A1", [["other sheet"]]);
    fake.activeSheet = "Other";
    const { user } = await openMetrics(fake);
    await choosePlace(user, "B4");
    // Valid as typed, without asking the workbook at each keystroke.
    expect(screen.queryByText(/^Type a cell/)).not.toBeInTheDocument();
    expect(screen.getByText(/a cell alone, such as B4, is on the active sheet/)).toBeInTheDocument();
    expect(fake.calls).not.toContain("activeSheetName");
    // The user goes to Report before clicking Compute: the sheet is the one active then.
    fake.activeSheet = "Report";
    await user.click(screen.getByRole("button", { name: "Compute" }));
    const dialog = await prompt();
    expect(dialog).toHaveTextContent("Writing at Report!B4 would cover cells that hold data: C9. Replace their contents with the result?");
    await user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    await screen.findByText("Written at Report!B4.");
    expect(fake.calls.filter((c) => c === "activeSheetName")).toHaveLength(1);
    expect(fake.cell("Report", "A1")?.value).toBe("Quarterly report");
    expect(fake.cell("Report", "B4")).toEqual({ value: "Retention", style: "title" });
    expect(fake.cell("Report", "B7")?.value).toBe("Cohort");
    expect(fake.cell("Other", "B4")).toBeUndefined();
    expect(fake.cell("Other", "A1")?.value).toBe("other sheet");
    const def = (JSON.parse(fake.savedDefinitions!) as { definitions: MetricDefinition[] }).definitions[0]!;
    expect(def).toMatchObject({ sheet: "Report", place: { sheet: "Report", cell: "B4" } });
    const row = allRow(fake, "Report", "B", 7)!;
    expect(fake.cell("Report", `C${row}`)?.value).toBe(300);

    // Later, on another sheet: Refresh writes at Report!B4 again, not on the active sheet.
    await fake.activateSheet("Other");
    act(() => fake.changeTable("Events", 0, 0, "a-new-user"));
    await screen.findByText("Source changed");
    await user.click(screen.getByRole("button", { name: "Refresh Report!B4" }));
    await waitFor(() => expect(screen.queryByText("Source changed")).not.toBeInTheDocument());
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(fake.cell("Report", `C${allRow(fake, "Report", "B", 7)!}`)?.value).toBe(301);
    expect(fake.cell("Other", "B4")).toBeUndefined();
    expect(fake.sheet("Other")!.placed).toBeUndefined();
    expect(fake.sheet("Report")!.placed).toHaveLength(1);
    expect(fake.calls.filter((c) => c === "activeSheetName")).toHaveLength(1);
    expect(fake.sheetNames).toEqual(["Events", "Report", "Other"]);
  });

  it("a cell without its sheet when the workbook cannot name the active sheet: the read error, nothing written", async () => {
    const fake = workbook();
    const { user } = await openMetrics(fake);
    await choosePlace(user, "$B$4");
    fake.failures.activeSheetName = new Error("GeneralException: the workbook is busy");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    const title = await screen.findByText("Something went wrong");
    expect(title.parentElement!.textContent).toContain("Excel could not read that range. Check the address (for example Sheet1!A2:A100) and try again. Details: GeneralException: the workbook is busy");
    expect(fake.calls).not.toContain("readColumns");
    expect(fake.calls).not.toContain("inspectCells");
    expect(fake.calls).not.toContain("writeBlock");
    expect(fake.savedDefinitions).toBeNull();
    expect(screen.queryByText(/^Written at/)).not.toBeInTheDocument();
  });

  it("a range that is not a cell (whole columns) is refused as typed and Compute waits", async () => {
    const fake = workbook();
    const { user } = await openMetrics(fake);
    await choosePlace(user, "B:D");
    expect(screen.getByText("Type a cell, such as Report!B4, or a cell alone, such as B4, for the active sheet.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Compute" })).toHaveAttribute("aria-disabled", "true");
    expect(fake.calls).not.toContain("activeSheetName");
  });

  it("Refresh rewrites the same place: no prompt for its own cells, one block, one definition", async () => {
    const fake = workbook();
    const { user } = await openMetrics(fake);
    await choosePlace(user, "Report!B4");
    await user.click(screen.getByRole("button", { name: "Compute" }));
    await screen.findByRole("button", { name: "Refresh Report!B4" });
    const row = allRow(fake, "Report", "B", 7)!;
    expect(fake.cell("Report", `C${row}`)?.value).toBe(300);
    // The user switches back to "new sheet": a refresh still goes to the saved place.
    await user.click(screen.getByRole("radio", { name: "A new sheet" }));
    // The change event sets pane state outside a user action: wrap it as React expects.
    act(() => fake.changeTable("Events", 0, 0, "a-new-user"));
    await screen.findByText("Source changed");
    await user.click(screen.getByRole("button", { name: "Refresh Report!B4" }));
    await waitFor(() => expect(screen.queryByText("Source changed")).not.toBeInTheDocument());
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(fake.cell("Report", `C${allRow(fake, "Report", "B", 7)!}`)?.value).toBe(301);
    expect(fake.sheet("Report")!.placed).toHaveLength(1);
    expect(fake.sheetNames).toEqual(["Events", "Report"]);
    expect(JSON.parse(fake.savedDefinitions!).definitions).toHaveLength(1);
  });

  it("zh-CN: the choice and the refusal in Chinese", async () => {
    const fake = workbook();
    const { user } = await openMetrics(fake, "zh-CN");
    expect(screen.getByRole("radio", { name: "新工作表" })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: "选定的位置" }));
    await user.type(screen.getByRole("textbox", { name: /左上角单元格/ }), "Report!A1048576");
    await user.click(screen.getByRole("button", { name: "计算" }));
    const title = await screen.findByText("无法写入选定的位置");
    expect(title.parentElement!.textContent).toMatch(/结果放不下 Report!A1048576：它将到达第 1,048,[\d,]+ 行、第 [A-Z]+ 列，而 Excel 工作表最多到第 1,048,576 行、XFD 列/);
  });
});

describe("FakeWorkbook.writeBlock (the in-memory writer at an offset)", () => {
  it("writes only the block's cells, clears our earlier cells and charts, empties overwritten contents but keeps their formats, and measures the request", async () => {
    const fake = new FakeWorkbook();
    fake.setValues("S", "A1", [["user", "data"]]);
    fake.sheet("S")!.cells.set("E5", { value: "typed", numberFormat: "0.00" });
    await fake.writeBlock({ kind: "k", name: "S", blocks: [{ anchor: "D4", rows: [[{ value: "old" }], [{ value: "old2" }]] }] }, { chartPrefix: "OpsKit a" });
    await fake.writeBlock({ kind: "k", name: "S", blocks: [{ anchor: "E4", rows: [[{ value: 1 }, { value: 2 }]] }] }, { chartPrefix: "OpsKit b", overwrite: ["E5"] });
    expect(fake.cell("S", "E5")).toEqual({ numberFormat: "0.00" });
    await fake.writeBlock({ kind: "k", name: "S", blocks: [{ anchor: "D6", rows: [[{ value: "new" }]] }] }, { chartPrefix: "OpsKit a", clear: ["D4:D5"] });
    expect([fake.cell("S", "D4"), fake.cell("S", "D5"), fake.cell("S", "D6")?.value]).toEqual([undefined, undefined, "new"]);
    expect([fake.cell("S", "A1")?.value, fake.cell("S", "E4")?.value, fake.cell("S", "F4")?.value]).toEqual(["user", 1, 2]);
    expect(fake.sheet("S")!.placed!.map((p) => p.chartPrefix)).toEqual(["OpsKit b", "OpsKit a"]);
    expect(fake.requests.filter((r) => r.op === "write")).toHaveLength(3);
    await expect(fake.writeBlock({ kind: "k", name: "Missing", blocks: [] })).rejects.toThrow("No sheet named Missing");
  });

  it("inspectCells: the used part of each range, table cells included; null sheet when missing", async () => {
    const fake = new FakeWorkbook();
    fake.addTable("T", "S", "C3", ["a", "b"], [[1, 2], [3, 4]]);
    fake.setValues("S", "H8", [["x"]]);
    fake.setValues("S", "J9", [["y"]]);
    await expect(fake.inspectCells("s", ["A1:B9", "A1:D3", "G7:K12", "H8"])).resolves.toEqual({ sheet: "S", used: ["", "C3:D3", "H8:J9", "H8"] });
    await expect(fake.inspectCells("Nope", ["A1"])).resolves.toEqual({ sheet: null, used: [] });
  });
});

describe("saved definitions and places", () => {
  const base = { id: "x", metric: "retention", options: {}, source: { table: "Events", sheet: "Events", address: "A1:D9" }, columns: { user: "User" }, computedAt: "2026-12-03 14:05", rows: 8, locale: "en" };

  it("a version-1 definition (before places) is a result sheet's; a malformed place is dropped", () => {
    const v1 = JSON.stringify({ format: "opskit.metrics", version: 1, definitions: [{ ...base, sheet: "Retention" }, { ...base, id: "y", sheet: "R2", place: { sheet: "R2", cell: "not a cell" } }] });
    const defs = parseDefinitions(v1);
    expect(defs.map((d) => [d.sheet, d.place])).toEqual([
      ["Retention", undefined],
      ["R2", undefined],
    ]);
  });

  it("a place survives a save and a load", () => {
    const place = { sheet: "Report", cell: "B4", cells: ["B4:B5", "B7:E10"], charts: ["G7:O22"] };
    const text = serializeDefinitions([{ ...(base as unknown as MetricDefinition), sheet: "Report", place }]);
    expect(parseDefinitions(text)[0]!.place).toEqual(place);
  });
});
