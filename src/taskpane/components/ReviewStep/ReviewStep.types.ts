import type { PlanProblem } from "../../../core/plan/types";
import type { StepId } from "../../planEditing";
import type { StepProps } from "../stepTypes";

/** Step 6: summary, sheet choice, generate with progress and results. */
export interface ReviewStepProps extends StepProps {
  /** Every problem of the plan (shown when the user tries to generate). */
  allProblems: readonly PlanProblem[];
  /** Jumps to the step where a problem can be fixed. */
  onGoToStep: (step: StepId) => void;
  /** Saves the plan in the workbook (after a successful write). */
  onSave: () => Promise<void> | void;
}
