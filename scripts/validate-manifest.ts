/**
 * `npm run validate [-- manifest.xml ...] [--json]`: offline manifest
 * validation. Runs our own checks and, when the Office schemas are at
 * ../shared/manifest-xsd and xmllint exists, the XML-schema check too.
 * With --json it prints { path: problems[] } (used by the tests).
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import path from "path";
import { checkManifest } from "./manifestChecks";

const projectRoot = path.resolve(__dirname, "..");

function schemaProblems(manifest: string, log: (line: string) => void): string[] {
  const xsd = path.resolve(projectRoot, "..", "shared", "manifest-xsd", "OfficeAppManifestV1_1.xsd");
  if (!existsSync(xsd)) {
    log("Office schemas not found at ../shared/manifest-xsd: schema check skipped");
    return [];
  }
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", xsd, manifest], { encoding: "utf8" });
  if (run.error) {
    log("xmllint not installed: schema check skipped (apt-get install libxml2-utils)");
    return [];
  }
  if (run.status !== 0) return [`XML schema: ${run.stderr.trim()}`];
  log(`XML schema: ${path.basename(manifest)} validates`);
  return [];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  const manifests = files.length > 0 ? files.map((f) => path.resolve(f)) : [path.join(projectRoot, "manifest.xml")];
  const log = json ? () => undefined : (line: string) => console.log(line);
  const report: Record<string, string[]> = {};
  for (const manifest of manifests) {
    report[manifest] = [...(await checkManifest(manifest)), ...schemaProblems(manifest, log)];
  }
  const failed = Object.values(report).some((p) => p.length > 0);
  if (json) {
    console.log(JSON.stringify(report));
  } else {
    for (const [file, problems] of Object.entries(report)) {
      for (const p of problems) console.error(`✗ ${path.basename(file)}: ${p}`);
      if (problems.length === 0) console.log(`${path.basename(file)}: all checks passed`);
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
