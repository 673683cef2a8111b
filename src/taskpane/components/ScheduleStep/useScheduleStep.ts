import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { Plan } from "../../../core/plan/types";
import { planCheckText } from "../../../core/plan/messages";
import { endAfterGoal } from "../../../core/plan/scheduleDates";
import { moveLaunchTo } from "../../../core/plan/launch";
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
  const [holidayDraft, setHolidayDraftState] = useState("");
  const [holidayError, setHolidayError] = useState<string | null>(null);
  const setHolidayDraft = (v: string) => {
    setHolidayDraftState(v);
    if (v !== "") setHolidayError(null);
  };

  const replaceWith = (next: Plan) => update((d) => Object.assign(d, next));

  const confirmTemplate = () => {
    setConfirming(false);
    try {
      replaceWith(applyTemplate(plan, templateId, new Date(), locale));
      setTemplateError(null);
    } catch (e) {
      setTemplateError(shortDetail(e) ?? "");
    }
  };

  const addHoliday = () => {
    const day = holidayDraft.trim();
    if (day === "") {
      setHolidayError(planCheckText(locale, "holidayPick"));
      return;
    }
    setHolidayError(null);
    if (!plan.schedule.holidays.includes(day)) update((d) => void (d.schedule.holidays = [...d.schedule.holidays, day].sort()));
    setHolidayDraft("");
  };

  // The warning is not urgent: it is computed from a deferred copy, after the keystroke is painted.
  const deferredPlan = useDeferredValue(plan);
  const late = useMemo(() => endAfterGoal(deferredPlan), [deferredPlan]);

  // The launch task's choices change only with a task's name or the order (not at every keystroke in a Days box).
  const tasks = plan.schedule.tasks;
  const launchKey = tasks.map((t) => `${t.id}\u0001${t.name}`).join("\u0002");
  const launchChoices = useMemo(() => tasks.map((task, i) => ({ id: task.id, label: `${i + 1}. ${task.name || task.id}` })), [launchKey]); // keyed by content
  const setLaunchTask = useCallback(
    (id: string) =>
      update((d) => {
        if (id === "") delete d.schedule.launchTaskId;
        else d.schedule.launchTaskId = id;
      }),
    [update],
  );

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
    /** "Add holiday" with no date says so at the field. */
    holidayError,
    setHolidayDraft,
    addHoliday,
    removeHoliday: (day: string) => update((d) => void (d.schedule.holidays = d.schedule.holidays.filter((h) => h !== day))),
    setStartDate: (v: string) =>
      update((d) => {
        d.schedule.startDate = v;
        delete d.schedule.launchPinned; // the start now anchors the plan
      }),
    /** The launch date is the launch task's start: typing one moves the whole schedule there. */
    setLaunchDate: (v: string) => {
      if (v !== "")
        update((d) => {
          if (moveLaunchTo(d, v)) d.schedule.launchPinned = true;
        });
    },
    launchChoices,
    setLaunchTask,
    message: (path: string) => fieldMessage(problems, path),
  };
}
