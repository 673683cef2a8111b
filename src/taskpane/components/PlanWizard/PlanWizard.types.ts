import type { Plan, PlanProblem } from "../../../core/plan/types";
import type { SaveState } from "../../hooks/usePlanStore";
import type { PlanUpdate, StepId } from "../../planEditing";

export interface PlanWizardProps {
  plan: Plan;
  update: PlanUpdate;
  /** Every problem of the plan, in the pane's language. */
  problems: readonly PlanProblem[];
  /** Saves the plan in the workbook; called at every step change. */
  save: () => Promise<void>;
  saveState: SaveState;
  /**
   * The step shown first.
   * @default "goal"
   */
  initialStep?: StepId;
}
