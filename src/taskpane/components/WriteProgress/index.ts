export { WriteProgress } from "./WriteProgress";
export type { WriteProgressProps } from "./WriteProgress.types";
