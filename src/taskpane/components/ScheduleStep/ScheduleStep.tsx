import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import { Add16Regular } from "@fluentui/react-icons";
import { memo } from "react";
import { usePaneT } from "../../i18n";
import { TemplatePickerPart } from "../../parts";
import { RemovableList } from "../RemovableList";
import { TaskList } from "../TaskList";
import { useStepStyles } from "../stepStyles";
import type { ScheduleStepProps } from "./ScheduleStep.types";
import { useScheduleStep } from "./useScheduleStep";
import { useScheduleStepStyles } from "./useScheduleStepStyles";

export function ScheduleStep(props: ScheduleStepProps) {
  const { t } = usePaneT();
  const s = useScheduleStep(props);
  const styles = useStepStyles();
  const own = useScheduleStepStyles();
  const err = (path: string) => {
    const m = s.message(path);
    return { validationMessage: m, validationState: m ? ("error" as const) : ("none" as const) };
  };

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("scheduleIntro")}</Text>
      <TemplatePickerPart plan={props.plan} update={props.update} />

      <div className={own.dates}>
        <Field label={t("startDate")} required {...err("schedule.startDate")}>
          <Input className={styles.fill} type="date" value={s.plan.schedule.startDate} onChange={(_, d) => s.setStartDate(d.value)} />
        </Field>
        <Field label={t("launchDate")} {...err("schedule.launchDate")}>
          <Input className={styles.fill} type="date" disabled={s.plan.schedule.launchTaskId === undefined} value={s.plan.schedule.launchDate ?? ""} onChange={(_, d) => s.setLaunchDate(d.value)} />
        </Field>
      </div>
      <LaunchTaskField value={s.plan.schedule.launchTaskId ?? ""} choices={s.launchChoices} onChange={s.setLaunchTask} message={s.message("schedule.launchTaskId")} />

      {s.lateEnd && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.lateEnd}</MessageBarBody>
        </MessageBar>
      )}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("holidays")}</legend>
        {s.plan.schedule.holidays.length === 0 ? (
          <Text className={styles.empty}>{t("noHolidays")}</Text>
        ) : (
          <RemovableList label={t("holidays")} items={s.plan.schedule.holidays} removeLabel={(day) => t("removeHoliday", { date: day })} onRemove={s.removeHoliday} />
        )}
        <div className={styles.row}>
          <Field className={styles.date} label={t("holidayNew")} {...(s.holidayError ? { validationMessage: s.holidayError, validationState: "error" as const } : err("schedule.holidays"))}>
            <Input
              type="date"
              value={s.holidayDraft}
              onChange={(_, d) => s.setHolidayDraft(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  s.addHoliday();
                }
              }}
            />
          </Field>
          <Button icon={<Add16Regular />} onClick={s.addHoliday}>
            {t("addHoliday")}
          </Button>
        </div>
      </fieldset>

      <TaskList {...props} />
    </div>
  );
}

/** The launch task dropdown (one option per task): re-rendered when a task's name or the choice changes, not at every keystroke. */
const LaunchTaskField = memo(function LaunchTaskField(props: {
  value: string;
  choices: readonly { id: string; label: string }[];
  onChange: (id: string) => void;
  message: string | undefined;
}) {
  const { t } = usePaneT();
  return (
    <Field label={t("launchTask")} hint={t("launchTaskHint")} validationMessage={props.message} validationState={props.message ? "error" : "none"}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{t("launchTaskNone")}</option>
        {props.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
});
