/**
 * `node --require ts-node/register/transpile-only scripts/benchWizard.ts`:
 * what one keystroke costs on the plan wizard's Schedule step with a long
 * task list, in headless Chromium (the e2e set-up of test/support/browser.ts:
 * the built pane on its in-memory workbook, no network).
 *
 * The workbook starts with a saved plan of --tasks tasks (the sample plan's
 * 29, then copies chained one after another). For each keystroke, the time
 * from the key event (its timeStamp) to the frame after React's update has
 * been painted (requestAnimationFrame, then a message posted from it) is
 * measured in the page. Keys go to task --row's Days box (Backspace and
 * digits: a duration typed, corrected and left blank in between, as people
 * do) and its name box (letters).
 *
 * A script, not a test: timings on shared machines are noisy. To compare two
 * builds in the same machine state, build each into its own folder
 * (`npx webpack --mode production --output-path /tmp/a`) and pass both:
 *
 *   … scripts/benchWizard.ts --dist /tmp/before --dist /tmp/after --rounds 5
 *
 * The rounds alternate between the builds (a b a b …); the figures are the
 * median (and quartiles) of every keystroke of a build over all its rounds.
 */
import type * as http from "http";
import * as path from "path";
import type { Page } from "playwright-core";
import { samplePlan } from "../src/core/plan/fromTemplate";
import { serializePlan } from "../src/core/plan/persist";
import { validatePlan } from "../src/core/plan/validate";
import type { Plan } from "../src/core/plan/types";
import { DIST, baseOf, ensureBuilt, launchPane, serve } from "../test/support/browser";

interface Options {
  dists: string[];
  tasks: number;
  row: number;
  rounds: number;
  width: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { dists: [], tasks: 120, row: 60, rounds: 3, width: 360 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--dist" && value) o.dists.push(path.resolve(value));
    else if (flag === "--tasks" && value) o.tasks = Number(value);
    else if (flag === "--row" && value) o.row = Number(value);
    else if (flag === "--rounds" && value) o.rounds = Number(value);
    else if (flag === "--width" && value) o.width = Number(value);
    else continue;
    i++;
  }
  if (o.dists.length === 0) {
    ensureBuilt();
    o.dists.push(DIST);
  }
  return o;
}

