import { SUPPORTED_LOCALES, type Locale } from "../../../core/i18n/start";
import { switchLanguage, usePaneT } from "../../i18n";
import type { LanguageSwitchProps } from "./LanguageSwitch.types";

export function useLanguageSwitch({ onChange }: LanguageSwitchProps) {
  const { locale } = usePaneT();
  return {
    locale,
    locales: SUPPORTED_LOCALES,
    choose: (next: string) => {
      const value = (SUPPORTED_LOCALES as readonly string[]).includes(next) ? (next as Locale) : "en";
      switchLanguage(value);
      onChange?.(value);
    },
  };
}
