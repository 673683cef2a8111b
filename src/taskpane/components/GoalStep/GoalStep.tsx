import { Field, Input, Radio, RadioGroup, Text, Textarea } from "@fluentui/react-components";
import type { GoalType } from "../../../core/plan/types";
import { usePaneT } from "../../i18n";
import { NumberField } from "../NumberField";
import { useStepStyles } from "../stepStyles";
import type { GoalStepProps } from "./GoalStep.types";
import { FIVE_W2H_KEYS, GOAL_TYPES, useGoalStep } from "./useGoalStep";
import { useGoalStepStyles } from "./useGoalStepStyles";

const GOAL_LABEL = { users: "goalUsers", revenue: "goalRevenue", activity: "goalActivity" } as const;

export function GoalStep(props: GoalStepProps) {
  const { t } = usePaneT();
  const s = useGoalStep(props);
  const styles = useStepStyles();
  const own = useGoalStepStyles();
  const { plan } = s;
  const err = (path: string) => {
    const m = s.message(path);
    return { validationMessage: m, validationState: m ? ("error" as const) : ("none" as const) };
  };

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("goalIntro")}</Text>
      <Field label={t("planTitle")} required {...err("title")}>
        <Input value={plan.title} onChange={(_, d) => s.setTitle(d.value)} />
      </Field>
      <Field label={t("goalType")} required {...err("goal.type")}>
        <RadioGroup value={plan.goal.type} onChange={(_, d) => s.setType(d.value as GoalType)}>
          {GOAL_TYPES.map((type) => (
            <Radio key={type} value={type} label={t(GOAL_LABEL[type])} />
          ))}
        </RadioGroup>
      </Field>
      <div className={own.target}>
        <NumberField className={own.value} label={t("targetValue")} required value={plan.goal.target.value} blankValue={NaN} onChange={s.setTargetValue} validationMessage={s.message("goal.target.value")} />
        <Field className={own.unit} label={t("targetUnit")} required hint={t("targetUnitHint")} {...err("goal.target.unit")}>
          <Input className={styles.fill} value={plan.goal.target.unit} onChange={(_, d) => s.setTargetUnit(d.value)} />
        </Field>
        <Field className={own.wide} label={t("targetBy")} required {...(s.message("goal.target.by") ? err("goal.target.by") : s.byWarning ? { validationMessage: s.byWarning, validationState: "warning" as const } : {})}>
          <Input className={styles.fill} type="date" value={plan.goal.target.by} onChange={(_, d) => s.setTargetBy(d.value)} />
        </Field>
      </div>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("fiveW2H")}</legend>
        {FIVE_W2H_KEYS.map((key) => (
          <Field key={key} label={t(`w_${key}`)} hint={t(`w_${key}_hint`)} {...err(`goal.fiveW2H.${key}`)}>
            <Textarea resize="vertical" value={plan.goal.fiveW2H[key]} onChange={(_, d) => s.set5W2H(key, d.value)} />
          </Field>
        ))}
      </fieldset>
    </div>
  );
}
