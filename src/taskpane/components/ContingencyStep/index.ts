export { ContingencyStep } from "./ContingencyStep";
export type { ContingencyStepProps } from "./ContingencyStep.types";
