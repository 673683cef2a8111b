export { ShareTab } from "./ShareTab";
export type { ShareTabProps } from "./ShareTab.types";
