/**
 * `npm run serve` off Windows/macOS: the development certificates are
 * generated without sudo or a trust store (scripts/devCerts.js), and the
 * localhost certificate they give the dev server is signed by the CA the
 * user is told to trust, for localhost. Run in a child process with its own
 * HOME, so the real ~/.office-addin-dev-certs is never touched.
 */
import { execFileSync } from "child_process";
import { X509Certificate } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

it("generates a CA and a localhost certificate signed by it, in ~/.office-addin-dev-certs", () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "opskit-home-"));
  const script = `
    require(${JSON.stringify(path.join(ROOT, "scripts/devCerts.js"))}).httpsOptions("linux").then((o) => {
      process.stdout.write(JSON.stringify({ ca: String(o.ca), cert: String(o.cert), key: String(o.key).slice(0, 40) }));
    }, (e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, env: { ...process.env, HOME: home, USERPROFILE: home }, encoding: "utf8" });
  const json = out.slice(out.indexOf("{"));
  const { ca, cert, key } = JSON.parse(json) as { ca: string; cert: string; key: string };
  const dir = path.join(home, ".office-addin-dev-certs");
  expect(fs.readdirSync(dir).sort()).toEqual(["ca.crt", "localhost.crt", "localhost.key"]);
  const caCert = new X509Certificate(ca);
  const leaf = new X509Certificate(cert);
  expect(leaf.verify(caCert.publicKey)).toBe(true);
  expect(leaf.checkHost("localhost")).toBe("localhost");
  expect(key).toMatch(/PRIVATE KEY/);
  fs.rmSync(home, { recursive: true, force: true });
});
