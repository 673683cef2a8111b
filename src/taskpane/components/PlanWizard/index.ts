export { PlanWizard } from "./PlanWizard";
export type { PlanWizardProps } from "./PlanWizard.types";
