/* eslint-disable @typescript-eslint/no-require-imports */
// typescript-eslint's recommended rules plus the Office add-in rules
// (sync/load discipline). Prettier formatting is not enforced.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, name.startsWith("no-") ? "warn" : "error"]),
);

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-tsc/**", "node_modules/**", "coverage/**", "test-output/**", "demo/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "scripts/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);
