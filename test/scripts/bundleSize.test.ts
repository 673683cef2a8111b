/**
 * The task pane's bundle budget: dist/taskpane.js at most 120 KB gzip
 * (npm test builds first; `npm run build` prints the sizes). Code the pane
 * shares with the custom functions lives in shared.js, later steps in lazy
 * chunks; both are reported by the build, not counted here.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const BUDGET = 120 * 1024;
const file = path.resolve(__dirname, "../../dist/taskpane.js");
const built = fs.existsSync(file);
if (!built) console.warn("SKIPPED bundle budget: dist/taskpane.js not built (run npm run build)");

(built ? it : it.skip)("dist/taskpane.js is at most 120 KB gzip", () => {
  const size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  expect(size).toBeLessThanOrEqual(BUDGET);
});
