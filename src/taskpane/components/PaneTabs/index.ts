export { PaneTabs } from "./PaneTabs";
export type { PaneTab, PaneTabsProps } from "./PaneTabs.types";
