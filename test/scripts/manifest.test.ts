/**
 * The offline manifest validation (`npm run validate`), run as a child
 * process: office-addin-manifest's parser is ESM-bound and jest cannot load it.
 */
import path from "path";
import { writeFileSync, readFileSync, mkdtempSync, cpSync } from "fs";
import { spawnSync } from "child_process";
import os from "os";

const root = path.resolve(__dirname, "..", "..");

const brokenCases: [string, string, string, RegExp][] = [
  // what is broken              replace                                          with                                        problem
  ["namespace",                  'DefaultValue="OPS"',                            'DefaultValue="OPSX"',                      /namespace must be OPS/],
  ["shared runtime lifetime",    'lifetime="long"',                               'lifetime="short"',                         /SharedRuntime/],
  ["custom functions runtime",   'Name="CustomFunctionsRuntime" MinVersion="1.2"', 'Name="CustomFunctionsRuntime" MinVersion="1.1"', /CustomFunctionsRuntime 1\.2/],
  ["permission",                 "<Permissions>ReadWriteDocument</Permissions>",  "<Permissions>ReadDocument</Permissions>",  /Permissions/],
  ["a dangling resource id",     'resid="Functions.Metadata.Url"',                'resid="Functions.Metadata.Ur1"',           /has no resource/],
  ["a non-dev-server URL",       "https://localhost:3000/functions.js",           "http://example.invalid/functions.js",      /not the https dev server/],
  ["the id",                     "<Id>3f1c6a52-8d0e-4b7a-9c1e-6f2b7d4a9e10</Id>", "<Id>not-a-guid</Id>",                       /not a GUID/],
];

function validate(files: string[]): { status: number | null; report: Record<string, string[]> } {
  const run = spawnSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", path.join(root, "scripts", "validate-manifest.ts"), "--json", ...files],
    { cwd: root, encoding: "utf8" },
  );
  if (!run.stdout) throw new Error(run.stderr);
  return { status: run.status, report: JSON.parse(run.stdout) };
}

describe("manifest.xml offline validation", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "opskit-manifest-"));
  cpSync(path.join(root, "assets"), path.join(dir, "assets"), { recursive: true });
  const original = readFileSync(path.join(root, "manifest.xml"), "utf8");
  const files = brokenCases.map(([, from, to], i) => {
    expect(original).toContain(from);
    const file = path.join(dir, `broken-${i}.xml`);
    writeFileSync(file, original.replace(from, to));
    return file;
  });
  const good = validate([path.join(root, "manifest.xml")]);
  const broken = validate(files);

  it("the project's manifest passes every check", () => {
    expect(good.report[path.join(root, "manifest.xml")]).toEqual([]);
    expect(good.status).toBe(0);
  });

  it("a broken manifest fails the run", () => expect(broken.status).toBe(1));

  it.each(brokenCases.map((c, i) => [c[0], c[3], i] as const))("reports a broken %s", (_what, problem, i) => {
    expect(broken.report[files[i]!]!.join("\n")).toMatch(problem);
  });
});
