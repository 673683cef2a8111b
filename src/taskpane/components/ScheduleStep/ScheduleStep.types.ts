import type { StepProps } from "../stepTypes";

/** Step 3: template, dates, holidays and the task list. */
export type ScheduleStepProps = StepProps;
