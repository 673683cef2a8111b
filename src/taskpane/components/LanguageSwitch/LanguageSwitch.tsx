import { Label, Select, useId } from "@fluentui/react-components";
import { usePaneT } from "../../i18n";
import type { LanguageSwitchProps } from "./LanguageSwitch.types";
import { useLanguageSwitch } from "./useLanguageSwitch";
import { useLanguageSwitchStyles } from "./useLanguageSwitchStyles";

const NAME_KEY = { en: "languageEn", "zh-CN": "languageZh" } as const;

/** English / 简体中文, starting from Office's display language. */
export function LanguageSwitch(props: LanguageSwitchProps) {
  const { t } = usePaneT();
  const s = useLanguageSwitch(props);
  const styles = useLanguageSwitchStyles();
  const id = useId("language");
  return (
    <div className={styles.root}>
      <Label htmlFor={id} size="small">
        {t("language")}
      </Label>
      <Select id={id} size="small" className={styles.select} value={s.locale} onChange={(_, d) => s.choose(d.value)}>
        {s.locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(NAME_KEY[l])}
          </option>
        ))}
      </Select>
    </div>
  );
}
