/**
 * End to end, in headless Chromium (Debian's `chromium`, driven by
 * playwright-core): the built pane (dist/) served on 127.0.0.1 against its
 * in-memory workbook (?fake=1, exposed as window.opskitFake). Completes the
 * wizard from goal to generate and checks the workbook's sheets and cells,
 * the tiering tab, the overwrite prompt and the Chinese labels; runs axe on
 * every step (no serious or critical violation); saves a screenshot of each
 * step under test-output/e2e/; measures time-to-interactive (< 1 s).
 *
 * Without chromium the suite is skipped with a message, except in CI
 * (process.env.CI set), where it fails: CI installs chromium.
 */
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { DIST, ROOT, baseOf, ensureBuilt, launchPane, openTab, requireChromium, serve } from "../support/browser";

const OUT = path.join(ROOT, "test-output", "e2e");
const suite = requireChromium("wizard e2e") ? describe : describe.skip;

// ---------------------------------------------------------------------------
// Browser helpers
// ---------------------------------------------------------------------------

async function checkAxe(page: Page, label: string): Promise<void> {
  await settle(page);
  // Fluent's focus manager (tabster) puts aria-hidden, focusable sentinels around focus
  // groups that hand focus on at once; they are not content, so axe skips them.
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .exclude("[data-tabster-dummy]")
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect([label, summary]).toEqual([label, []]);
}

