/**
 * The task pane page's start-up budget: every script the built
 * dist/taskpane.html references (whatever the chunks are called) adds up to
 * at most 120 KB gzip (test/support/bundleBudget.ts). That is the JavaScript the pane and the custom
 * functions (one shared-runtime page) load before anything is shown; the
 * later wizard steps, the tabs and the sheet writer are chunks loaded on
 * demand and are not counted. office.js comes from Microsoft's CDN and is the
 * same for every add-in, so it is not counted either. `npm run build` prints
 * the sizes; test/e2e/startup.e2e.test.ts measures what a browser actually
 * fetches before the pane is interactive.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

import { PAGE_SCRIPTS_BUDGET, START_GOAL } from "../support/bundleBudget";
const DIST = path.resolve(__dirname, "../../dist");
const page = path.join(DIST, "taskpane.html");
const built = fs.existsSync(page);
if (!built) console.warn("SKIPPED page budget: dist/taskpane.html not built (run npm run build)");

/** Local script URLs a page loads up front: <script src>, and <link rel=preload|modulepreload as=script>. */
export function scriptsOf(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)) urls.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (/\brel=["']?(preload|modulepreload)/i.test(tag) && (/\bas=["']?script/i.test(tag) || /modulepreload/i.test(tag))) {
      const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag);
      if (href) urls.push(href[1]!);
    }
  }
  return urls.filter((u) => !/^(https?:)?\/\//i.test(u));
}

const gzipSize = (file: string): number => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

it.each([
  ['<script defer="defer" src="runtime.js"></script><script src="./a.js"></script>', ["runtime.js", "./a.js"]],
  ['<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script src=b.js></script>', ["b.js"]],
  ['<link rel="preload" as="script" href="c.js"><link rel="stylesheet" href="s.css"><link rel="modulepreload" href="d.js">', ["c.js", "d.js"]],
])("scriptsOf(%s)", (html, expected) => {
  expect(scriptsOf(html)).toEqual(expected);
});

(built ? it : it.skip)("everything dist/taskpane.html loads at start is within the start-up budget", () => {
  const scripts = scriptsOf(fs.readFileSync(page, "utf8"));
  // The page must reference the pane and the functions (an empty list would pass trivially).
  expect(scripts.some((s) => /taskpane/.test(s))).toBe(true);
  expect(scripts.some((s) => /functions/.test(s))).toBe(true);
  const sizes = scripts.map((s) => {
    const file = path.join(DIST, s.split("?")[0]!);
    expect(fs.existsSync(file)).toBe(true);
    return [s, gzipSize(file)] as const;
  });
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  console.log(
    `taskpane.html loads ${sizes.map(([s, n]) => `${s} ${(n / 1024).toFixed(1)} KB`).join(" + ")} = ${(total / 1024).toFixed(1)} KB gzip at start ` +
      `(budget ${PAGE_SCRIPTS_BUDGET / 1024} KB, goal ${START_GOAL / 1024} KB)`,
  );
  expect(total).toBeLessThanOrEqual(PAGE_SCRIPTS_BUDGET);
});
