export { RemovableList } from "./RemovableList";
export type { RemovableListProps } from "./RemovableList.types";
