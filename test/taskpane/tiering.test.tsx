/** @jest-environment jsdom */
/** The Customer tiering tab: ranges from the selection, method and cutoffs, tier counts before writing. */
import { within } from "@testing-library/react";
import { expectedTiering } from "../../src/core/generators/tiering";
import { FakeWorkbook, seedDemoData } from "../../src/taskpane/host/fakeWorkbook";
import { previewTiers } from "../../src/core/metrics/tierPreview";
import { renderPane, screen, waitFor } from "./helpers";

async function openTiering() {
  const fake = new FakeWorkbook();
  seedDemoData(fake);
  const pane = await renderPane({ fake });
  await pane.user.click(screen.getByRole("tab", { name: "Customer tiering" }));
  return { ...pane, fake };
}

const countsTable = () => screen.getByRole("table", { name: "Tier counts" });
const countOf = (tier: string) => within(countsTable()).getByRole("row", { name: new RegExp(`^${tier} `) }).querySelectorAll("td")[0]!.textContent;

describe("Customer tiering tab", () => {
  it("previews the tier counts from the selected values, then writes the sheet", async () => {
    const { user, fake } = await openTiering();
    expect(screen.getByText(/pick the customer values/i)).toBeInTheDocument();
    fake.select("Customers!B2:B21");
    await user.click(screen.getByRole("button", { name: /use current selection for customer values/i }));
    fake.select("Customers!A2:A21");
    await user.click(screen.getByRole("button", { name: /use current selection for customer names/i }));
    await waitFor(() => expect(countsTable()).toBeInTheDocument());
    // Same rule as the sheet's formulas (expectedTiering).
    const values = [520000, 310000, 180000, 150000, 98000, 76000, 64000, 51000, 42000, 36000, 30000, 24000, 18000, 15000, 12000, 9000, 6000, 4000, 2500, 1000];
    const expected = expectedTiering(values.map((value, i) => ({ name: `c${i}`, value })));
    for (const s of expected.summary) expect(countOf(s.label)).toBe(String(s.count));

    await user.click(screen.getByRole("button", { name: "Write tiering sheet" }));
    const result = await screen.findByRole("region", { name: "Created sheets" });
    expect(within(result).getByRole("button", { name: "Open Customer tiers" })).toBeInTheDocument();
    expect(fake.cell("Customer tiers", "A5")?.value).toBe("Customer 01");
    expect(fake.cell("Customer tiers", "B5")?.value).toBe(520000);
    expect(fake.cell("Customer tiers", "E5")?.formula).toMatch(/^=IF\(/);
  });

  it("recounts when the method or a cutoff changes, and reports bad cutoffs", async () => {
    const { user, fake } = await openTiering();
    await user.type(screen.getByRole("textbox", { name: /customer values/i }), "Customers!B2:B21");
    await waitFor(() => expect(countsTable()).toBeInTheDocument());
    expect(fake.calls).toContain("readRange");
    await user.click(screen.getByRole("radio", { name: "Rank (share of customers)" }));
    expect(countOf("S")).toBe("2"); // top 10 % of 20 customers
    await user.click(screen.getByRole("radio", { name: "Thresholds (value at least)" }));
    expect(countOf("S")).toBe("4"); // ≥ 100,000
    const cutoffS = screen.getByRole("textbox", { name: "Cutoff for S" });
    await user.clear(cutoffS);
    await user.type(cutoffS, "300000");
    expect(countOf("S")).toBe("2");
    // Thresholds are written too now (issue 16, item 11): valid cutoffs leave Write enabled.
    expect(screen.getByRole("button", { name: "Write tiering sheet" })).not.toHaveAttribute("aria-disabled", "true");
    await user.click(screen.getByRole("radio", { name: "Pareto (share of total value)" }));
    const cutoffA = screen.getByRole("textbox", { name: "Cutoff for A" });
    await user.clear(cutoffA);
    await user.type(cutoffA, "0.2");
    expect(screen.getByText(/Cutoffs must be numbers/)).toBeInTheDocument();
  });

  it("says when names and values do not line up", () => {
    const p = previewTiers([["a"], ["b"]], [[1], [2], [3]], "pareto", [0.5, 0.8, 0.95], (n) => `C${n}`);
    expect(p).toEqual({ kind: "mismatch", names: 2, values: 3 });
    expect(previewTiers(null, [["x"], [""]], "pareto", [0.5, 0.8, 0.95], String)).toEqual({ kind: "noNumbers" });
  });
});

describe("Customer tiering tab: stale errors (issue 16, item 11)", () => {
  it("clears the error of a range that could not be read once a valid range is chosen", async () => {
    const { user, fake } = await openTiering();
    await user.type(screen.getByRole("textbox", { name: /customer values/i }), "NoSheet!A1:A5");
    await screen.findByText(/could not|cannot|not be read|无法/i);
    const error = () => screen.queryByText((_, el) => el?.classList.contains("fui-MessageBarBody") === true && /NoSheet|read/i.test(el.textContent ?? ""));
    expect(error()).not.toBeNull();
    fake.select("Customers!B2:B21");
    await user.click(screen.getByRole("button", { name: /use current selection for customer values/i }));
    await waitFor(() => expect(countsTable()).toBeInTheDocument());
    expect(error()).toBeNull();
  });
});

describe("Customer tiering tab: every method is written (issue 16, item 11)", () => {
  it.each<[string, RegExp, unknown]>([
    ["Rank (share of customers)", /COUNTIF\(\$B\$5:\$B\$24,">"&B5\)\/COUNTIF\(\$B\$5:\$B\$24,">0"\)/, 0.1],
    ["Thresholds (value at least)", /^=IF\(B5="","",INDEX\(\$J\$5:\$J\$8,1\+SUMPRODUCT\(--\(\$K\$5:\$K\$7>B5\)\)\)\)$/, 100000],
  ])("writes the tiering sheet with %s", async (method, formula, firstCutoff) => {
    const { user, fake } = await openTiering();
    await user.type(screen.getByRole("textbox", { name: /customer values/i }), "Customers!B2:B21");
    await waitFor(() => expect(countsTable()).toBeInTheDocument());
    await user.click(screen.getByRole("radio", { name: method }));
    expect(screen.queryByText(/computes tiers with the Pareto rule/i)).not.toBeInTheDocument();
    const write = screen.getByRole("button", { name: "Write tiering sheet" });
    expect(write).not.toHaveAttribute("aria-disabled", "true");
    await user.click(write);
    await screen.findByRole("region", { name: "Created sheets" });
    expect(fake.cell("Customer tiers", "E5")?.formula).toMatch(formula);
    expect(fake.cell("Customer tiers", "K5")?.value).toBe(firstCutoff);
  });
});
