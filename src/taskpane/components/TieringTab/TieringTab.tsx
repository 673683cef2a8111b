import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text } from "@fluentui/react-components";
import type { TierMethod } from "../../../core/metrics/tier";
import { usePaneT } from "../../i18n";
import { NumberField } from "../NumberField";
import { OverwriteDialog } from "../OverwriteDialog";
import { RangePicker } from "../RangePicker";
import { WriteProgress } from "../WriteProgress";
import { useStepStyles } from "../stepStyles";
import type { TieringTabProps } from "./TieringTab.types";
import { PREVIEW_LABELS as LABELS } from "../../../core/metrics/tierPreview";
import { useTieringTab } from "./useTieringTab";
import { useTieringTabStyles } from "./useTieringTabStyles";

const METHODS: readonly TierMethod[] = ["pareto", "rank", "threshold"];

export function TieringTab(props: TieringTabProps) {
  const { t, locale } = usePaneT();
  const s = useTieringTab(props);
  const styles = useStepStyles();
  const own = useTieringTabStyles();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const share = s.method !== "threshold";
  const p = s.preview;

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("tieringIntro")}</Text>
      <RangePicker label={t("tierValues")} required value={s.valuesAddress} onChange={s.setValuesRange} />
      <RangePicker label={t("tierNames")} value={s.namesAddress} onChange={s.setNamesRange} />
      {s.readError && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {s.readError}
          </MessageBarBody>
        </MessageBar>
      )}

      <Field label={t("tierMethod")}>
        <RadioGroup value={s.method} onChange={(_, d) => s.setMethod(d.value as TierMethod)}>
          {METHODS.map((m) => (
            <Radio key={m} value={m} label={t(`method_${m}`)} />
          ))}
        </RadioGroup>
      </Field>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("cutoffs")}</legend>
        <Text className={own.note}>{share ? t("cutoffsHintShare") : t("cutoffsHintThreshold")}</Text>
        <div className={own.cutoffs}>
          {s.cutoffs.map((c, i) => (
            <NumberField key={`${s.method}-${i}`} label={t("cutoffFor", { tier: LABELS[i]! })} value={c} onChange={(v) => s.setCutoff(i, v)} />
          ))}
        </div>
      </fieldset>

      <section aria-live="polite">
        {p.kind === "empty" && <Text className={styles.empty}>{t("previewEmpty")}</Text>}
        {p.kind === "mismatch" && <Text>{t("previewRowsMismatch", { names: p.names, values: p.values })}</Text>}
        {p.kind === "noNumbers" && <Text>{t("previewNoNumbers")}</Text>}
        {p.kind === "badCutoffs" && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t("cutoffs")}</MessageBarTitle>
              {t("cutoffsInvalid")}
            </MessageBarBody>
          </MessageBar>
        )}
        {p.kind === "counts" && (
          <table className={own.table}>
            <caption className={own.caption}>{t("previewTitle")}</caption>
            <thead>
              <tr>
                <th scope="col" className={own.th}>{t("previewTier")}</th>
                <th scope="col" className={own.thNum}>{t("previewCount")}</th>
                <th scope="col" className={own.thNum}>{t("previewValue")}</th>
                <th scope="col" className={own.thNum}>{t("previewShare")}</th>
              </tr>
            </thead>
            <tbody>
              {p.counts.map((c) => (
                <tr key={c.label}>
                  <th scope="row" className={own.cell}>{c.label}</th>
                  <td className={own.num}>{c.count}</td>
                  <td className={own.num}>{number.format(c.value)}</td>
                  <td className={own.num}>{percent.format(c.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div>
        <Button appearance="primary" disabledFocusable={!s.canWrite} onClick={() => void s.writeSheet()}>
          {s.writer.busy ? t("generating") : t("writeTiering")}
        </Button>
      </div>
      <WriteProgress state={s.writer.state} onOpen={(sheet) => void s.open(sheet)} onDismissError={s.writer.dismissError} openError={s.openError} />
      <OverwriteDialog conflicts={s.writer.state.phase === "asking" ? s.writer.state.conflicts : []} onChoose={s.writer.choose} />
    </div>
  );
}
