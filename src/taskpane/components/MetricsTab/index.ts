export { MetricsTab } from "./MetricsTab";
export type { MetricsTabProps } from "./MetricsTab.types";
