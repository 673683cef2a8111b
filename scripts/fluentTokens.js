// Build-time stand-in for @fluentui/tokens' `tokens` object (webpack.config.js swaps it in).
// Every Fluent v9 token is the CSS variable of the same name — `tokens.colorNeutralForeground1`
// is 'var(--colorNeutralForeground1)' — and FluentProvider writes those variables from the
// theme. The original spells out all 465 of them (35 KB, 4 KB gzip of the pane's start-up
// budget); this computes the same string on access. test/scripts/fluentTokens.test.ts checks
// it against the original, key by key. Only property access is supported (nothing in Fluent
// or OpsKit enumerates `tokens`).
// The z-index tokens are the exception: they carry a fallback value.
const FALLBACKS = { zIndexBackground: 0, zIndexContent: 1, zIndexOverlay: 1000, zIndexPopup: 2000, zIndexMessages: 3000, zIndexFloating: 4000, zIndexPriority: 5000, zIndexDebug: 6000 };
export const tokens = new Proxy(
  {},
  {
    get: (_target, name) => {
      if (typeof name !== "string") return undefined;
      return Object.prototype.hasOwnProperty.call(FALLBACKS, name) ? `var(--${name}, ${FALLBACKS[name]})` : `var(--${name})`;
    },
  },
);
