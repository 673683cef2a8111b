export { SqlCopy } from "./SqlCopy";
export type { SqlCopyProps } from "./SqlCopy.types";