/** The sample plan grown to `count` tasks: copies of its tasks, each after the one before. */
export function longPlan(count: number): Plan {
  const plan = samplePlan("en", "2026-03-02");
  const base = plan.schedule.tasks;
  for (let i = base.length; i < count; i++) {
    const model = base[i % base.length]!;
    const prev = plan.schedule.tasks[i - 1]!;
    plan.schedule.tasks.push({ ...model, id: `X${i + 1}`, name: `${model.name} (${i + 1})`, dependsOn: [prev.id], milestone: false });
  }
  const problems = validatePlan(plan);
  if (problems.length > 0) throw new Error(`bench plan is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return plan;
}

interface Timing {
  /** From the key event to the next painted frame (what the user waits for). */
  paint: number;
  /** From the key event to the last change of the page it caused (deferred work included: the later tasks' dates). */
  settled: number;
}

/** Presses `key` in the focused box and measures it (see Timing). */
async function timedPress(page: Page, key: string): Promise<Timing> {
  await page.evaluate(() => {
    const w = window as unknown as { benchTiming?: Promise<{ paint: number; settled: number }> };
    w.benchTiming = new Promise((resolve) => {
      const onKey = (e: KeyboardEvent) => {
        document.removeEventListener("keydown", onKey, true);
        const from = e.timeStamp;
        let last = from;
        const changes = new MutationObserver(() => (last = performance.now()));
        changes.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        // rAF runs before the frame is painted; a message posted from it arrives after.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const paint = performance.now() - from;
            // Whatever the key still changes comes within 400 ms here; then the frame that shows it.
            setTimeout(() => {
              changes.disconnect();
              resolve({ paint, settled: Math.max(paint, last - from) });
            }, 400);
          };
          channel.port2.postMessage(0);
        });
      };
      document.addEventListener("keydown", onKey, true);
    });
  });
  await page.keyboard.press(key);
  const timing = await page.evaluate(() => (window as unknown as { benchTiming: Promise<Timing> }).benchTiming);
  return timing;
}

const DAYS_KEYS = ["Backspace", "5", "1", "Backspace", "2", "Backspace", "Backspace", "3", "1", "Backspace"];
const NAME_KEYS = ["a", "b", "c", "d", "e", "Backspace", "Backspace", "f", "g", "h"];

async function round(base: string, text: string, o: Options): Promise<{ days: Timing[]; name: Timing[] }> {
  const context = await launchPane(base, { width: o.width });
  try {
    // The fake workbook is created by the pane's script: hand it the saved plan as it is set on window.
    await context.addInitScript((saved: string) => {
      let fake: unknown;
      Object.defineProperty(window, "opskitFake", {
        configurable: true,
        get: () => fake,
        set: (v: { savedPlan: string | null }) => {
          v.savedPlan = saved;
          fake = v;
        },
      });
    }, text);
    const page = await context.newPage();
    await page.goto(`${base}/taskpane.html?fake=1&delay=0`);
    await page.getByRole("textbox", { name: /plan title/i }).waitFor();
    const nav = page.getByRole("navigation", { name: "Wizard steps" });
    await nav.getByRole("button", { name: /Schedule$/ }).click();
    const row = page.getByRole("listitem", { name: `Task ${o.row}`, exact: true });
    await page.getByRole("listitem", { name: `Task ${o.tasks}`, exact: true }).waitFor();
    const days = row.getByRole("textbox", { name: /^Days/ });
    await days.click();
    await page.keyboard.press("End");
    const out = { days: [] as Timing[], name: [] as Timing[] };
    for (const key of DAYS_KEYS) out.days.push(await timedPress(page, key));
    const name = row.getByRole("textbox", { name: /^Task/ });
    await name.click();
    await page.keyboard.press("End");
    for (const key of NAME_KEYS) out.name.push(await timedPress(page, key));
    return out;
  } finally {
    await context.close();
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${quantile(s, 0.5).toFixed(1)} ms (quartiles ${quantile(s, 0.25).toFixed(1)}–${quantile(s, 0.75).toFixed(1)}, n=${s.length})`;
};

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const text = serializePlan(longPlan(o.tasks));
  const servers: http.Server[] = [];
  try {
    const bases: string[] = [];
    for (const dist of o.dists) {
      const server = await serve(dist);
      servers.push(server);
      bases.push(baseOf(server));
    }
    const results = o.dists.map(() => ({ days: [] as Timing[], name: [] as Timing[] }));
    for (let r = 0; r < o.rounds; r++) {
      for (let d = 0; d < o.dists.length; d++) {
        const got = await round(bases[d]!, text, o);
        results[d]!.days.push(...got.days);
        results[d]!.name.push(...got.name);
        const show = (xs: Timing[]) => xs.map((x) => `${x.paint.toFixed(0)}/${x.settled.toFixed(0)}`).join(" ");
        console.log(`round ${r + 1} ${o.dists[d]} (paint/settled ms): days ${show(got.days)} | name ${show(got.name)}`);
      }
    }
    console.log(`\n${o.tasks} tasks, keys in task ${o.row}, ${o.width} px wide, ${o.rounds} rounds`);
    o.dists.forEach((dist, d) => {
      const { days, name } = results[d]!;
      console.log(`${dist}`);
      console.log(`  Days box, to the next frame: ${summary(days.map((x) => x.paint))}; until settled: ${summary(days.map((x) => x.settled))}`);
      console.log(`  name box, to the next frame: ${summary(name.map((x) => x.paint))}; until settled: ${summary(name.map((x) => x.settled))}`);
    });
  } finally {
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
