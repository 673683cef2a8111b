/**
 * The message catalogue behind `t()`: bundles of strings per language and
 * namespace, `{{name}}` placeholders, English as the fallback language, and a
 * language switch that subscribers (the task pane) hear about.
 *
 * Why not i18next: it was 13 KB of the 120 KB gzip the task pane may load at
 * start (with react-i18next, 15 KB), and OpsKit uses none of what that buys
 * (plurals, nesting, formatters, back-ends, detection). This keeps i18next's
 * semantics for what we use, so messages read exactly as before:
 *   - a key missing in the language falls back to English, then to the key;
 *   - `{{name}}` is replaced by String(params.name); a placeholder whose
 *     parameter is missing stays as written; values are not escaped and not
 *     interpolated again;
 *   - keys are flat (a dot is part of the key).
 * test/core/catalogue.test.ts pins each rule.
 */

export type Bundle = Readonly<Record<string, string>>;
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: Params) => string;

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Replaces each {{name}} by its parameter, in one pass (a value is never read as a template). */
export function interpolate(template: string, params: Params | undefined): string {
  if (!params || template.indexOf("{{") < 0) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export const DEFAULT_NAMESPACE = "translation";

export class Catalogue<L extends string> {
  private readonly bundles = new Map<string, Record<string, string>>();
  private readonly listeners = new Set<(language: L) => void>();
  private current: L;

  constructor(private readonly fallback: L) {
    this.current = fallback;
  }

  /** The language messages are given in. */
  get language(): L {
    return this.current;
  }

  private slot(language: L, namespace: string): string {
    return `${language}\u0000${namespace}`;
  }

  /** Adds (or extends) the messages of one language and namespace. */
  addResourceBundle(language: L, namespace: string, bundle: Bundle): void {
    const slot = this.slot(language, namespace);
    this.bundles.set(slot, { ...(this.bundles.get(slot) ?? {}), ...bundle });
  }

  hasResourceBundle(language: L, namespace: string): boolean {
    return this.bundles.has(this.slot(language, namespace));
  }

  /** The message stored for a key in one language and namespace (no fallback), or undefined. */
  getResource(language: L, namespace: string, key: string): string | undefined {
    return this.bundles.get(this.slot(language, namespace))?.[key];
  }

  /** The message for a key: in `language`, else in the fallback language, else the key itself. */
  lookup(language: L, namespace: string, key: string): string {
    return this.bundles.get(this.slot(language, namespace))?.[key] ?? this.bundles.get(this.slot(this.fallback, namespace))?.[key] ?? key;
  }

  /** A translate function bound to one language and namespace. */
  getFixedT(language: L, namespace: string = DEFAULT_NAMESPACE): Translate {
    return (key, params) => interpolate(this.lookup(language, namespace, key), params);
  }

  /** Translates in the current language. */
  t(key: string, params?: Params, namespace: string = DEFAULT_NAMESPACE): string {
    return interpolate(this.lookup(this.current, namespace, key), params);
  }

  changeLanguage(language: L): void {
    if (language === this.current) return;
    this.current = language;
    for (const listener of [...this.listeners]) listener(language);
  }

  /** Calls `listener` after every language change; returns the unsubscribe function. */
  subscribe(listener: (language: L) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
