import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { stepLabel } from "../../describePath";
import { usePaneT } from "../../i18n";
import { STEPS } from "../../planEditing";
import { GoalStep } from "../GoalStep";
import { ContingencyStepPart, IndicatorsStepPart, ReviewStepPart, ScheduleStepPart, TeamStepPart } from "../../parts";
import type { PlanWizardProps } from "./PlanWizard.types";
import { usePlanWizard } from "./usePlanWizard";
import { usePlanWizardStyles } from "./usePlanWizardStyles";

const SAVE_KEY = { idle: null, saving: "saving", saved: "saved", failed: null } as const;

/** The six steps from goal to generated sheets; the plan is saved in the workbook at every step change. */
export function PlanWizard(props: PlanWizardProps) {
  const { t } = usePaneT();
  const w = usePlanWizard(props);
  const styles = usePlanWizardStyles();
  const stepProps = { plan: props.plan, update: props.update, problems: w.visibleProblems };
  const saveKey = SAVE_KEY[props.saveState];

  return (
    <div className={styles.root}>
      <nav aria-label={t("stepsLabel")}>
        <ol className={styles.steps}>
          {STEPS.map((id, i) => (
            <li key={id}>
              <Button
                size="small"
                appearance={id === w.step ? "primary" : "subtle"}
                aria-current={id === w.step ? "step" : undefined}
                onClick={() => w.goTo(id)}
              >
                {`${i + 1}. ${stepLabel(t, id)}`}
              </Button>
            </li>
          ))}
        </ol>
      </nav>

      <div>
        <Text className={styles.counter}>{t("stepOf", { n: w.index + 1, total: w.total })}</Text>
        <h2 className={styles.heading} ref={w.headingRef} tabIndex={-1}>
          {stepLabel(t, w.step)}
        </h2>
      </div>

      {props.saveState === "failed" && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {t("saveFailed")}
          </MessageBarBody>
        </MessageBar>
      )}
      {w.blocked && (
        <div ref={w.blockedRef} tabIndex={-1}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{stepLabel(t, w.step)}</MessageBarTitle>
            {t("stepHasProblems")}
          </MessageBarBody>
        </MessageBar>
        </div>
      )}

      <div ref={w.bodyRef}>
        {w.step === "goal" && <GoalStep {...stepProps} />}
        {w.step === "team" && <TeamStepPart {...stepProps} />}
        {w.step === "schedule" && <ScheduleStepPart {...stepProps} />}
        {w.step === "indicators" && <IndicatorsStepPart {...stepProps} />}
        {w.step === "contingency" && <ContingencyStepPart {...stepProps} />}
        {w.step === "review" && <ReviewStepPart {...stepProps} allProblems={props.problems} onGoToStep={w.fix} onSave={props.save} />}
      </div>

      <div className={styles.footer}>
        <Button onClick={w.back} disabled={w.index === 0}>
          {t("back")}
        </Button>
        <Text className={styles.status} role="status">
          {saveKey ? t(saveKey) : ""}
        </Text>
        {w.step !== "review" && (
          <Button appearance="primary" onClick={w.next}>
            {t("next")}
          </Button>
        )}
      </div>
    </div>
  );
}

