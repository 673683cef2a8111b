/* eslint-disable @typescript-eslint/no-require-imports */
// Webpack plugin: after each build prints the gzip size of every emitted
// JavaScript file, what each entry loads up front (its files plus the shared
// runtime and chunk) and lazily, and checks the budgets given per file
// (a webpack warning; test/scripts/bundleSize.test.ts fails on it in CI).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

class BundleSizePlugin {
  /** @param {{ budgets?: Record<string, number> }} options budgets in bytes (gzip), by file name */
  constructor(options = {}) {
    this.budgets = options.budgets || {};
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const out = compilation.outputOptions.path;
      const cache = new Map();
      const gz = (file) => {
        if (!cache.has(file)) {
          const full = path.join(out, file);
          cache.set(file, fs.existsSync(full) ? zlib.gzipSync(fs.readFileSync(full), { level: 9 }).length : 0);
        }
        return cache.get(file);
      };
      const lines = ["", "Bundle sizes (gzip -9):"];
      for (const [name, entry] of compilation.entrypoints) {
        const initial = entry.getFiles().filter((f) => f.endsWith(".js"));
        const lazy = new Set();
        for (const f of entry.getEntrypointChunk().getAllAsyncChunks()) for (const file of f.files) if (file.endsWith(".js")) lazy.add(file);
        const sum = (files) => [...files].reduce((s, f) => s + gz(f), 0);
        lines.push(
          `  ${name}: ${initial.map((f) => `${f} ${kb(gz(f))}`).join(" + ")} = ${kb(sum(initial))} up front` +
            (lazy.size ? `; ${kb(sum(lazy))} in ${lazy.size} chunk(s) loaded later` : ""),
        );
      }
      for (const [file, budget] of Object.entries(this.budgets)) {
        const size = gz(file);
        const over = size > budget;
        lines.push(`  budget ${file}: ${kb(size)} of ${kb(budget)}${over ? "  OVER BUDGET" : " ok"}`);
        if (over) compilation.warnings.push(new compiler.webpack.WebpackError(`${file} is ${kb(size)} gzip, over its ${kb(budget)} budget`));
      }
      console.log(lines.join("\n") + "\n");
    });
  }
}

module.exports = { BundleSizePlugin };
