export { TaskList } from "./TaskList";
export type { TaskListProps } from "./TaskList.types";
