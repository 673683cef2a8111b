/**
 * The catalogue's two tiers (src/core/i18n/start.ts and index.ts): code on
 * the task pane's start path imports ./start, which registers only the plan
 * messages, so the other catalogues are not in the page's start-up scripts.
 * Such code must then use no message outside the start tier — a key from
 * another catalogue would show as its raw name in the pane. This reads every
 * source file that imports the start tier and fails on any string literal
 * that names a message of another catalogue.
 */
import * as fs from "fs";
import * as path from "path";
import { planEn } from "../../src/core/i18n/plan.en";
import { en } from "../../src/core/i18n/en";
import { dataEn } from "../../src/core/i18n/data.en";
import { shareEn } from "../../src/core/i18n/share.en";
import { metricsEn } from "../../src/core/i18n/metrics.en";
import { breakdownEn } from "../../src/core/i18n/breakdown.en";
import { t, tIn } from "../../src/core/i18n";
import { tIn as startTIn } from "../../src/core/i18n/start";

const SRC = path.resolve(__dirname, "../../src");
const startKeys = new Set(Object.keys(planEn));
const otherKeys = new Set([en, dataEn, shareEn, metricsEn, breakdownEn].flatMap((c) => Object.keys(c)).filter((k) => !startKeys.has(k)));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.tsx?$/.test(d.name) ? [full] : [];
  });
}

/** Files with a value import (not `import type`) of core/i18n/start. */
const startFiles = sources(SRC).filter((file) => /^import (?!type\b)[^;]*from "[./]*(core\/)?i18n\/start";/m.test(fs.readFileSync(file, "utf8")));

it("the pane's language and the plan code use the start tier", () => {
  const names = startFiles.map((f) => path.relative(SRC, f));
  expect(names).toEqual(expect.arrayContaining(["taskpane/i18n/index.ts", "core/plan/validate.ts", "core/plan/persist.ts"]));
});

it.each(startFiles.map((f) => [path.relative(SRC, f), f]))("%s names no message outside the start tier", (_name, file) => {
  const text = fs.readFileSync(file, "utf8");
  const literals = [...text.matchAll(/["'`]([A-Za-z][\w.]*)["'`]/g)].map((m) => m[1]!);
  expect(literals.filter((l) => otherKeys.has(l))).toEqual([]);
});

it("index.ts registers every catalogue on top of the start tier (same catalogue, same answers)", () => {
  const anyOther = [...otherKeys][0]!;
  expect(t(anyOther as never)).not.toBe(anyOther);
  expect(tIn("zh-CN", anyOther as never)).toBe(startTIn("zh-CN", anyOther as never));
  const planKey = [...startKeys][0]!;
  expect(startTIn("en", planKey as never)).toBe(planEn[planKey as keyof typeof planEn]);
});
