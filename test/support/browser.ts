/**
 * What the Chromium end-to-end tests share: serving the built pane (dist/)
 * on 127.0.0.1, rebuilding it when src/ is newer, and a headless Debian
 * Chromium (driven by playwright-core, no browser download) whose only
 * traffic is that server — office.js, a CDN script, is answered with an
 * empty script so the pane runs on its in-memory workbook; anything else is
 * refused.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };

/** Serves `dir` on a free port of 127.0.0.1 (404 outside it). */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The server's base URL. */
export function baseOf(server: http.Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Builds dist/ (production) when it is missing or older than src/. */
export function ensureBuilt(): void {
  const html = path.join(DIST, "taskpane.html");
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
      const p = path.join(dir, e.name);
      return Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  if (fs.existsSync(html) && fs.statSync(html).mtimeMs >= newest(path.join(ROOT, "src"))) return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
}

/** Headless Chromium with a fresh profile, talking only to `base` (office.js answered empty). */
export async function launchPane(base: string, options: { width?: number; extraArgs?: string[] } = {}): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "opskit-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...(options.extraArgs ?? [])],
    viewport: { width: options.width ?? 360, height: 900 },
    locale: "en-US",
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    if (url.includes("office.js")) return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
    return route.abort();
  });
  return context;
}

/** Registers the "needs chromium" guard: a failing test in CI, a skip message locally. */
export function requireChromium(suiteName: string, also: { ok: boolean; what: string } = { ok: true, what: "" }): boolean {
  const ok = hasChromium && also.ok;
  if (!ok) {
    const message = `${suiteName}: needs ${CHROMIUM} (apt-get install -y chromium)${also.ok ? "" : ` and ${also.what}`}`;
    if (process.env.CI) {
      it(`needs chromium${also.ok ? "" : ` and ${also.what}`} in CI`, () => {
        throw new Error(message);
      });
    } else console.warn(`SKIPPED ${message}`);
  }
  return ok;
}

/**
 * Opens a pane tab the way a user does, and makes sure it opened: a click
 * that lands while the pane is still laying out (a part arriving, a banner
 * appearing) can miss the tab, so the click is repeated until the tab
 * reports aria-selected, as a user would click again.
 */
export async function openTab(page: Page, name: string, attempts = 3): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: true });
  for (let attempt = 1; ; attempt++) {
    await tab.click();
    try {
      await page.waitForFunction((n) => Array.from(document.querySelectorAll('[role="tab"]')).some((t) => t.textContent?.trim() === n && t.getAttribute("aria-selected") === "true"), name, { timeout: 5000 });
      return;
    } catch (error) {
      if (attempt >= attempts) throw new Error(`tab "${name}" did not open after ${attempts} clicks: ${(error as Error).message}`);
    }
  }
}

/** Waits for visible text; on timeout the error carries what the page shows, so a CI log says why. */
export async function waitForText(page: Page, text: string, timeout = 60_000): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ timeout });
  } catch (error) {
    const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, " ").slice(0, 1500)).catch(() => "(page not readable)");
    const chunks = await chunkDiagnostics(page);
    throw new Error(`"${text}" not shown within ${timeout} ms. The page shows: ${shown}\nChunks: ${chunks}\n${(error as Error).message}`);
  }
}

/**
 * What the page knows of its lazy chunks, for a failure message: the chunk
 * script elements (and whether they are still in the document, as webpack
 * removes them once loaded), the chunk ids webpack's global received, and
 * the browser's resource timing of each chunk request.
 */
export async function chunkDiagnostics(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const scripts = Array.from(document.querySelectorAll("script[src]")).map((s) => (s as HTMLScriptElement).src.replace(/^.*\//, ""));
      const global = (window as unknown as { webpackChunkopskit?: unknown[][] }).webpackChunkopskit ?? [];
      const received = global.map((entry) => JSON.stringify(entry[0]));
      const timing = performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes("/chunks/"))
        .map((e) => {
          const r = e as PerformanceResourceTiming;
          return `${r.name.replace(/^.*\//, "")} start ${Math.round(r.startTime)} end ${Math.round(r.responseEnd)} bytes ${r.encodedBodySize}`;
        });
      return JSON.stringify({ readyState: document.readyState, scripts, received, timing });
    })
    .catch((error: unknown) => `(not readable: ${(error as Error).message})`);
}
