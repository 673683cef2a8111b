export { ScheduleStep } from "./ScheduleStep";
export type { ScheduleStepProps } from "./ScheduleStep.types";
