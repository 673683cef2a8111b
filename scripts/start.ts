/**
 * `npm start` / `npm stop`: sideload the add-in into Excel desktop where
 * Excel desktop exists (Windows, macOS), through office-addin-debugging, which
 * starts the https dev server, registers manifest.xml with Excel and opens it.
 * Elsewhere there is nothing to sideload into: say in one line what to do
 * instead (serve and upload the manifest in Excel on the web) and exit
 * non-zero, because we did not do what `npm start` says.
 */
import { spawnSync } from "child_process";
import * as path from "path";

export type Command = "start" | "stop";

export type StartPlan =
  | { action: "sideload"; args: string[]; message: string }
  | { action: "explain"; exitCode: number; message: string };

const DESKTOP_PLATFORMS: readonly string[] = ["win32", "darwin"];

/** What `npm start` / `npm stop` does on a platform (pure, so the test can check every branch). */
export function planFor(command: Command, platform: string): StartPlan {
  if (DESKTOP_PLATFORMS.includes(platform)) {
    const message =
      command === "start"
        ? "npm start: sideloading manifest.xml into Excel desktop (dev server on https://localhost:3000)."
        : "npm stop: stopping the dev server and removing the sideloaded add-in from Excel desktop.";
    return { action: "sideload", args: [command, "manifest.xml", "desktop"], message };
  }
  if (command === "stop") {
    return { action: "explain", exitCode: 0, message: `npm stop: nothing was sideloaded on ${platform}; stop \`npm run serve\` with Ctrl+C and remove the add-in in Excel on the web (Add-ins → My Add-ins).` };
  }
  return {
    action: "explain",
    exitCode: 2,
    message: `npm start: there is no Excel desktop on ${platform} to sideload into; for Excel on the web run \`npm run serve\`, then upload manifest.xml under Add-ins → More add-ins → Upload My Add-in (README: "Excel on the web").`,
  };
}

function run(command: Command): number {
  const plan = planFor(command, process.platform);
  console.log(plan.message);
  if (plan.action === "explain") return plan.exitCode;
  const bin = path.resolve(__dirname, "../node_modules/.bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const result = spawnSync(bin, plan.args, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.error) {
    console.error(`npm ${command}: could not run office-addin-debugging (${result.error.message}).`);
    return 1;
  }
  return result.status ?? 1;
}

if (require.main === module) {
  const command = process.argv[2];
  if (command !== "start" && command !== "stop") {
    console.error("usage: ts-node scripts/start.ts start|stop");
    process.exit(2);
  }
  process.exit(run(command));
}
