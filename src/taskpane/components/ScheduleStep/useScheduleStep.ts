import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { planCheckText } from "../../../core/plan/messages";
import { endAfterGoal } from "../../../core/plan/scheduleDates";
import { moveLaunchTo } from "../../../core/plan/launch";
import { usePaneT } from "../../i18n";
import { fieldMessage } from "../../planEditing";
import type { ScheduleStepProps } from "./ScheduleStep.types";

export function useScheduleStep({ plan, update, problems }: ScheduleStepProps) {
  const { locale } = usePaneT();
  const [holidayDraft, setHolidayDraftState] = useState("");
  const [holidayError, setHolidayError] = useState<string | null>(null);
  const setHolidayDraft = (v: string) => {
    setHolidayDraftState(v);
    if (v !== "") setHolidayError(null);
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
