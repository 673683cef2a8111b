export { TieringTab } from "./TieringTab";
export type { TieringTabProps } from "./TieringTab.types";
