/** @jest-environment jsdom */
/** The Share tab: what needs the add-in, freezing OPS results as values and restoring the formulas, on the fake workbook. */
import { within } from "@testing-library/react";
import { OPS_FORMULAS_SHEET } from "../../src/core/sharing/formulasSheet";
import { FakeWorkbook } from "../../src/taskpane/host/fakeWorkbook";
import { renderPane, screen, waitFor } from "./helpers";

const RET = '=OPS.RETENTION(Users!A2:A41, Users!B2:B41, "day", 2)';

function workbook(): FakeWorkbook {
  const fake = new FakeWorkbook();
  fake.setValues("Users", "A1", [["User", "Date"], ["u1", 46023]]);
  fake.setFormula("Metrics", "B2", RET, [[0.5, 0.25], [0.4, 0.2]]);
  fake.setFormula("Metrics", "B5", '=OPS.PAYRATE(Users!A2:A41, Users!A2:A41, "rate")', 0.2);
  fake.setFormula("Metrics", "D5", "=B5*100", 20);
  fake.setFormula("Summary", "A1", "=IFERROR(Metrics!C3, \"\")", 0.2);
  fake.setFormula("Summary", "A2", "=SUM(Users!B2:B3)", 46023);
  fake.activeSheet = "Users";
  return fake;
}

async function openShare(fake = workbook()) {
  const pane = await renderPane({ fake });
  await pane.user.click(screen.getByRole("tab", { name: "Share" }));
  await screen.findByRole("button", { name: "Check what needs the add-in" });
  // The tab reads whether formulas are frozen when it opens.
  await waitFor(() => expect(fake.calls).toContain("hasFrozenFormulas"));
  return { ...pane, fake };
}

