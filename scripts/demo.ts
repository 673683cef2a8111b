/**
 * `npm run demo [-- --locale zh-CN] [--out file.xlsx] [--today YYYY-MM-DD]`:
 * writes the sample workbook with ExcelJS, and beside it its shared variant
 * (…-shared.xlsx: Overview, print settings, OPS values frozen; see
 * src/core/sharing/sharedDemo.ts). The demo is dated from today (the local
 * date), or from --today. Needs no Excel and no network.
 */
import path from "path";
import { mkdirSync } from "fs";
import { buildDemoWorkbook, demoData } from "../src/core/generators/demo";
import { buildSharedDemoWorkbook } from "../src/core/sharing/sharedDemo";
import { writeXlsxFile } from "../src/xlsx/writeXlsx";
import type { Locale } from "../src/core/i18n";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const locale: Locale = option("--locale") === "zh-CN" ? "zh-CN" : "en";
  const out = path.resolve(option("--out") ?? path.join(__dirname, "..", "demo", locale === "en" ? "OpsKit-sample.xlsx" : "OpsKit-sample.zh-CN.xlsx"));
  mkdirSync(path.dirname(out), { recursive: true });
  const now = new Date();
  const localToday = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  const today = option("--today") ?? localToday;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today must be YYYY-MM-DD (got "${today}")`);
  const data = demoData(locale, { today });
  const spec = buildDemoWorkbook(data);
  await writeXlsxFile(spec, out);
  console.log(`Wrote ${path.relative(process.cwd(), out)} (dated ${today}): ${spec.sheets.map((s) => s.name).join(", ")}`);
  // OpsKit-sample.xlsx → OpsKit-sample-shared.xlsx, OpsKit-sample.zh-CN.xlsx → OpsKit-sample-shared.zh-CN.xlsx
  const sharedOut = path.join(path.dirname(out), `${path.basename(out, ".xlsx").replace(/(\.zh-CN)?$/, "-shared$1")}.xlsx`);
  const shared = buildSharedDemoWorkbook(data);
  await writeXlsxFile(shared, sharedOut);
  console.log(`Wrote ${path.relative(process.cwd(), sharedOut)}: ${shared.sheets.map((s) => s.name + (s.hidden ? " (hidden)" : "")).join(", ")}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
