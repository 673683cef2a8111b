/**
 * The pane's component styles: the makeStyles shape (one hook per
 * component, rules written with Fluent design tokens, no raw colours), but
 * compiled once into plain class rules in one <style> element instead of
 * through Griffel's runtime compiler, which alone would cost about 8 KB of
 * the task pane's 120 KB gzip budget. Fluent's own components keep their
 * precompiled Griffel styles.
 *
 * Class names are "opk-<scope>-<key>", written twice in the selector
 * (.a.a) so they win over Fluent's single-class atomic rules when both set
 * a property, as mergeClasses would make them. Nested keys: ":focus-visible"
 * (a pseudo-class of the element) and "&[hidden]" ("&" = the element).
 */
import type { CSSProperties } from "react";

export type PaneRule = CSSProperties & { [nested: `:${string}` | `&${string}`]: CSSProperties };

const sheetId = "opskit-pane-styles";
const injected = new Set<string>();

const kebab = (prop: string) => prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function declarations(style: CSSProperties): string {
  return Object.entries(style)
    .filter(([, v]) => v !== undefined && v !== null && typeof v !== "object")
    .map(([k, v]) => `${kebab(k)}:${String(v)}`)
    .join(";");
}

/** CSS text of one scope (exported for tests). */
export function cssOf(scope: string, rules: Record<string, PaneRule>): string {
  const out: string[] = [];
  for (const [key, rule] of Object.entries(rules)) {
    const cls = `.opk-${scope}-${key}`;
    const self = `${cls}${cls}`;
    out.push(`${self}{${declarations(rule)}}`);
    for (const [nested, style] of Object.entries(rule)) {
      if (typeof style !== "object" || style === null) continue;
      const selector = nested.startsWith("&") ? nested.replace(/&/g, self) : `${self}${nested}`;
      out.push(`${selector}{${declarations(style as CSSProperties)}}`);
    }
  }
  return out.join("\n");
}

function inject(scope: string, rules: Record<string, PaneRule>): void {
  if (injected.has(scope) || typeof document === "undefined") return;
  injected.add(scope);
  let sheet = document.getElementById(sheetId) as HTMLStyleElement | null;
  if (!sheet) {
    sheet = document.createElement("style");
    sheet.id = sheetId;
    document.head.appendChild(sheet);
  }
  sheet.appendChild(document.createTextNode(cssOf(scope, rules) + "\n"));
}

/** Declares a component's styles; returns its useComponentStyles hook (class name per key). */
export function makePaneStyles<K extends string>(scope: string, rules: Record<K, PaneRule>): () => Record<K, string> {
  const names = Object.fromEntries(Object.keys(rules).map((k) => [k, `opk-${scope}-${k}`])) as Record<K, string>;
  return () => {
    inject(scope, rules);
    return names;
  };
}
