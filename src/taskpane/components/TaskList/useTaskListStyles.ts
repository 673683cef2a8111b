import { tokens } from "@fluentui/react-components";
import { makePaneStyles } from "../../styles";

export const useTaskListStyles = makePaneStyles("task-list", {
  dates: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  deps: { minWidth: "10em", flexGrow: 1 },
  owner: { minWidth: "8em", flexGrow: 1 },
});
