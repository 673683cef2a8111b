import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, Textarea } from "@fluentui/react-components";
import { usePaneT } from "../../i18n";
import { useStepStyles } from "../stepStyles";
import { useSqlCopyStyles } from "./useSqlCopyStyles";
import { SQL_MEASURES, SQL_MODES, SQL_PANE_METRICS, SQL_PERIODS, SQL_TIER_METHODS, useSqlCopy, type SqlChoices } from "./useSqlCopy";

export function SqlCopy() {
  const { t } = usePaneT();
  const s = useSqlCopy();
  const styles = useStepStyles();
  const own = useSqlCopyStyles();
  const c = s.choices;
  const pick =
    <K extends keyof SqlChoices>(key: K) =>
    (_: unknown, d: { value: string }) =>
      s.set(key, d.value as SqlChoices[K]);

  return (
    <section className={styles.step} aria-labelledby="opskit-sql-title">
      <h3 id="opskit-sql-title" className={styles.legend}>{t("sqlTitle")}</h3>
      <Text className={styles.intro}>{t("sqlIntro")}</Text>
      <Field label={t("sqlMetric")}>
        <Select value={c.metric} onChange={pick("metric")}>
          {SQL_PANE_METRICS.map((m) => (
            <option key={m} value={m}>{t(`sqlMetric_${m}`)}</option>
          ))}
        </Select>
      </Field>
      {c.metric === "retention" && (
        <div className={styles.row}>
          <Field label={t("sqlPeriod")} className={styles.grow}>
            <Select value={c.period} onChange={pick("period")}>
              {SQL_PERIODS.map((p) => (
                <option key={p} value={p}>{t(`sqlPeriod_${p}`)}</option>
              ))}
            </Select>
          </Field>
          <Field label={t("sqlPeriods")} className={styles.grow}>
            <Input value={c.periods} inputMode="numeric" onChange={pick("periods")} />
          </Field>
          <Field label={t("sqlMode")} className={styles.grow}>
            <Select value={c.mode} onChange={pick("mode")}>
              {SQL_MODES.map((m) => (
                <option key={m} value={m}>{t(`sqlMode_${m}`)}</option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {c.metric === "retention" && (
        <Field label={t("sqlStartTable")} hint={t("sqlStartTableHint")}>
          <Input value={c.startTable} placeholder="signups" onChange={pick("startTable")} />
        </Field>
      )}
      {c.metric === "funnel" && (
        <div className={styles.row}>
          <Field label={t("sqlSteps")} className={styles.grow}>
            <Input value={c.steps} onChange={pick("steps")} />
          </Field>
          <Field label={t("sqlWindow")} className={styles.grow}>
            <Input value={c.windowDays} inputMode="decimal" onChange={pick("windowDays")} />
          </Field>
        </div>
      )}
      {c.metric === "funnel" && (
        <Field label={t("sqlFunnelSegments")} hint={t("sqlFunnelSegmentsHint")}>
          <Input value={c.funnelSegments} placeholder="segment" onChange={pick("funnelSegments")} />
        </Field>
      )}
      {c.metric === "payrate" && (
        <Field label={t("sqlMeasure")}>
          <Select value={c.measure} onChange={pick("measure")}>
            {SQL_MEASURES.map((m) => (
              <option key={m} value={m}>{t(`sqlMeasure_${m}`)}</option>
            ))}
          </Select>
        </Field>
      )}
      {c.metric === "tier" && (
        <div className={styles.row}>
          <Field label={t("sqlTierMethod")} className={styles.grow}>
            <Select value={c.method} onChange={pick("method")}>
              {SQL_TIER_METHODS.map((m) => (
                <option key={m} value={m}>{t(`method_${m}`)}</option>
              ))}
            </Select>
          </Field>
          <Field label={t("sqlCutoffs")} className={styles.grow}>
            <Input value={c.cutoffs} onChange={pick("cutoffs")} />
          </Field>
        </div>
      )}

      {s.loadFailed && <Text role="alert">{t("partFailed")}</Text>}
      {!s.ready && !s.loadFailed && <Text role="status">{t("sqlLoading")}</Text>}
      {s.query.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{s.query.error}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t("sqlQuery")} hint={t("sqlDialect")}>
        <Textarea readOnly value={s.query.text} resize="vertical" rows={12} textarea={{ spellCheck: false, className: own.code }} />
      </Field>
      <div>
        <Button disabled={!s.ready || s.query.text === ""} onClick={() => void s.copyQuery()}>
          {t("sqlCopy")}
        </Button>
      </div>
      <div aria-live="polite">
        {s.copy === "copied" && <Text role="status">{t("sqlCopied")}</Text>}
        {s.copy === "unavailable" && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("sqlCopyUnavailable")}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
