import type { StepProps } from "../stepTypes";

/** Step 4: indicators with targets and, optionally, workbook ranges for live OPS formulas. */
export type IndicatorsStepProps = StepProps;
