export { ReviewStep } from "./ReviewStep";
export type { ReviewStepProps } from "./ReviewStep.types";
