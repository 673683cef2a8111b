/**
 * `npm run sql -- <metric> [options]` (scripts/sql.ts): prints the query the
 * generators give for those options, --help lists the metrics and options,
 * a bad option prints a message and exits with status 2.
 */
import { spawnSync } from "child_process";
import path from "path";
import { parseArgs, runCli } from "../../../scripts/sql";
import { funnelSql, payrateSql, renewalSql, retentionSql, tierSql } from "../../../src/core/sql";

describe("command line → generator options", () => {
  it.each<[string, string[], unknown]>([
    ["retention defaults", ["retention"], {}],
    ["retention, every option", ["retention", "--period", "week", "--periods", "1,2,4", "--mode", "unbounded", "--segments", "--row-order", "rn"], { period: "week", periods: [1, 2, 4], mode: "unbounded", segments: true, rowOrder: "rn" }],
    ["periods N; --name=value; a segment column", ["retention", "--periods=7", "--segments", "channel"], { periods: 7, segments: "channel" }],
    ["funnel", ["funnel", "--steps", "browse, register,pay", "--window", "14"], { steps: ["browse", "register", "pay"], windowDays: 14 }],
    ["retention from a start list", ["retention", "--start-table", "signups", "--segments"], { startTable: "signups", segments: true }],
    ["funnel by segment", ["funnel", "--steps", "browse,pay", "--segments", "--row-order", "rn"], { steps: ["browse", "pay"], segments: true, rowOrder: "rn" }],
    ["payrate", ["payrate", "--measure", "arppu", "--population-event", "register"], { measure: "arppu", populationEvent: "register" }],
    ["tier", ["tier", "--method", "pareto", "--cutoffs", "0.5,0.8,0.95", "--labels", "S,A,B,C"], { method: "pareto", cutoffs: [0.5, 0.8, 0.95], labels: ["S", "A", "B", "C"] }],
    ["renewal with a table", ["renewal", "--measure", "payers", "--payments-table", "billing.payments"], { measure: "payers", tables: { payments: "billing.payments" } }],
  ])("%s", (_name, argv, options) => {
    expect(parseArgs(argv).options).toEqual(options);
  });

  it.each<[string[], string]>([
    [["retention", "--period", "week", "--periods", "1,2,4"], retentionSql({ period: "week", periods: [1, 2, 4] })],
    [["funnel", "--steps", "browse,register,pay", "--window", "14"], funnelSql({ steps: ["browse", "register", "pay"], windowDays: 14 })],
    [["funnel", "--steps", "browse,pay", "--segments", "channel"], funnelSql({ steps: ["browse", "pay"], segments: "channel" })],
    [["payrate", "--measure", "arppu"], payrateSql({ measure: "arppu" })],
    [["tier", "--method", "pareto", "--cutoffs", "0.5,0.8,0.95"], tierSql({ method: "pareto", cutoffs: [0.5, 0.8, 0.95] })],
    [["renewal", "--period", "month"], renewalSql({ period: "month" })],
  ])("%j prints the query", (argv, sql) => {
    expect(runCli(argv)).toEqual({ status: 0, stdout: sql, stderr: "" });
  });

  it("--help lists every metric and option", () => {
    const { status, stdout } = runCli(["--help"]);
    expect(status).toBe(0);
    for (const word of ["retention", "funnel", "payrate", "tier", "renewal", "--period", "--periods", "--mode", "--segments", "--steps", "--window", "--measure", "--method", "--cutoffs", "--labels"]) {
      expect(stdout).toContain(word);
    }
    expect(runCli([]).stdout).toBe(stdout);
    expect(runCli(["tier", "-h"]).stdout).toBe(stdout);
  });

  it.each<[string[], RegExp]>([
    [["cohorts"], /unknown metric "cohorts"/],
    [["--period", "week"], /name a metric first/],
    [["retention", "--perid", "week"], /retention has no option --perid/],
    [["retention", "--period"], /--period needs a value/],
    [["retention", "week"], /unexpected "week"/],
    [["retention", "--period", "quarter"], /^sql: --period must be one of: day, week, month/],
    [["retention", "--periods", "1,x"], /--periods must be whole numbers from 1 to 16382 \(got "x"\)/],
    [["funnel", "--window", "14"], /^sql: --steps must be a non-empty list/],
    [["funnel", "--steps", "a,b", "--window", "soon"], /--window must be a number greater than 0 \(got "soon"\)/],
    [["funnel", "--steps", "a,b,a"], /distinct step names/],
    [["tier", "--cutoffs", "0.5,0.8"], /labels must have exactly one more entry than cutoffs/],
  ])("%j → message and status 2", (argv, pattern) => {
    const { status, stdout, stderr } = runCli(argv);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(pattern);
    expect(stderr).toMatch(/--help/);
  });
});

describe("npm run sql", () => {
  const root = path.resolve(__dirname, "..", "..", "..");
  it("prints the query, and exits 2 on a bad option", () => {
    const ok = spawnSync("npm", ["run", "--silent", "sql", "--", "retention", "--period", "week"], { cwd: root, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(retentionSql({ period: "week" }));
    const bad = spawnSync("npm", ["run", "--silent", "sql", "--", "retention", "--mode", "rolling"], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--mode must be one of: classic, unbounded/);
  });
});
