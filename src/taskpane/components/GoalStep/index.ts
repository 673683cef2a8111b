export { GoalStep } from "./GoalStep";
export type { GoalStepProps } from "./GoalStep.types";
