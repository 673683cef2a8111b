export { TeamStep } from "./TeamStep";
export type { TeamStepProps } from "./TeamStep.types";
