export { IndicatorsStep } from "./IndicatorsStep";
export type { IndicatorsStepProps } from "./IndicatorsStep.types";
