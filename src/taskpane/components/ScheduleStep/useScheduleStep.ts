import { useMemo, useState } from "react";
import type { Plan } from "../../../core/plan/types";
import { planCheckText } from "../../../core/plan/messages";
import { endAfterGoal } from "../../../core/plan/scheduleDates";
import { usePaneT } from "../../i18n";
import { fieldMessage } from "../../planEditing";
import { applyTemplate, templateChoices } from "../../planSources";
import { shortDetail } from "../../errors";
import type { ScheduleStepProps } from "./ScheduleStep.types";

export function useScheduleStep({ plan, update, problems }: ScheduleStepProps) {
  const { locale } = usePaneT();
  const templates = useMemo(() => templateChoices(locale), [locale]);
  const [templateId, setTemplateId] = useState(plan.schedule.templateId || templates[0]?.id || "");
  const [confirming, setConfirming] = useState(false);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [holidayDraft, setHolidayDraft] = useState("");

  const replaceWith = (next: Plan) => update((d) => Object.assign(d, next));

  const confirmTemplate = () => {
    setConfirming(false);
    try {
      replaceWith(applyTemplate(plan, templateId));
      setTemplateError(null);
    } catch (e) {
      setTemplateError(shortDetail(e) ?? "");
    }
  };

  const addHoliday = () => {
    const day = holidayDraft.trim();
    if (day === "") return;
    if (!plan.schedule.holidays.includes(day)) update((d) => void (d.schedule.holidays = [...d.schedule.holidays, day].sort()));
    setHolidayDraft("");
  };

  const late = useMemo(() => endAfterGoal(plan), [plan]);

  return {
    plan,
    /** Warning when the schedule ends after the goal's date (does not block). */
    lateEnd: late ? planCheckText(locale, "endsAfterGoal", late) : null,
    templates,
    templateId,
    setTemplateId,
    /** Applying asks first when the plan already has tasks. */
    requestTemplate: () => (plan.schedule.tasks.length > 0 ? setConfirming(true) : confirmTemplate()),
    confirming,
    cancelTemplate: () => setConfirming(false),
    confirmTemplate,
    templateError,
    holidayDraft,
    setHolidayDraft,
    addHoliday,
    removeHoliday: (day: string) => update((d) => void (d.schedule.holidays = d.schedule.holidays.filter((h) => h !== day))),
    setStartDate: (v: string) => update((d) => void (d.schedule.startDate = v)),
    setLaunchDate: (v: string) =>
      update((d) => {
        if (v === "") delete d.schedule.launchDate;
        else d.schedule.launchDate = v;
      }),
    message: (path: string) => fieldMessage(problems, path),
  };
}
