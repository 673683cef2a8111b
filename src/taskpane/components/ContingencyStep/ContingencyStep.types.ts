import type { StepProps } from "../stepTypes";

/** Step 5: risks with their triggers, responses, owners and resources. */
export type ContingencyStepProps = StepProps;
