import type { StepProps } from "../stepTypes";

/** Step 1: the goal, its quantified target and the 5W2H frame. */
export type GoalStepProps = StepProps;
