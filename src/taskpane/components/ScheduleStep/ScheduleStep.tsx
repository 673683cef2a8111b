import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from "@fluentui/react-components";
import { Add16Regular } from "@fluentui/react-icons";
import { memo } from "react";
import { usePaneT } from "../../i18n";
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
  const chosen = s.templates.find((x) => x.id === s.templateId);

  return (
    <div className={styles.step}>
      <Text className={styles.intro}>{t("scheduleIntro")}</Text>
      <div className={styles.step}>
        <Field label={t("template")} hint={chosen?.description}>
          <Select value={s.templateId} onChange={(_, d) => s.setTemplateId(d.value)}>
            {s.templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button onClick={s.requestTemplate} disabled={s.templateId === ""}>
            {t("applyTemplate")}
          </Button>
        </div>
      </div>
      {s.templateError !== null && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {[t("templateFailed"), s.templateError ? t("errorDetails", { message: s.templateError }) : ""].filter(Boolean).join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={s.confirming} onOpenChange={(_, d) => !d.open && s.cancelTemplate()}>
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{t("applyTemplateConfirmTitle")}</DialogTitle>
            <DialogContent>{t("applyTemplateConfirm")}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={s.confirmTemplate}>
                {t("replace")}
              </Button>
              <Button onClick={s.cancelTemplate}>{t("cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

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
