import { makePaneStyles } from "../../styles";

export const useTaskListStyles = makePaneStyles("task-list", {
  deps: { flex: "1 1 12em", minWidth: 0 },
  owner: { flex: "1 1 8em", minWidth: 0 },
  days: { flex: "0 0 auto" },
});
