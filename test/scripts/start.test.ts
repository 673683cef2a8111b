/** `npm start` / `npm stop` on each platform: sideload where Excel desktop exists, else say what to do and exit non-zero. */
import { spawnSync } from "child_process";
import * as path from "path";
import { planFor } from "../../scripts/start";

it.each([
  // command  platform   action       args or exit code
  ["start", "win32", "sideload", ["start", "manifest.xml", "desktop"]],
  ["start", "darwin", "sideload", ["start", "manifest.xml", "desktop"]],
  ["stop", "win32", "sideload", ["stop", "manifest.xml", "desktop"]],
  ["stop", "darwin", "sideload", ["stop", "manifest.xml", "desktop"]],
  ["start", "linux", "explain", 2],
  ["stop", "linux", "explain", 0],
  ["start", "freebsd", "explain", 2],
] as const)("npm %s on %s: %s (%j)", (command, platform, action, detail) => {
  const plan = planFor(command, platform);
  expect(plan.action).toBe(action);
  if (plan.action === "sideload") expect(plan.args).toEqual(detail);
  else expect(plan.exitCode).toBe(detail);
  expect(plan.message.split("\n")).toHaveLength(1);
});

it("the message on a machine without Excel desktop names the web path", () => {
  const plan = planFor("start", "linux");
  expect(plan.message).toContain("npm run serve");
  expect(plan.message).toContain("Upload My Add-in");
});

(process.platform === "linux" ? it : it.skip)("npm start here prints one line and exits 2", () => {
  const root = path.resolve(__dirname, "../..");
  const r = spawnSync(process.execPath, [require.resolve("ts-node/dist/bin.js"), "--transpile-only", "scripts/start.ts", "start"], { cwd: root, encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stdout.trim().split("\n")).toHaveLength(1);
  expect(r.stdout).toContain("no Excel desktop on linux");
});