describe("Share tab", () => {
  it("lists the cells using OPS functions and the cells that use their results", async () => {
    const { user } = await openShare();
    await user.click(screen.getByRole("button", { name: "Check what needs the add-in" }));
    const ops = await screen.findByRole("list", { name: "Cells using OPS functions (2)" });
    const opsItems = within(ops).getAllByRole("listitem");
    expect(opsItems.map((li) => li.querySelector("span")?.textContent)).toEqual(["Metrics!B2:C3", "Metrics!B5"]);
    expect(within(ops).getByText(RET)).toBeInTheDocument();

    const deps = screen.getByRole("list", { name: "Cells that use their results (2)" });
    const depItems = within(deps).getAllByRole("listitem");
    expect(depItems).toHaveLength(2);
    expect(within(depItems[0]!).getByText("Metrics!D5")).toBeInTheDocument();
    expect(within(depItems[0]!).getByText(/not guarded/i)).toBeInTheDocument();
    expect(within(depItems[1]!).getByText("Summary!A1")).toBeInTheDocument();
    expect(within(depItems[1]!).getByText(/^guarded/i)).toBeInTheDocument();
    // A formula that does not touch an OPS result is not listed.
    expect(screen.queryByText("Summary!A2")).not.toBeInTheDocument();
  });

  it("says so when nothing needs the add-in", async () => {
    const fake = new FakeWorkbook();
    fake.setValues("Data", "A1", [[1]]);
    const { user } = await openShare(fake);
    await user.click(screen.getByRole("button", { name: "Check what needs the add-in" }));
    expect(await screen.findByText(/nothing in this workbook needs the add-in/i)).toBeInTheDocument();
  });

  it("freezes OPS results in place after confirming, then restores the live formulas", async () => {
    const { user, fake } = await openShare();
    expect(screen.getByRole("button", { name: "Restore live formulas" })).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: /freeze in copies/i }));
    expect(screen.getByRole("checkbox", { name: /freeze in copies/i })).not.toBeChecked();
    await user.click(screen.getByRole("button", { name: "Freeze OPS results as values" }));
    const confirm = await screen.findByRole("button", { name: "Freeze" });
    expect(screen.getByRole("group", { name: "Freeze OPS results?" })).toHaveTextContent(/replaced by today's values/i);
    await user.click(confirm);

    await screen.findByText(/2 OPS cells frozen as values on \d{4}-\d{2}-\d{2}/);
    expect(fake.cell("Metrics", "B2")).toEqual({ value: 0.5 });
    expect(fake.cell("Metrics", "C3")?.value).toBe(0.2);
    expect(fake.cell("Metrics", "B5")).toEqual({ value: 0.2 });
    expect(fake.cell("Metrics", "D5")?.formula).toBe("=B5*100");
    expect(fake.sheet(OPS_FORMULAS_SHEET)?.hidden).toBe(true);
    expect(await screen.findByText(/2 formulas are frozen \(values as of \d{4}-\d{2}-\d{2}\)/)).toBeInTheDocument();

    // Nothing needs the add-in any more.
    await user.click(screen.getByRole("button", { name: "Check what needs the add-in" }));
    expect(await screen.findByText(/nothing in this workbook needs the add-in/i)).toBeInTheDocument();

    const restore = screen.getByRole("button", { name: "Restore live formulas" });
    await waitFor(() => expect(restore).toBeEnabled());
    await user.click(restore);
    await screen.findByText(/2 formulas restored/);
    expect(fake.cell("Metrics", "B2")?.formula).toBe(RET);
    expect(fake.cell("Metrics", "B2")?.spill).toEqual([[0.5, 0.25], [0.4, 0.2]]);
    expect(fake.cell("Metrics", "B5")?.formula).toMatch(/^=OPS\.PAYRATE\(/);
    expect(fake.sheet(OPS_FORMULAS_SHEET)).toBeUndefined();
    await waitFor(() => expect(screen.getByRole("button", { name: "Restore live formulas" })).toBeDisabled());
  });

  it("freezes in copies by default, keeping the original sheets live", async () => {
    const { user, fake } = await openShare();
    await user.click(screen.getByRole("button", { name: "Freeze OPS results as values" }));
    const confirm = await screen.findByRole("button", { name: "Freeze" });
    expect(screen.getByRole("group", { name: "Freeze OPS results?" })).toHaveTextContent(/copies of the sheets/i);
    await user.click(confirm);
    await screen.findByText(/Copies made: Metrics \(values\)/);
    expect(fake.sheetNames).toEqual(["Users", "Metrics", "Metrics (values)", "Summary", OPS_FORMULAS_SHEET]);
    expect(fake.cell("Metrics", "B2")?.formula).toBe(RET);
    expect(fake.cell("Metrics (values)", "B2")).toEqual({ value: 0.5 });
  });

  it("cancelling the confirmation changes nothing", async () => {
    const { user, fake } = await openShare();
    await user.click(screen.getByRole("button", { name: "Freeze OPS results as values" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("group", { name: "Freeze OPS results?" })).not.toBeInTheDocument());
    expect(fake.calls).not.toContain("freezeOpsValues");
    expect(fake.cell("Metrics", "B2")?.formula).toBe(RET);
  });

  it("reports a failure in plain words", async () => {
    const { user, fake } = await openShare();
    fake.failures.scanAddinDependencies = new Error("The workbook is busy.");
    await user.click(screen.getByRole("button", { name: "Check what needs the add-in" }));
    expect(await screen.findByText(/could not be changed or read.*The workbook is busy\./)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Check what needs the add-in" })).toBeEnabled();
  });
});

describe("Share tab: what each mode does (issue 16, item 10)", () => {
  it("says what freezing in copies leaves behind, counts one cell in the singular, and does not freeze twice", async () => {
    const fake = new FakeWorkbook();
    fake.setValues("Users", "A1", [["User"], ["u1"]]);
    fake.setFormula("KPIs", "B5", '=OPS.PAYRATE(Users!A2:A41, Users!A2:A41, "rate")', 0.2);
    const { user } = await openShare(fake);
    expect(screen.getByText(/the original sheets keep their OPS formulas: the check still lists them and the workbook still needs OpsKit/i)).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: /freeze in copies/i }));
    expect(screen.getByText(/the workbook no longer needs OpsKit/i)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Freeze OPS results as values" }));
    await user.click(await screen.findByRole("button", { name: "Freeze" }));
    await screen.findByText(/^1 OPS cell frozen as a value on \d{4}-\d{2}-\d{2}\.$/);
    expect(await screen.findByText(/^1 formula is frozen \(value as of \d{4}-\d{2}-\d{2}\)/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Freeze OPS results as values" })).toBeDisabled();
    expect(screen.getByText(/restore them before freezing again/i)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Restore live formulas" }));
    await screen.findByText(/^1 formula restored; the hidden sheet was removed\.$/);
    await waitFor(() => expect(screen.getByRole("button", { name: "Freeze OPS results as values" })).toBeEnabled());
  });
});

describe("Share tab: Restore undoes exactly what Freeze did (issue 16, item 10)", () => {
  it("after a freeze in copies, Restore deletes the copies and leaves the originals as they were", async () => {
    const { user, fake } = await openShare();
    const before = { b2: fake.cell("Metrics", "B2"), b5: fake.cell("Metrics", "B5"), d5: fake.cell("Metrics", "D5") };
    await user.click(screen.getByRole("button", { name: "Freeze OPS results as values" }));
    await user.click(await screen.findByRole("button", { name: "Freeze" }));
    await screen.findByText(/Copies made: Metrics \(values\)/);
    // The pane says what Restore will do, on the button and in the note.
    const restore = await screen.findByRole("button", { name: "Delete the value copies" });
    expect(screen.getByText(/Values frozen in copies as of \d{4}-\d{2}-\d{2}: Metrics \(values\)\. Restore deletes these copies/)).toBeInTheDocument();
    await waitFor(() => expect(restore).toBeEnabled());
    await user.click(restore);
    await screen.findByText("Deleted the value copies: Metrics (values). The original sheets were not changed; the hidden sheet was removed.");
    expect(fake.sheetNames).toEqual(["Users", "Metrics", "Summary"]);
    expect(fake.cell("Metrics", "B2")).toEqual(before.b2);
    expect(fake.cell("Metrics", "B5")).toEqual(before.b5);
    expect(fake.cell("Metrics", "D5")).toEqual(before.d5);
    await waitFor(() => expect(screen.getByRole("button", { name: "Restore live formulas" })).toBeDisabled());
    expect(screen.getByRole("button", { name: "Freeze OPS results as values" })).toBeEnabled();
  });

  it("in Chinese, says what each mode does and what Restore deleted", async () => {
    const fake = workbook();
    const { user } = await renderPane({ fake, locale: "zh-CN" });
    await user.click(screen.getByRole("tab", { name: "共享" }));
    await screen.findByRole("button", { name: "检查哪些内容需要加载项" });
    await waitFor(() => expect(fake.calls).toContain("hasFrozenFormulas"));
    expect(await screen.findByText(/“恢复”会删除这些副本，原工作表保持不变/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "将 OPS 结果冻结为数值" }));
    await user.click(await screen.findByRole("button", { name: "冻结" }));
    const restore = await screen.findByRole("button", { name: "删除数值副本" });
    await waitFor(() => expect(restore).toBeEnabled());
    await user.click(restore);
    await screen.findByText("已删除数值副本：Metrics (values)。原工作表未作改动；隐藏工作表已删除。");
    expect(fake.sheetNames).toEqual(["Users", "Metrics", "Summary"]);
  });
});

describe("Share tab: Restore after a freeze in copies by an older OpsKit (no \"Copy of\" column)", () => {
  /** What an older version left: a freeze in copies whose hidden sheet has no column G. */
  async function legacyFrozen(): Promise<FakeWorkbook> {
    const fake = workbook();
    await fake.freezeOpsValues({ frozenAt: "2026-05-01", copySheets: true, locale: "en" });
    const hidden = fake.sheet(OPS_FORMULAS_SHEET)!;
    for (const address of [...hidden.cells.keys()]) if (address.startsWith("G")) hidden.cells.delete(address);
    fake.calls.length = 0;
    return fake;
  }

  it("recognises the copies by their names, deletes them and leaves the originals as they were", async () => {
    const fake = await legacyFrozen();
    const before = { b2: fake.cell("Metrics", "B2"), b5: fake.cell("Metrics", "B5"), d5: fake.cell("Metrics", "D5") };
    const { user } = await openShare(fake);
    const restore = await screen.findByRole("button", { name: "Delete the value copies" });
    expect(screen.getByText(/Values frozen in copies as of 2026-05-01: Metrics \(values\)\. Restore deletes these copies/)).toBeInTheDocument();
    await waitFor(() => expect(restore).toBeEnabled());
    await user.click(restore);
    await screen.findByText("Deleted the value copies: Metrics (values). The original sheets were not changed; the hidden sheet was removed.");
    expect(fake.sheetNames).toEqual(["Users", "Metrics", "Summary"]);
    expect(fake.cell("Metrics", "B2")).toEqual(before.b2);
    expect(fake.cell("Metrics", "B5")).toEqual(before.b5);
    expect(fake.cell("Metrics", "D5")).toEqual(before.d5);
  });

  it("when it cannot tell (the original was renamed), says so and changes nothing", async () => {
    const fake = await legacyFrozen();
    fake.sheet("Metrics")!.name = "Metrics 2026";
    const copy = new Map(fake.sheet("Metrics (values)")!.cells);
    const { user } = await openShare(fake);
    const restore = await screen.findByRole("button", { name: "Restore live formulas" });
    await waitFor(() => expect(restore).toBeEnabled());
    await user.click(restore);
    await screen.findByText(
      `Restore changed nothing: this workbook was frozen by an older version of OpsKit, and its record does not say whether Metrics (values) are value copies (to delete) or sheets frozen in place (to get their formulas back). If they are value copies, delete them and click Restore again; otherwise their original formulas are listed in the hidden sheet "${OPS_FORMULAS_SHEET}".`,
    );
    expect(fake.sheetNames).toEqual(["Users", "Metrics 2026", "Metrics (values)", "Summary", OPS_FORMULAS_SHEET]);
    expect(fake.sheet("Metrics (values)")!.cells).toEqual(copy);
    expect([...copy.values()].some((c) => c.formula?.includes("OPS."))).toBe(false);
    // Still frozen: Restore stays available once the user has sorted the sheets out.
    expect(screen.getByRole("button", { name: "Freeze OPS results as values" })).toBeDisabled();
  });

  it("says so in Chinese", async () => {
    const fake = await legacyFrozen();
    fake.sheet("Metrics")!.name = "指标 2026";
    const { user } = await renderPane({ fake, locale: "zh-CN" });
    await user.click(screen.getByRole("tab", { name: "共享" }));
    await waitFor(() => expect(fake.calls).toContain("hasFrozenFormulas"));
    const restore = await screen.findByRole("button", { name: "恢复实时公式" });
    await waitFor(() => expect(restore).toBeEnabled());
    await user.click(restore);
    await screen.findByText(/^恢复未作任何改动：此工作簿由旧版 OpsKit 冻结，其记录无法说明 Metrics \(values\) 是数值副本/);
    expect(fake.sheetNames).toContain("Metrics (values)");
  });
});
