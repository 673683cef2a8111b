/**
 * The pane reaches the sheet writer only through WorkbookHost: no pane file
 * imports src/excel/writeWorkbook or src/excel/host statically (officeHost
 * fetches them with import(), so the writer stays in its on-demand chunk),
 * and OnExisting has one definition (src/core/tablespec/sheetNames.ts).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

const ROOT = join(__dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm;

describe("seams", () => {
  it("no pane file imports the sheet writer statically", () => {
    const crossings: string[] = [];
    for (const file of files(join(ROOT, "src", "taskpane"))) {
      for (const m of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
        if (/\/excel\/(writeWorkbook|host)$/.test(m[1]!)) crossings.push(`${relative(ROOT, file)} → ${m[1]}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it("OnExisting is defined once", () => {
    const definitions = files(join(ROOT, "src"))
      .filter((file) => /export type OnExisting\s*=/.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(definitions).toEqual([join("src", "core", "tablespec", "sheetNames.ts")]);
  });
});
