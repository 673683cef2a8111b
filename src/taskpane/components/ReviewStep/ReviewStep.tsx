import {
  Button,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from "@fluentui/react-components";
import { PLAN_SHEET_KINDS } from "../../../core/generators/workbook";
import type { Locale } from "../../../core/i18n";
import { describePath, stepLabel } from "../../describePath";
import { usePaneT } from "../../i18n";
import { stepOfPath, withTaskTitles } from "../../planEditing";
import { OverwriteDialog } from "../OverwriteDialog";
import { WriteProgress } from "../WriteProgress";
import { useStepStyles } from "../stepStyles";
import type { ReviewStepProps } from "./ReviewStep.types";
import { useReviewStep } from "./useReviewStep";
import { useReviewStepStyles } from "./useReviewStepStyles";

const GOAL_LABEL = { users: "goalUsers", revenue: "goalRevenue", activity: "goalActivity" } as const;

export function ReviewStep(props: ReviewStepProps) {
  const { t } = usePaneT();
  const s = useReviewStep(props);
  const styles = useStepStyles();
  const own = useReviewStepStyles();
  const { plan } = s;
  const busy = s.writer.busy;

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("reviewIntro")}</Text>
      <section aria-labelledby="opskit-summary">
        <h3 id="opskit-summary" className={own.heading}>
          {t("summary")}
        </h3>
        <dl className={own.summary}>
          <dt className={own.term}>{t("planTitle")}</dt>
          <dd className={own.detail}>{plan.title}</dd>
          <dt className={own.term}>{t("summaryGoal")}</dt>
          <dd className={own.detail}>
            {t(GOAL_LABEL[plan.goal.type])} — {t("summaryTarget", { value: plan.goal.target.value, unit: plan.goal.target.unit, by: plan.goal.target.by })}
          </dd>
          <dt className={own.term}>{t("summaryPeople")}</dt>
          <dd className={own.detail}>{plan.team.people.length}</dd>
          <dt className={own.term}>{t("summaryTasks")}</dt>
          <dd className={own.detail}>{plan.schedule.tasks.length}</dd>
          <dt className={own.term}>{t("summaryDates")}</dt>
          <dd className={own.detail}>{t("summaryDatesValue", { start: plan.schedule.startDate, launch: plan.schedule.launchDate ?? "—" })}</dd>
          <dt className={own.term}>{t("summaryIndicators")}</dt>
          <dd className={own.detail}>{plan.indicators.length}</dd>
          <dt className={own.term}>{t("summaryRisks")}</dt>
          <dd className={own.detail}>{plan.contingencies.length}</dd>
        </dl>
      </section>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("sheetsToWrite")}</legend>
        <div className={own.checks}>
          {PLAN_SHEET_KINDS.map((kind) => (
            <Checkbox key={kind} label={t(`sheet_${kind}`)} checked={s.chosen.has(kind)} disabled={busy} onChange={(_, d) => s.toggle(kind, d.checked === true)} />
          ))}
        </div>
      </fieldset>
      <Field label={t("sheetLanguage")}>
        <Select value={plan.locale} disabled={busy} onChange={(_, d) => s.setSheetLocale(d.value as Locale)}>
          <option value="en">{t("languageEn")}</option>
          <option value="zh-CN">{t("languageZh")}</option>
        </Select>
      </Field>

      {s.lateEnd && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.lateEnd}</MessageBarBody>
        </MessageBar>
      )}

      {s.showProblems && (
        <div ref={s.problemsRef} tabIndex={-1}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("planProblems", { count: s.problems.length })}</MessageBarTitle>
              <ul className={own.problems}>
                {s.problems.slice(0, 20).map((p, i) => {
                  const step = stepOfPath(p.path);
                  return (
                    <li key={`${p.path}-${i}`}>
                      {describePath(t, p.path)}: {withTaskTitles(p.message, plan.schedule.tasks)}{" "}
                      <Link as="button" onClick={() => props.onGoToStep(step)}>
                        {t("goToStep", { step: stepLabel(t, step) })}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}

      <div>
        <Button
          appearance="primary"
          size="large"
          disabledFocusable={busy || s.nothingChosen}
          onClick={() => void s.generate()}
        >
          {busy ? t("generating") : t("generate")}
        </Button>
        {s.nothingChosen && <Text className={styles.empty}> {t("noSheetsChosen")}</Text>}
      </div>

      <WriteProgress state={s.writer.state} onOpen={(sheet) => void s.open(sheet)} onDismissError={s.writer.dismissError} openError={s.openError} />
      <OverwriteDialog conflicts={s.writer.state.phase === "asking" ? s.writer.state.conflicts : []} onChoose={s.writer.choose} />
    </div>
  );
}
