/**
 * A fresh machine has Node, the npm registry, python3, make and g++ — no
 * system libraries (no libsecret, no pkg-config packages) and no internet
 * beyond the registry. So no package in the lock file may run an install
 * script that downloads a binary or compiles against system libraries.
 * Every package with an install script must be in this list, with the reason
 * it is harmless offline; anything new fails here before it fails on a
 * user's machine.
 */
import * as fs from "fs";
import * as path from "path";

const HARMLESS_INSTALL_SCRIPTS: Record<string, string> = {
  // jest-haste-map's file watcher. Its prebuilt binary comes from the registry as an optional
  // dependency (@parcel/watcher-linux-x64-glibc etc.); the install script only runs node-gyp
  // when npm_config_build_from_source=true, which nothing here sets.
  "@parcel/watcher": "builds from source only when asked to",
  // Pulled by custom-functions-metadata (xregexp → @babel/runtime-corejs3). Its postinstall only
  // prints a funding banner, inside try/catch.
  "core-js-pure": "prints a banner",
};

/** Packages that once made `npm install` fail offline and must not come back. */
const FORBIDDEN = ["keytar", "@azure/msal-node-extensions", "@microsoft/m365agentstoolkit-cli"];

interface LockPackage {
  version?: string;
  hasInstallScript?: boolean;
  peer?: boolean;
}
const lock = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockPackage>;
};

/** "node_modules/a/node_modules/@b/c" → "@b/c" (the package itself, wherever it is nested). */
function packageName(lockPath: string): string {
  const at = lockPath.lastIndexOf("node_modules/");
  return lockPath.slice(at + "node_modules/".length);
}

const installed = Object.entries(lock.packages).filter(([p]) => p.startsWith("node_modules/") || p.includes("/node_modules/"));
const withScripts = installed.filter(([, pkg]) => pkg.hasInstallScript).map(([p]) => packageName(p));

it("reads a v3 lock file with the whole tree", () => {
  expect(lock.lockfileVersion).toBe(3);
  expect(installed.length).toBeGreaterThan(500);
});

it("every package with an install script is on the harmless list", () => {
  const unexpected = withScripts.filter((name) => !(name in HARMLESS_INSTALL_SCRIPTS));
  expect(unexpected).toEqual([]);
});

it("the harmless list has no stale entries (each is still in the lock file with a script)", () => {
  expect(Object.keys(HARMLESS_INSTALL_SCRIPTS).filter((name) => !withScripts.includes(name))).toEqual([]);
});

it.each(FORBIDDEN)("%s is not installed", (name) => {
  expect(installed.map(([p]) => packageName(p))).not.toContain(name);
});

it("peer dependencies are not installed for us (.npmrc legacy-peer-deps), so nothing is flagged peer-only", () => {
  const npmrc = fs.readFileSync(path.resolve(__dirname, "../../.npmrc"), "utf8");
  expect(npmrc).toMatch(/^legacy-peer-deps=true$/m);
  expect(installed.filter(([, pkg]) => pkg.peer).map(([p]) => p)).toEqual([]);
});
