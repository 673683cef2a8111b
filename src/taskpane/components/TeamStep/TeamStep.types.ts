import type { StepProps } from "../stepTypes";

/** Step 2: people and roles, channels, budget. */
export type TeamStepProps = StepProps;
