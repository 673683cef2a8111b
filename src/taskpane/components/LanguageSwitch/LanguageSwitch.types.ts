import type { Locale } from "../../../core/i18n";

export interface LanguageSwitchProps {
  /** Called after the language changed (e.g. to remember it). */
  onChange?: (locale: Locale) => void;
}
