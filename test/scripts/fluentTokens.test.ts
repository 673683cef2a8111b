/** The build's stand-in for Fluent's `tokens` (scripts/fluentTokens.js) gives exactly what the original gives, for every token. */
import * as path from "path";
import * as fs from "fs";

const ROOT = path.resolve(__dirname, "../..");
/** The ES module files as plain scripts: `export const tokens = X` → X. */
function evaluateTokensModule(file: string): Record<string, unknown> {
  const source = fs.readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
  const body = source.replace(/export const tokens =/, "return").replace(/^const /m, "var ");
  return new Function(body)() as Record<string, unknown>;
}

const original = evaluateTokensModule(path.join(ROOT, "node_modules/@fluentui/tokens/lib/tokens.js"));
const standIn = evaluateTokensModule(path.join(ROOT, "scripts/fluentTokens.js"));

it("the original still maps every token to var(--name), a few with a fallback (the premise of the stand-in)", () => {
  const keys = Object.keys(original);
  expect(keys.length).toBeGreaterThan(400);
  expect(keys.filter((k) => !new RegExp(`^var\\(--${k}(, [^)]+)?\\)$`).test(String(original[k])))).toEqual([]);
});

it("the stand-in gives the same string for every token", () => {
  const differing = Object.keys(original).filter((k) => standIn[k] !== original[k]);
  expect(differing).toEqual([]);
});

it("webpack.config.js swaps the module in for @fluentui/tokens/lib/tokens.js only", () => {
  const config = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
  expect(config).toContain('path.resolve(__dirname, "scripts/fluentTokens.js")');
  const pattern = /NormalModuleReplacementPlugin\((\/.*\/),/.exec(config)![1]!;
  const regex = new Function(`return ${pattern}`)() as RegExp;
  expect(regex.test("/x/node_modules/@fluentui/tokens/lib/tokens.js")).toBe(true);
  expect(regex.test("/x/node_modules/@fluentui/tokens/lib/global/colors.js")).toBe(false);
  expect(regex.test("C:\\x\\node_modules\\@fluentui\\tokens\\lib\\tokens.js")).toBe(true);
});
