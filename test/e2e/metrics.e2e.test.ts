/**
 * The Metrics tab end to end, in headless Chromium (Debian's `chromium`,
 * playwright-core) against the built pane's in-memory workbook (?fake=1,
 * window.opskitFake), which enforces Excel's request limits: a generated
 * Events table of 1,048,575 rows (Excel's maximum under a header) gives a
 * computed weekly RETENTION by segment and a 4-step, 14-day FUNNEL, each
 * written with its heat-map / data bars and charts; the progress bar moves;
 * Cancel stops the reading and writes nothing; a live formula is refused
 * with the estimate; axe finds no serious or critical problem; screenshots
 * in English and Chinese go to test-output/e2e-metrics/.
 *
 * Without chromium the suite is skipped with a message, except in CI.
 */
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { DIST, ROOT, baseOf, ensureBuilt, launchPane, openTab, requireChromium, serve, waitForText } from "../support/browser";

const OUT = path.join(ROOT, "test-output", "e2e-metrics");
const ROWS = 1_048_575;
const suite = requireChromium("metrics e2e") ? describe : describe.skip;

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5000 });
}

async function checkAxe(page: Page, label: string): Promise<void> {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).exclude("[data-tabster-dummy]").analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect([label, bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)]).toEqual([label, []]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

/** Opens the pane, fills the fake workbook with the Events table (generated in the page), opens the Metrics tab. */
async function openWithEvents(page: Page, base: string, lang: "en" | "zh-CN", headers: string[]): Promise<void> {
  await page.goto(`${base}/taskpane.html?fake=1&delay=60&lang=${lang}`);
  await page.waitForFunction(() => window.opskitReadyAt !== undefined);
  await page.evaluate(
    ({ rows, headers }) => {
      const fake = window.opskitFake!;
      const user: string[] = new Array(rows);
      const date: number[] = new Array(rows);
      const event: string[] = new Array(rows);
      const channel: string[] = new Array(rows);
      const steps = ["browse", "register", "try", "pay"];
      const channels = ["search", "ads", "partner", "referral"];
      // 87,381 users; each has 12 rows a week apart, the funnel steps first.
      let seed = 42;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const users = Math.ceil(rows / 12);
      for (let i = 0; i < rows; i++) {
        const u = i % users;
        const visit = Math.floor(i / users);
        user[i] = `u${String(u).padStart(7, "0")}`;
        date[i] = 46024 + (u % 140) + visit * 7 + Math.floor(random() * 86400) / 86400;
        event[i] = visit < 4 && random() < 0.8 - visit * 0.15 ? steps[visit]! : "view_docs";
        channel[i] = channels[u % 4]!;
      }
      (fake as unknown as { addTable: (n: string, s: string, a: string, h: string[], c: unknown[][]) => void }).addTable("Events", "Events", "A1", headers, [user, date, event, channel]);
    },
    { rows: ROWS, headers },
  );
  await openTab(page, lang === "en" ? "Metrics" : "指标");
}

suite("Metrics tab in headless Chromium, 1,048,575-row Events table", () => {
  let server: http.Server;
  let context: BrowserContext;
  let page: Page;
  let base = "";
  const pageErrors: string[] = [];
  // functions.js and commands.js need Office's runtimes, absent here; the pane's own errors count.
  const paneErrors = () => pageErrors.filter((m) => !/\/(commands|functions)\.js/.test(m));

  beforeAll(async () => {
    ensureBuilt();
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    server = await serve(DIST);
    base = baseOf(server);
    context = await launchPane(base, { width: 360, extraArgs: ["--js-flags=--max-old-space-size=4096"] });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => pageErrors.push(`${e.message} @ ${e.stack ?? ""}`));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it("refuses a live formula with the estimate, computes RETENTION (week, segments) and FUNNEL (4 steps, 14 days), and Cancel writes nothing", async () => {
    await openWithEvents(page, base, "en", ["User", "Date", "Event", "Channel"]);
    await waitForText(page, "1,048,575 rows, 4 columns");

    // Live formula: refused, with the estimate.
    await expect(page.getByRole("radio", { name: "Live formula" }).isDisabled()).resolves.toBe(true);
    const refusal = await page.locator("#opskit-metrics-estimate").textContent();
    expect(refusal).toMatch(/^A live formula is not offered here: it would send about \d+\.\d MB to the function/);
    const estimateMb = Number(/about (\d+\.\d) MB/.exec(refusal!)![1]);
    expect(estimateMb).toBeGreaterThan(5);
    await checkAxe(page, "metrics source");
    await screenshot(page, "metrics-en-1-source");

    // RETENTION by week and segment: progress observed, then the sheet.
    await page.getByRole("radio", { name: "Week" }).click();
    await page.getByRole("checkbox", { name: "Split by channel / segment" }).click();
    await page.evaluate(() => ((window.opskitFake as unknown as { readDelayMs: number }).readDelayMs = 40));
    await page.getByRole("button", { name: "Compute" }).click();
    const bar = page.getByRole("progressbar", { name: "Reading rows" });
    await bar.waitFor();
    await page.waitForFunction(() => /Read [1-9][\d,]* of 1,048,575 rows/.test(document.body.innerText));
    const midway = await page.getByText(/^Read [\d,]+ of 1,048,575 rows/).textContent();
    await page.screenshot({ path: path.join(OUT, "metrics-en-2-reading.png"), fullPage: true }); // at once: the reading is short
    await page.getByRole("button", { name: "Open Retention" }).waitFor({ timeout: 120_000 });
    const retention = await page.evaluate(() => {
      const fake = window.opskitFake!;
      const spec = fake.sheet("Retention")!.spec!;
      return {
        header: fake.cell("Retention", "A4")?.value,
        all: [...Array(30).keys()].map((r) => fake.cell("Retention", `A${r + 5}`)?.value).includes("All"),
        share: fake.cell("Retention", "C5")?.numberFormat,
        scales: spec.colorScales?.length ?? 0,
        charts: (spec.charts ?? []).map((c) => c.kind),
        largest: Math.max(...fake.requests.map((r) => r.bytes)),
        reads: fake.requests.filter((r) => r.op === "read").length,
      };
    });
    expect(retention).toMatchObject({ header: "Segment", all: true, share: "0.0%", scales: 1, charts: ["line", "column"] });
    expect(retention.largest).toBeLessThan(5_000_000);
    expect(retention.reads).toBeGreaterThan(5);
    console.log(`metrics e2e: progress seen "${midway}"; ${retention.reads} reads, largest request ${retention.largest} bytes`);

    // Cancel: the reading stops and nothing is written.
    await page.getByRole("radio", { name: "Funnel (OPS.FUNNEL)" }).click();
    await page.getByRole("checkbox", { name: "Split by channel / segment" }).click(); // one funnel for all users
    for (const step of ["browse", "register", "try", "pay"]) {
      await page.getByRole("combobox", { name: "Event to add" }).fill(step);
      await page.getByRole("button", { name: "Add step" }).click();
    }
    await expect(page.getByRole("textbox", { name: "Window (days from the first step)" }).inputValue()).resolves.toBe("14");
    const before = await page.evaluate(() => ({ sheets: window.opskitFake!.sheetNames, requests: window.opskitFake!.requests.length }));
    await page.getByRole("button", { name: "Compute" }).click();
    await page.waitForFunction(() => /Read [1-9][\d,]* of 1,048,575 rows/.test(document.body.innerText));
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Cancelled. Nothing was written.").waitFor();
    const afterCancel = await page.evaluate(() => ({ sheets: window.opskitFake!.sheetNames, requests: window.opskitFake!.requests.length }));
    await page.waitForTimeout(300);
    const later = await page.evaluate(() => window.opskitFake!.requests.length);
    expect(afterCancel.sheets).toEqual(before.sheets);
    expect(later).toBe(afterCancel.requests); // no more reads after Cancel
    expect(afterCancel.requests - before.requests).toBeLessThan(retention.reads);
    await checkAxe(page, "metrics cancelled");

    // FUNNEL, 4 steps, 14 days.
    await page.evaluate(() => ((window.opskitFake as unknown as { readDelayMs: number }).readDelayMs = 0));
    await page.getByRole("button", { name: "Compute" }).click();
    await page.getByRole("button", { name: "Open Funnel" }).waitFor({ timeout: 120_000 });
    const funnel = await page.evaluate(() => {
      const fake = window.opskitFake!;
      const spec = fake.sheet("Funnel")!.spec!;
      return {
        steps: [5, 6, 7, 8].map((r) => fake.cell("Funnel", `A${r}`)?.value),
        users: fake.cell("Funnel", "B5")?.value,
        bars: (spec.dataBars ?? []).length,
        charts: (spec.charts ?? []).map((c) => c.kind),
      };
    });
    expect(funnel.steps).toEqual(["browse", "register", "try", "pay"]);
    expect(funnel.users).toBeGreaterThan(10_000);
    expect(funnel).toMatchObject({ bars: 2, charts: ["bar"] });
    await page.getByRole("heading", { name: "Computed sheets" }).scrollIntoViewIfNeeded();
    await expect(page.getByRole("button", { name: "Refresh Retention" }).isVisible()).resolves.toBe(true);
    await checkAxe(page, "metrics done");
    await screenshot(page, "metrics-en-3-done");
    expect(paneErrors()).toEqual([]);
  }, 600_000);

  it("writes at a chosen place of an existing sheet, after the prompt for cells that hold data", async () => {
    await page.goto(`${base}/taskpane.html?fake=1&lang=en`);
    await page.waitForFunction(() => window.opskitReadyAt !== undefined);
    await page.evaluate(() => {
      const fake = window.opskitFake! as unknown as {
        addTable: (n: string, s: string, a: string, h: string[], c: unknown[][]) => void;
        setValues: (s: string, a: string, v: unknown[][]) => void;
      };
      const n = 3000;
      const cols: unknown[][] = [[], [], [], []];
      for (let i = 0; i < n; i++) {
        const u = i % 300;
        cols[0]!.push(`u${u}`);
        cols[1]!.push(46024 + (u % 21) + Math.floor(i / 300) * 7);
        cols[2]!.push("view");
        cols[3]!.push(u % 2 ? "ads" : "search");
      }
      fake.addTable("Events", "Events", "A1", ["User", "Date", "Event", "Channel"], cols);
      fake.setValues("Report", "A1", [["Quarterly report"]]);
      fake.setValues("Report", "C9", [["a note"]]);
    });
    await openTab(page, "Metrics");
    await waitForText(page, "3,000 rows, 4 columns");
    await page.getByRole("radio", { name: "Week" }).click();
    await page.getByRole("radio", { name: "A chosen place" }).click();
    await page.getByRole("textbox", { name: /Top-left cell/ }).fill("Report!B4");
    await checkAxe(page, "metrics place");
    await page.getByRole("button", { name: "Compute" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByText(/would cover cells that hold data: C9\./).waitFor();
    await checkAxe(page, "metrics place prompt");
    await dialog.getByRole("button", { name: "Replace" }).click();
    await page.getByText("Written at Report!B4.").waitFor({ timeout: 60_000 });
    const placed = await page.evaluate(() => {
      const fake = window.opskitFake!;
      const blocks = (fake.sheet("Report") as unknown as { placed?: { spec: { charts?: { name?: string }[] } }[] }).placed ?? [];
      return { resultSheets: fake.sheetNames.filter((n) => n.startsWith("Retention")), kept: fake.cell("Report", "A1")?.value, title: fake.cell("Report", "B4")?.value, header: fake.cell("Report", "B7")?.value, blocks: blocks.length, charts: (blocks[0]?.spec.charts ?? []).length };
    });
    expect(placed).toMatchObject({ resultSheets: [], kept: "Quarterly report", title: "Retention", header: "Cohort", blocks: 1, charts: 2 });
    await page.getByRole("button", { name: "Refresh Report!B4" }).click();
    await page.getByText("Written at Report!B4.").waitFor({ timeout: 60_000 });
    await expect(page.evaluate(() => (window.opskitFake!.sheet("Report") as unknown as { placed: unknown[] }).placed.length)).resolves.toBe(1);
    await screenshot(page, "metrics-en-4-place");
    expect(paneErrors()).toEqual([]);
  }, 300_000);

  it("in Chinese: maps 用户ID / 日期 / 事件 / 渠道, refuses the live formula, computes retention", async () => {
    await openWithEvents(page, base, "zh-CN", ["用户ID", "日期", "事件", "渠道"]);
    await waitForText(page, "1,048,575 行，4 列");
    await expect(page.getByRole("combobox", { name: "用户 / 客户" }).inputValue()).resolves.toBe("0");
    await expect(page.getByRole("combobox", { name: "渠道 / 分组" }).inputValue()).resolves.toBe("3");
    await expect(page.getByRole("radio", { name: "实时公式" }).isDisabled()).resolves.toBe(true);
    await page.getByText(/此处不提供实时公式/).waitFor();
    await page.getByRole("button", { name: "计算" }).click();
    await page.getByRole("button", { name: "打开 留存" }).waitFor({ timeout: 120_000 }).catch(async () => {
      await page.getByText("留存 —", { exact: false }).first().waitFor({ timeout: 120_000 });
    });
    const title = await page.evaluate(() => window.opskitFake!.cell("留存", "A1")?.value);
    expect(title).toBe("留存");
    await checkAxe(page, "metrics zh-CN");
    await screenshot(page, "metrics-zh-CN-1-done");
    expect(paneErrors()).toEqual([]);
  }, 600_000);
});
