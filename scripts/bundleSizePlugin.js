/* eslint-disable @typescript-eslint/no-require-imports */
// Webpack plugin: after each build, prints the gzip size of every entry's
// initial file(s) and of the lazy chunks it can load, and reports an entry
// over its budget (a webpack warning; test/scripts/bundleSize.test.ts fails on it).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

class BundleSizePlugin {
  constructor(options = {}) {
    this.budgets = options.budgets || {};
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const out = compilation.outputOptions.path;
      const gz = (file) => {
        const full = path.join(out, file);
        return fs.existsSync(full) ? zlib.gzipSync(fs.readFileSync(full), { level: 9 }).length : 0;
      };
      const lines = ["", "Bundle sizes (gzip -9):"];
      for (const [name, entry] of compilation.entrypoints) {
        const initial = entry.getFiles().filter((f) => f.endsWith(".js"));
        const initialSize = initial.reduce((sum, f) => sum + gz(f), 0);
        const lazy = new Set();
        for (const chunk of entry.chunks) for (const c of chunk.getAllAsyncChunks()) for (const f of c.files) if (f.endsWith(".js")) lazy.add(f);
        const lazySize = [...lazy].reduce((sum, f) => sum + gz(f), 0);
        const budget = this.budgets[name];
        const over = budget !== undefined && initialSize > budget;
        lines.push(
          `  ${name.padEnd(10)} ${kb(initialSize).padStart(10)} initial (${initial.join(", ")})` +
            (lazy.size ? `, ${kb(lazySize)} in ${lazy.size} lazy chunk(s)` : "") +
            (budget !== undefined ? `  budget ${kb(budget)}${over ? "  OVER BUDGET" : " ok"}` : ""),
        );
        if (over) {
          const { WebpackError } = compiler.webpack;
          compilation.warnings.push(new WebpackError(`${name} is ${kb(initialSize)} gzip, over its ${kb(budget)} budget`));
        }
      }
      console.log(lines.join("\n") + "\n");
    });
  }
}

module.exports = { BundleSizePlugin };
