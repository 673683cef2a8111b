import type { Plan, PlanProblem } from "../../core/plan/types";
import type { PlanUpdate } from "../planEditing";

/** What every wizard step receives. */
export interface StepProps {
  plan: Plan;
  /** Edits the plan: the callback mutates a copy. */
  update: PlanUpdate;
  /** Problems to show next to the fields (empty until the user tries to leave the step). */
  problems: readonly PlanProblem[];
}