/** Waits until no CSS animation or transition runs (dialogs fade in). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5000 });
}

let shot = 0;
async function screenshot(page: Page, name: string): Promise<void> {
  shot += 1;
  await settle(page);
  await page.screenshot({ path: path.join(OUT, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}

async function checkStep(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await checkAxe(page, name);
}

const heading = (page: Page) => page.getByRole("heading", { level: 2 });

async function next(page: Page, expected: string): Promise<void> {
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(heading(page).textContent()).resolves.toBe(expected);
}


/**
 * Layout problems of what is on screen: the page wider than the viewport, and
 * every visible button, input, dropdown and text area whose centre does not
 * hit the control itself (something covers it, or it lies outside the
 * viewport), or whose text is cut (a button's label wider than the button).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    const vw = root.clientWidth;
    if (root.scrollWidth > vw) out.push(`page is ${root.scrollWidth} px wide in a ${vw} px viewport`);
    const describe = (el: Element): string => {
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
      const own = el.getAttribute("aria-label") ?? (el as HTMLElement).innerText?.trim();
      return `${el.tagName.toLowerCase()} "${(labelled || own || "").slice(0, 40)}"`;
    };
    const controls = Array.from(document.querySelectorAll("button, input, select, textarea, [role=combobox]"));
    for (const el of controls) {
      if (el.closest("[data-tabster-dummy], [hidden], [aria-hidden=true]")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      el.scrollIntoView({ block: "center", inline: "nearest" });
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > vw + 0.5) out.push(`${describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px in a ${vw} px viewport`);
      // The centre, and (for controls wider than tall) points near both ends: a label
      // half covered ("dd channel") is as wrong as one fully covered.
      const y = r.top + r.height / 2;
      const points: [string, number][] = [["centre", r.left + r.width / 2]];
      if (r.width > 2 * r.height) points.push(["left end", r.left + 6], ["right end", r.right - 6]);
      for (const [where, x] of points) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || (hit !== el && !el.contains(hit))) {
          out.push(`${describe(el)}: its ${where} hits ${hit ? describe(hit) : "nothing"}`);
          break;
        }
      }
      // A date box narrower than the browser draws it cuts the date ("12/07/202"):
      // compare with an unconstrained copy.
      if (el instanceof HTMLInputElement && el.type === "date") {
        const copy = el.cloneNode() as HTMLInputElement;
        copy.style.cssText = "position:absolute;left:0;top:0;width:auto;min-width:0;max-width:none;visibility:hidden";
        document.body.appendChild(copy);
        const need = copy.offsetWidth;
        copy.remove();
        if (el.offsetWidth < need) out.push(`${describe(el)}: date cut (${el.offsetWidth} px of ${need} px)`);
      }
      if (el.tagName === "BUTTON" && el.scrollWidth > el.clientWidth + 1) out.push(`${describe(el)}: label cut (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    window.scrollTo(0, 0);
    return out;
  });
}

// ---------------------------------------------------------------------------

suite("task pane in headless Chromium", () => {
  let server: http.Server;
  let context: BrowserContext;
  let page: Page;
  let base = "";
  const pageErrors: string[] = [];
  const readyTimes: number[] = [];

  beforeAll(async () => {
    ensureBuilt();
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    server = await serve(DIST);
    base = baseOf(server);
    context = await launchPane(base, { width: 360 });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => pageErrors.push(`${e.message} @ ${e.stack ?? ""}`));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  // The target is < 1 s; the figure is written to test-output and reported in
  // the build notes. The assertion only guards against a hang (3 s), because
  // timings on a shared CI machine are noisy (DEVELOPERS.md: no timed tests).
  it("becomes interactive quickly (target < 1 s, recorded)", async () => {
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/taskpane.html?fake=1&delay=150`);
      await page.getByRole("textbox", { name: /plan title/i }).waitFor();
      readyTimes.push(await page.evaluate(() => window.opskitReadyAt ?? Infinity));
    }
    const sorted = [...readyTimes].sort((a, b) => a - b);
    const median = sorted[1]!;
    console.log(`time to interactive (ms, 3 loads): ${readyTimes.map((t) => t.toFixed(0)).join(", ")}; median ${median.toFixed(0)}`);
    fs.writeFileSync(path.join(OUT, "time-to-interactive.json"), JSON.stringify({ loadsMs: readyTimes, medianMs: median }, null, 2));
    expect(median).toBeLessThan(3000);
  });

  // Excel's task pane is 320–500 px wide (about 350 by default). At 320 and 360 px,
  // every step of the wizard and every tab must lay out inside the pane with every
  // control clickable where it is drawn.
  it("fits a narrow task pane on every step and tab (320 and 360 px)", async () => {
    const found: string[] = [];
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/taskpane.html?fake=1`);
      await page.getByRole("textbox", { name: /plan title/i }).waitFor();
      const nav = page.getByRole("navigation", { name: "Wizard steps" });
      const steps = await nav.getByRole("button").allTextContents();
      for (const step of steps) {
        await nav.getByRole("button", { name: step, exact: true }).click();
        await expect(heading(page).textContent()).resolves.toBe(step.replace(/^\d+\. /, ""));
        if (step.endsWith("Schedule")) await page.getByRole("listitem", { name: "Task 2", exact: true }).getByRole("button", { name: /^after/i }).click();
        for (const p of await layoutProblems(page)) found.push(`${width} px, ${step}: ${p}`);
      }
      await openTab(page, "Customer tiering");
      await page.evaluate(() => window.opskitFake!.select("Customers!B2:B21"));
      await page.getByRole("button", { name: /use current selection for customer values/i }).click();
      await page.getByRole("table", { name: "Tier counts" }).waitFor();
      for (const p of await layoutProblems(page)) found.push(`${width} px, Customer tiering: ${p}`);
      const tabs = await page.getByRole("tablist").getByRole("tab").allTextContents();
      for (const tab of tabs.filter((x) => x !== "Plan wizard" && x !== "Customer tiering")) {
        await openTab(page, tab);
        await settle(page);
        for (const p of await layoutProblems(page)) found.push(`${width} px, ${tab}: ${p}`);
      }
      await screenshot(page, `narrow-${width}`);
    }
    expect(found).toEqual([]);
    await page.setViewportSize({ width: 360, height: 900 });
    await page.goto(`${base}/taskpane.html?fake=1`);
    await page.getByRole("textbox", { name: /plan title/i }).waitFor();
  });

  it("completes the wizard from goal to generated sheets", async () => {
    // Goal
    await expect(heading(page).textContent()).resolves.toBe("Goal");
    await checkStep(page, "goal");
    const title = page.getByRole("textbox", { name: /plan title/i });
    await title.fill("");
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(title.getAttribute("aria-invalid")).resolves.toBe("true");
    await checkStep(page, "goal-validation");
    await title.fill("E2E launch");
    await page.getByRole("radio", { name: "Find or raise revenue" }).check();
    await next(page, "Team & resources");

    // Team & resources
    const people = await page.getByRole("listitem", { name: /^Person \d+$/ }).count();
    await page.getByRole("button", { name: "Add person" }).click();
    const person = page.getByRole("listitem", { name: `Person ${people + 1}` });
    await person.getByRole("textbox", { name: /name/i }).fill("Li Lei");
    await person.getByRole("textbox", { name: /role/i }).fill("Key-account sales");
    await page.getByRole("textbox", { name: "New channel" }).fill("WeChat");
    await page.getByRole("button", { name: "Add channel" }).click();
    await checkStep(page, "team");
    await next(page, "Schedule");

    // Schedule
    const tasks = await page.getByRole("listitem", { name: /^Task \d+$/ }).count();
    await page.getByRole("button", { name: "Add task" }).click();
    const task = page.getByRole("listitem", { name: `Task ${tasks + 1}` });
    await task.getByRole("textbox", { name: /^task/i }).fill("Renewal reminders");
    await task.getByRole("combobox", { name: /owner/i }).selectOption({ label: "Li Lei" });
    await task.getByRole("textbox", { name: /days/i }).fill("4");
    await task.getByRole("button", { name: /^after/i }).click();
    await task.getByRole("checkbox", { name: /^1\. / }).check();
    await checkStep(page, "schedule");
    await next(page, "Indicators");

    // Indicators: a live formula from the selection in the (fake) grid
    const payment = page.getByRole("listitem", { name: "Indicator 2" });
    await page.evaluate(() => window.opskitFake!.select("Users!D2:D41"));
    await payment.getByRole("button", { name: "Use current selection for Paying user ids" }).click();
    await page.evaluate(() => window.opskitFake!.select("Users!A2:A41"));
    await payment.getByRole("button", { name: "Use current selection for All user ids" }).click();
    await payment.getByText("=OPS.PAYRATE(Users!$D$2:$D$41,Users!$A$2:$A$41)").waitFor();
    await checkStep(page, "indicators");
    await next(page, "Contingency");

    // Contingency
    await checkStep(page, "contingency");
    await next(page, "Review & generate");

    // Review & generate
    await checkStep(page, "review");
    await page.getByRole("button", { name: "Generate sheets" }).click();
    await page.getByRole("progressbar").waitFor();
    await screenshot(page, "generating");
    await page.getByRole("region", { name: "Created sheets" }).waitFor();
    await checkStep(page, "generated");

    const book = await page.evaluate(() => {
      const fake = window.opskitFake!;
      const kpi = fake.sheet("KPIs")!;
      return {
        sheets: fake.sheetNames,
        holidays: fake.names.get("Holidays"),
        scheduleTitle: fake.cell("Schedule", "A1")?.value,
        end: fake.cell("Schedule", "G5")?.formula,
        lastTask: [...fake.sheet("Schedule")!.cells.values()].some((c) => c.value === "Renewal reminders"),
        kpiFormulas: [...kpi.cells.values()].map((c) => c.formula ?? "").filter((f) => f.includes("OPS.PAYRATE")),
        raciHasLiLei: [...fake.sheet("Roles")!.cells.values()].some((c) => c.value === "Li Lei"),
        saved: fake.savedPlan ?? "",
      };
    });
    expect(book.sheets).toEqual(["Customers", "Users", "Schedule", "Roles", "Contingency", "KPIs", "Summary", "Requirement intake", "Settings"]);
    expect(book.holidays).toMatch(/^'Settings'!\$A\$5:\$A\$\d+$/);
    expect(book.scheduleTitle).toContain("E2E launch");
    expect(book.end).toMatch(/^=WORKDAY\(E5,F5-1,Holidays\)$/);
    expect(book.lastTask).toBe(true);
    expect(book.kpiFormulas).toContain("=OPS.PAYRATE(Users!$D$2:$D$41,Users!$A$2:$A$41)");
    expect(book.raciHasLiLei).toBe(true);
    expect(JSON.parse(book.saved).plan.title).toBe("E2E launch");

    // The result list opens each sheet.
    await page.getByRole("button", { name: "Open Roles" }).click();
    await page.waitForFunction(() => window.opskitFake!.activeSheet === "Roles", undefined, { timeout: 5000 });
  });

  it("asks before overwriting, and keeps both", async () => {
    await page.getByRole("button", { name: "Generate sheets" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Some sheets already exist" });
    await dialog.waitFor();
    await checkStep(page, "overwrite-prompt");
    // In a real browser the prompt is exposed to assistive technology (the
    // role query above skips aria-hidden elements) and focus is on the safe
    // choice. The jsdom test cannot check this reliably (see overwrite.test.tsx).
    await page.waitForFunction(() => document.activeElement?.textContent === "Keep both");
    expect(await dialog.getAttribute("aria-hidden")).toBeNull();
    // Escape closes it and puts focus back on Generate, not on the page body.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.textContent === "Generate sheets", undefined, { timeout: 5000 });
    await page.getByRole("button", { name: "Generate sheets" }).click();
    await dialog.waitFor();
    await settle(page);
    await dialog.getByRole("button", { name: "Keep both" }).click();
    await page.getByRole("button", { name: "Open Schedule (2)" }).waitFor();
    const sheets = await page.evaluate(() => window.opskitFake!.sheetNames);
    expect(sheets).toEqual(expect.arrayContaining(["Schedule", "Schedule (2)", "Settings (2)"]));
    // Each set keeps its own holidays: the first Schedule's WORKDAY still reads 'Settings'.
    const names = await page.evaluate(() => Object.fromEntries(window.opskitFake!.names));
    expect(names.Holidays).toMatch(/^'Settings'!/);
    expect(names.Holidays_2).toMatch(/^'Settings \(2\)'!/);
    await expect(page.evaluate(() => window.opskitFake!.cell("Schedule (2)", "G5")?.formula)).resolves.toBe("=WORKDAY(E5,F5-1,Holidays_2)");
  });

  it("previews customer tiers before writing the tiering sheet", async () => {
    await openTab(page, "Customer tiering");
    await page.evaluate(() => window.opskitFake!.select("Customers!B2:B21"));
    await page.getByRole("button", { name: /use current selection for customer values/i }).click();
    await page.evaluate(() => window.opskitFake!.select("Customers!A2:A21"));
    await page.getByRole("button", { name: /use current selection for customer names/i }).click();
    const table = page.getByRole("table", { name: "Tier counts" });
    await table.waitFor();
    const counts = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [r.querySelector("th")!.textContent, r.querySelector("td")!.textContent]));
    expect(counts.map((c) => c[0])).toEqual(["S", "A", "B", "C"]);
    expect(counts.reduce((n, c) => n + Number(c[1]), 0)).toBe(20);
    await checkStep(page, "tiering-preview");
    await page.getByRole("button", { name: "Write tiering sheet" }).click();
    await page.getByRole("button", { name: "Open Customer tiers" }).waitFor();
    const first = await page.evaluate(() => window.opskitFake!.cell("Customer tiers", "A5")?.value);
    expect(first).toBe("Customer 01");
    await checkStep(page, "tiering-written");
  });

  it("switches to Chinese", async () => {
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await openTab(page, "计划向导");
    await page.getByRole("heading", { level: 2, name: "检查并生成" }).waitFor();
    await expect(page.getByRole("button", { name: "生成工作表" }).isVisible()).resolves.toBe(true);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await checkStep(page, "review-zh");
    await page.getByRole("button", { name: "1. 目标" }).click();
    await page.getByRole("textbox", { name: /计划名称/ }).waitFor();
    await expect(page.getByRole("radio", { name: "营收：寻找或提升收入" }).isChecked()).resolves.toBe(true);
    await checkStep(page, "goal-zh");
    await openTab(page, "客户分级");
    await page.getByRole("table", { name: "各级客户数" }).waitFor();
    await checkStep(page, "tiering-zh");
  });

  it("raised no script error in the pane", () => {
    // office.js is stubbed: the ribbon commands' and custom functions' bundles expect Office
    // globals that exist only inside Office. The pane itself must raise nothing.
    const paneErrors = pageErrors.filter((m) => !/\/(commands|functions)\.js/.test(m));
    expect(paneErrors).toEqual([]);
  });
});
