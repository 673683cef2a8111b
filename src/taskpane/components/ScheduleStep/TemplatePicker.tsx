/**
 * The Schedule step's template choice and "Use this template". This module,
 * with the list of every template (templateChoice.ts), is the lazy part
 * TemplatePickerPart (parts.tsx, the "plan-templates" chunk), fetched the
 * first time the choice is shown: not at start (a new plan needs only the
 * default template) and not with the steps' preload. Until it arrives, or if
 * it cannot be fetched, the step shows the pane's lazy-part status or
 * failure message (en and zh-CN) in its place, and it is fetched again the
 * next time the choice is shown.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { shortDetail } from "../../errors";
import { usePaneT } from "../../i18n";
import { applyTemplate, templateChoices } from "../../templateChoice";
import { useStepStyles } from "../stepStyles";
import type { ScheduleStepProps } from "./ScheduleStep.types";

export type TemplatePickerProps = Pick<ScheduleStepProps, "plan" | "update">;

function useTemplatePicker({ plan, update }: TemplatePickerProps) {
  const { locale } = usePaneT();
  const templates = useMemo(() => templateChoices(locale), [locale]);
  const [templateId, setTemplateId] = useState(plan.schedule.templateId || templates[0]?.id || "");
  const [confirming, setConfirming] = useState(false);
  const [templateError, setTemplateError] = useState<string | null>(null);

  const confirmTemplate = () => {
    setConfirming(false);
    try {
      const next = applyTemplate(plan, templateId, new Date(), locale);
      update((d) => Object.assign(d, next));
      setTemplateError(null);
    } catch (e) {
      setTemplateError(shortDetail(e) ?? "");
    }
  };

  return {
    templates,
    templateId,
    setTemplateId,
    /** Applying asks first when the plan already has tasks. */
    requestTemplate: () => (plan.schedule.tasks.length > 0 ? setConfirming(true) : confirmTemplate()),
    confirming,
    cancelTemplate: () => setConfirming(false),
    confirmTemplate,
    templateError,
  };
}

export function TemplatePicker(props: TemplatePickerProps) {
  const { t } = usePaneT();
  const s = useTemplatePicker(props);
  const styles = useStepStyles();
  const chosen = s.templates.find((x) => x.id === s.templateId);
  return (
    <>
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
    </>
  );
}
