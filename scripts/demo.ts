/**
 * `npm run demo [-- --locale zh-CN] [--out file.xlsx]`: writes the sample
 * workbook with ExcelJS. Needs no Excel and no network.
 */
import path from "path";
import { mkdirSync } from "fs";
import { buildDemoWorkbook, demoData } from "../src/core/generators/demo";
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
  const spec = buildDemoWorkbook(demoData(locale));
  await writeXlsxFile(spec, out);
  console.log(`Wrote ${path.relative(process.cwd(), out)}: ${spec.sheets.map((s) => s.name).join(", ")}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
